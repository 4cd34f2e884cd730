namespace CohortAnalysis.Plotting;

/// <summary>One row of a forest plot: an estimate with its confidence interval and the sizes it rests on.</summary>
/// <remarks>Immutable. Rows with the same <see cref="Group"/> are drawn together under a group heading. Library results
/// need no rows: <see cref="CohortPlots.Forest(IEnumerable{IEstimate}, ForestOptions?, CohortPlotStyle?)"/> draws any
/// estimates directly.</remarks>
/// <param name="Label">Row label, e.g. "Week 6" or "Age ≥ 65".</param>
/// <param name="Group">Optional heading the row belongs to, e.g. "MADRS" or "Subgroup: sex"; <c>null</c> for none.</param>
/// <param name="Estimate">Point estimate (difference, effect size, ratio …).</param>
/// <param name="Lower">Lower confidence bound.</param>
/// <param name="Upper">Upper confidence bound.</param>
/// <param name="Sizes">The sizes shown in the n column ("40 vs 38"); <c>null</c> leaves the cell empty, and the column is
/// left out when no row has sizes.</param>
public sealed record ForestRow(string Label, string? Group, double Estimate, double Lower, double Upper, GroupSizes? Sizes = null);
