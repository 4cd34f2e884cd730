namespace CohortAnalysis.Plotting;

/// <summary>One row of a forest plot: an estimate with its confidence interval.</summary>
/// <remarks>Immutable. Rows with the same <see cref="Group"/> are drawn together under a group heading.</remarks>
/// <param name="Label">Row label, e.g. "Week 6" or "Age ≥ 65".</param>
/// <param name="Group">Optional heading the row belongs to, e.g. "MADRS" or "Subgroup: sex"; <c>null</c> for none.</param>
/// <param name="Estimate">Point estimate (difference, effect size, ratio …).</param>
/// <param name="Lower">Lower confidence bound.</param>
/// <param name="Upper">Upper confidence bound.</param>
public sealed record ForestRow(string Label, string? Group, double Estimate, double Lower, double Upper);
