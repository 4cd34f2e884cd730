using System.Globalization;

namespace CohortAnalysis.EffectSizes;

/// <summary>One effect size with its confidence interval and provenance.</summary>
/// <remarks>Immutable; safe to share between threads. <see cref="ToString()"/> gives a one-line report such as
/// <c>Cohen's d = 1.126, 95% CI [0.163, 2.062] (noncentral t), n = 10 vs 10</c>.</remarks>
/// <param name="Index">Which effect size this is; its name says which standardizer was used.</param>
/// <param name="Value">The estimate.</param>
/// <param name="Ci">The confidence interval (bounds NaN when it cannot be estimated).</param>
/// <param name="N">The group sizes used (for paired estimates, the number of pairs).</param>
/// <param name="Method">How it was computed: standardizer, correction, CI method, in words.</param>
/// <param name="Reference">The source of the formula (see <see cref="Citations"/>).</param>
public sealed record EffectSizeEstimate(
    EffectSizeIndex Index,
    double Value,
    ConfidenceInterval Ci,
    GroupSizes N,
    string Method,
    string Reference) : ITabular
{
    /// <summary>The sampling variance used by meta-analysis (e.g. metafor's <c>vi</c>, Morris 2008 v), or NaN when
    /// the estimator does not define one.</summary>
    public double Variance { get; init; } = double.NaN;

    /// <summary>A placeholder for a table cell that cannot be estimated (e.g. an arm with n = 1 at a visit): NaN value and
    /// bounds; <paramref name="reason"/> becomes the method text.</summary>
    /// <param name="index">The effect size that was requested.</param>
    /// <param name="n">The group sizes available.</param>
    /// <param name="reason">Why it cannot be estimated, e.g. "arm Placebo has n = 1 at week 12".</param>
    /// <param name="level">The confidence level that was requested.</param>
    public static EffectSizeEstimate NotEstimable(EffectSizeIndex index, GroupSizes n, string reason, double level = 0.95) =>
        new(index, double.NaN, ConfidenceInterval.NotEstimable(level, CiMethod.NoncentralT), n, "not estimable: " + reason, "");

    /// <summary>The display name of <see cref="Index"/>, e.g. "Cohen's d", "d_z", "Hedges' g (unpooled SD)".</summary>
    public string Name => EffectSizeNames.Of(Index);

    /// <summary>The qualitative label of <see cref="Value"/> under a rule set, e.g. <c>medium (Cohen 1988)</c>.</summary>
    /// <param name="rule">The rule set, e.g. <see cref="EffectSizeRules.Cohen1988D"/>.</param>
    public string Interpret(EffectSizeRule rule)
    {
        Guard.NotNull(rule);
        return rule.Describe(Value);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} = {Format(Value)}, {Ci.Level * 100:0.##}% CI [{Format(Ci.Lower)}, {Format(Ci.Upper)}] ({CiMethods.Describe(Ci.Method)})")
        + (N.Total > 0 ? $", n = {N}" : "");   // model-based estimates may not know their n

    /// <summary>As <see cref="ToString()"/>, followed by the label under <paramref name="rule"/>:
    /// <c>Cohen's d = 1.126, 95% CI [0.163, 2.062] (noncentral t), n = 10 vs 10; large (Cohen 1988)</c>.</summary>
    public string ToString(EffectSizeRule rule) => $"{this}; {Interpret(rule)}";

    /// <summary>One row: index, estimate, CI and n; notes give the method and reference.</summary>
    public TableView ToTableView() => TableView.Create(Name,
        [new("Index"), new("Estimate", true), new(Display.CiHeader(Ci), true), new("n", true)],
        [[Name, Display.Number(Value, "0.000"), Display.Interval(Ci, "0.000"), N.Total > 0 ? Display.Sizes(N) : "NA"]],
        Display.EstimateNotes(Ci, Method, Reference));

    internal static string Format(double x) =>
        double.IsNaN(x) ? "NA"
        : double.IsPositiveInfinity(x) ? "Inf"
        : double.IsNegativeInfinity(x) ? "-Inf"
        : x.ToString("0.000", CultureInfo.InvariantCulture);
}
