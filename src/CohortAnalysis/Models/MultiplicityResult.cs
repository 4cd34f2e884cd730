namespace CohortAnalysis.Models;

/// <summary>A family of hypotheses adjusted for multiplicity: one row per hypothesis in input order, with the family's α.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
/// <param name="Method">In words, e.g. "Holm step-down" or "graphical (Bretz et al. 2009), weighted Bonferroni".</param>
/// <param name="ErrorRate">"FWER" (familywise error rate, strong control) or "FDR" (false discovery rate).</param>
/// <param name="Alpha">The level at which <see cref="AdjustedHypothesis.Rejected"/> was decided.</param>
/// <param name="Hypotheses">One row per hypothesis, in input order.</param>
/// <param name="Reference">The primary source of the procedure.</param>
public sealed record MultiplicityResult(string Method, string ErrorRate, double Alpha, IReadOnlyList<AdjustedHypothesis> Hypotheses, string Reference)
{
    /// <summary>The rejected hypotheses, in input order.</summary>
    public IEnumerable<AdjustedHypothesis> Rejected => Hypotheses.Where(h => h.Rejected);

    /// <summary>For the graphical procedure: the graph left after removing the rejected hypotheses (null otherwise, or when all are rejected).</summary>
    public MultiplicityGraph? FinalGraph { get; init; }
}
