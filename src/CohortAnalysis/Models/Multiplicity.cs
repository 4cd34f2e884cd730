using System.Globalization;

namespace CohortAnalysis.Models;

/// <summary>Multiplicity adjustment of a family of p-values: the <c>p.adjust</c> methods, fixed sequence and the graphical approach.</summary>
/// <remarks>Stateless and thread-safe. Every hypothesis keeps its place: results list the hypotheses in input order.</remarks>
public static partial class Multiplicity
{
    /// <summary>Adjusted p-values, in input order, as R <c>p.adjust(p, method)</c>.</summary>
    /// <remarks>
    /// <para>With p₍₁₎ ≤ … ≤ p₍ₘ₎: Bonferroni min(1, m·p); Holm max_{j≤i} min(1, (m−j+1)p₍ⱼ₎) (Holm 1979); Hochberg
    /// min_{j≥i} min(1, (m−j+1)p₍ⱼ₎) (Hochberg 1988); Hommel the largest Simes p-value over the intersections containing the
    /// hypothesis (Hommel 1988; Wright 1992); Benjamini–Hochberg min_{j≥i} min(1, m·p₍ⱼ₎/j) (1995); Benjamini–Yekutieli the
    /// same times Σₖ 1/k (2001); fixed sequence the running maximum in input order (Maurer et al. 1995).</para>
    /// <para>Unlike <c>p.adjust</c>, a missing (NaN) p-value is an error, not silently left out of m.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">No p-values, or one is not in [0, 1].</exception>
    public static double[] Adjust(ReadOnlySpan<double> pValues, MultiplicityMethod method)
    {
        CheckPValues(pValues, null);
        return PValueAdjustment.Adjust(pValues, method);
    }

    /// <summary>Adjusts labelled p-values and decides which hypotheses are rejected at <paramref name="alpha"/>.</summary>
    /// <remarks>A hypothesis is rejected when its adjusted p ≤ α; for Benjamini–Hochberg and Benjamini–Yekutieli α is the false
    /// discovery rate, for the others the familywise error rate. See <see cref="Adjust(ReadOnlySpan{double}, MultiplicityMethod)"/>
    /// for the formulas.</remarks>
    /// <param name="labels">Hypothesis labels, one per p-value.</param>
    /// <param name="pValues">Unadjusted p-values, in [0, 1].</param>
    /// <param name="method">The procedure.</param>
    /// <param name="alpha">Default 0.05 (R convention for <c>p.adjust</c> users; confirmatory trials often use 0.025 one-sided).</param>
    /// <exception cref="ArgumentException">Labels and p-values differ in number, a p-value is not in [0, 1], or α is not in (0, 1).</exception>
    public static MultiplicityResult Adjust(IReadOnlyList<string> labels, IReadOnlyList<double> pValues, MultiplicityMethod method, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(pValues);
        CheckAlpha(alpha);
        if (labels.Count != pValues.Count)
            throw new ArgumentException(Format($"{labels.Count} labels for {pValues.Count} p-values."), nameof(labels));
        double[] p = pValues.ToArray();
        CheckPValues(p, labels);
        double[] adjusted = PValueAdjustment.Adjust(p, method);
        var rows = new AdjustedHypothesis[p.Length];
        for (int i = 0; i < p.Length; i++) rows[i] = new AdjustedHypothesis(labels[i], p[i], adjusted[i], adjusted[i] <= alpha);
        return new MultiplicityResult(MultiplicityMethods.Describe(method), MultiplicityMethods.ErrorRate(method), alpha, rows,
            MultiplicityMethods.Reference(method));
    }

    /// <summary>Adjusts the p-values of a family of results (e.g. LS-mean differences at several visits and endpoints),
    /// each hypothesis labelled by its <see cref="IEstimate.Comparison"/>.</summary>
    /// <remarks>See <see cref="Adjust(IReadOnlyList{string}, IReadOnlyList{double}, MultiplicityMethod, double)"/>. A result
    /// without a p-value (NaN) is an error naming it: it cannot silently leave the family.</remarks>
    /// <exception cref="ArgumentException">No results, a result without a p-value, or α is not in (0, 1).</exception>
    public static MultiplicityResult Adjust(IEnumerable<IEstimate> results, MultiplicityMethod method, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(results);
        IEstimate[] family = results.ToArray();
        MultiplicityResult result = Adjust(Labels(family), family.Select(e => e.PValue).ToArray(), method, alpha);
        return result with { Hypotheses = result.Hypotheses.Select((h, i) => h with { Comparison = family[i].Comparison }).ToArray() };
    }

    /// <summary>Labels for a family of results: the comparison described, the estimate's name when that is empty, numbered when repeated.</summary>
    internal static string[] Labels(IReadOnlyList<IEstimate> family)
    {
        string[] labels = family.Select(e => e.Comparison.Describe() is { Length: > 0 } d ? d : e.Name).ToArray();
        var seen = labels.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var counter = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Length; i++)
            if (seen.Contains(labels[i])) labels[i] = Format($"{labels[i]} #{counter[labels[i]] = counter.GetValueOrDefault(labels[i]) + 1}");
        return labels;
    }

    internal static void CheckAlpha(double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, Format($"alpha = {alpha} must lie strictly between 0 and 1 (e.g. 0.05)."));
    }

    internal static void CheckPValues(ReadOnlySpan<double> p, IReadOnlyList<string>? labels)
    {
        if (p.Length == 0) throw new ArgumentException("At least one p-value is needed.", "pValues");
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] >= 0 && p[i] <= 1) continue;
            string which = labels is null ? Format($"p-value {i + 1}") : $"p-value of {labels[i]}";
            throw new ArgumentException(Format($"{which} = {p[i]} must lie in [0, 1]; a hypothesis without a p-value cannot be part of the family."), "pValues");
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
