using System.Collections.ObjectModel;
using System.Globalization;

namespace CohortAnalysis.EffectSizes;

/// <summary>A named rule of thumb that labels effect sizes, held as data: cut-offs, labels and the source.</summary>
/// <remarks>
/// <para>Bins are right-open, as R effectsize's <c>rules(..., right = FALSE)</c>: a value equal to a cut-off gets the
/// upper label (|d| = 0.5 is "medium" under Cohen 1988). The absolute value is classified, so the sign never
/// changes the label. A label never replaces the number: print the estimate and the label together
/// (<see cref="EffectSizeEstimate.ToString(EffectSizeRule)"/>).</para>
/// <para>Immutable; safe to share between threads.</para>
/// </remarks>
public sealed record EffectSizeRule
{
    /// <summary>Creates a rule set.</summary>
    /// <param name="name">Short name as R effectsize spells it, e.g. "cohen1988".</param>
    /// <param name="shortCitation">Author–year as printed after a label, e.g. "Cohen 1988".</param>
    /// <param name="reference">Full reference.</param>
    /// <param name="cutoffs">Increasing cut-offs (k values).</param>
    /// <param name="labels">k + 1 labels, from below the first cut-off to above the last.</param>
    /// <exception cref="ArgumentException">Labels do not number one more than cut-offs, or cut-offs are not increasing.</exception>
    public EffectSizeRule(string name, string shortCitation, string reference, IEnumerable<double> cutoffs, IEnumerable<string> labels)
    {
        Guard.NotNull(name); Guard.NotNull(shortCitation); Guard.NotNull(reference); Guard.NotNull(cutoffs); Guard.NotNull(labels);
        double[] c = cutoffs.ToArray();
        string[] l = labels.ToArray();
        if (l.Length != c.Length + 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A rule with {c.Length} cut-offs needs {c.Length + 1} labels, not {l.Length}."), nameof(labels));
        for (int i = 1; i < c.Length; i++)
            if (!(c[i] > c[i - 1]))
                throw new ArgumentException("Cut-offs must be strictly increasing.", nameof(cutoffs));
        Name = name; ShortCitation = shortCitation; Reference = reference;
        Cutoffs = Array.AsReadOnly(c); Labels = Array.AsReadOnly(l);
    }

    /// <summary>Short name as R effectsize spells it (e.g. "cohen1988").</summary>
    public string Name { get; }
    /// <summary>Author–year, e.g. "Cohen 1988".</summary>
    public string ShortCitation { get; }
    /// <summary>Full reference.</summary>
    public string Reference { get; }
    /// <summary>Increasing cut-offs.</summary>
    public ReadOnlyCollection<double> Cutoffs { get; }
    /// <summary>Labels, one more than the cut-offs.</summary>
    public ReadOnlyCollection<string> Labels { get; }

    /// <summary>The label of |<paramref name="value"/>| (right-open bins); "not estimable" for NaN.</summary>
    public string Label(double value)
    {
        if (double.IsNaN(value)) return "not estimable";
        double magnitude = Math.Abs(value);
        int bin = 0;
        while (bin < Cutoffs.Count && magnitude >= Cutoffs[bin]) bin++;
        return Labels[bin];
    }

    /// <summary>The label with its source, e.g. "medium (Cohen 1988)".</summary>
    public string Describe(double value) => $"{Label(value)} ({ShortCitation})";
}
