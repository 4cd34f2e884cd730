using System.Globalization;

namespace CohortAnalysis.EffectSizes;

/// <summary>One effect size with its confidence interval, sizes, comparison and provenance.</summary>
/// <remarks>Immutable; safe to share between threads. <see cref="ToString()"/> gives a one-line report such as
/// <c>Hedges' g (MADRS CHG, Week 6: Psilocybin vs Placebo (observed cases)) = -1.827, 95% CI [-2.3, -1.3] (noncentral t), n = 40 vs 38</c>;
/// the comparison part is left out when the estimate was computed from plain numbers.</remarks>
/// <param name="Index">Which effect size this is; its name says which standardizer was used.</param>
/// <param name="Estimate">The estimate (treatment − reference, post − pre).</param>
/// <param name="Ci">The confidence interval (bounds NaN when it cannot be estimated).</param>
/// <param name="Sizes">The sizes used (for paired estimates, the number of pairs), with missing and excluded counts.</param>
/// <param name="Method">How it was computed: standardizer, correction, CI method, in words.</param>
/// <param name="Reference">The source of the formula (see <see cref="Citations"/>).</param>
public sealed record EffectSizeEstimate(
    EffectSizeIndex Index,
    double Estimate,
    ConfidenceInterval Ci,
    EstimateSizes Sizes,
    string Method,
    string Reference) : IEstimate, ITabular
{
    /// <summary>The sampling variance used by meta-analysis (e.g. metafor's <c>vi</c>, Morris 2008 v), or NaN when
    /// the estimator does not define one. Its formula is named in <see cref="Method"/>.</summary>
    public double Variance { get; init; } = double.NaN;

    /// <summary>What the estimate compares; <see cref="Comparison.None"/> for an estimate from plain numbers.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;

    /// <summary>Why the estimate is NaN, or anything else the reader must know; empty otherwise.</summary>
    public string Note { get; init; } = "";

    /// <summary>A placeholder for a table cell that cannot be estimated (e.g. an arm with n = 1 at a visit): NaN value and
    /// bounds; <paramref name="reason"/> becomes the note.</summary>
    /// <param name="index">The effect size that was requested.</param>
    /// <param name="sizes">The sizes available.</param>
    /// <param name="reason">Why it cannot be estimated, e.g. "arm Placebo has n = 1 at week 12".</param>
    /// <param name="ci">The confidence level and method that were requested.</param>
    /// <param name="comparison">The comparison that was requested.</param>
    public static EffectSizeEstimate NotEstimable(EffectSizeIndex index, EstimateSizes sizes, string reason, ConfidenceInterval ci, Comparison comparison) =>
        new(index, double.NaN, ConfidenceInterval.NotEstimable(ci.Level, ci.Method), sizes, "not estimable", "")
        { Note = reason, Comparison = comparison };

    /// <summary>The display name of <see cref="Index"/>, e.g. "Cohen's d", "d_z", "Hedges' g (unpooled SD)".</summary>
    public string Name => EffectSizeNames.Of(Index);

    /// <summary>Standard error: √<see cref="Variance"/> when a variance is defined, else NaN.</summary>
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>The qualitative label of <see cref="Estimate"/> under a rule set, e.g. <c>medium (Cohen 1988)</c>.</summary>
    /// <param name="rule">The rule set, e.g. <see cref="EffectSizeRules.Cohen1988D"/>.</param>
    public string Interpret(EffectSizeRule rule)
    {
        Guard.NotNull(rule);
        return rule.Describe(Estimate);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        string what = Comparison == Comparison.None ? "" : $" ({Comparison.Describe()})";
        string text = string.Create(CultureInfo.InvariantCulture,
            $"{Name}{what} = {Format(Estimate)}, {Ci.Level * 100:0.##}% CI [{Format(Ci.Lower)}, {Format(Ci.Upper)}] ({CiMethods.Describe(Ci.Method)})");
        if (Sizes.Used > 0) text += ", " + Sizes;   // model-based estimates may not know their n
        if (Note.Length > 0) text += "; " + Note;
        return text;
    }

    /// <summary>As <see cref="ToString()"/>, followed by the label under <paramref name="rule"/>:
    /// <c>Cohen's d = 1.126, 95% CI [0.163, 2.062] (noncentral t), n = 10 vs 10; large (Cohen 1988)</c>.</summary>
    public string ToString(EffectSizeRule rule) => $"{this}; {Interpret(rule)}";

    /// <summary>One row through the shared renderer; notes give the method, reference and how the reference arm was chosen.</summary>
    public TableView ToTableView() => Rendering.EstimateText.ToTableView(Name, [this]);

    internal static string Format(double x) =>
        double.IsNaN(x) ? "NA"
        : double.IsPositiveInfinity(x) ? "Inf"
        : double.IsNegativeInfinity(x) ? "-Inf"
        : x.ToString("0.000", CultureInfo.InvariantCulture);
}
