namespace CohortAnalysis.Models;

/// <summary>One hypothesis of a multiplicity adjustment: its raw and adjusted p-value and whether it is rejected.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
/// <param name="Label">The hypothesis, e.g. "MADRS CHG, Week 6: Psilocybin vs Placebo".</param>
/// <param name="PValue">The unadjusted p-value.</param>
/// <param name="AdjustedPValue">The multiplicity-adjusted p-value (at most 1).</param>
/// <param name="Rejected">Whether the hypothesis is rejected at the family's α (adjusted p ≤ α).</param>
/// <param name="RejectionStep">For the graphical procedure, the step (1, 2, …) at which it was rejected; null otherwise.</param>
public sealed record AdjustedHypothesis(string Label, double PValue, double AdjustedPValue, bool Rejected, int? RejectionStep = null)
{
    /// <summary>What the hypothesis compares, when it came from an <see cref="IEstimate"/>; null for plain p-values.</summary>
    public Comparison? Comparison { get; init; }
}
