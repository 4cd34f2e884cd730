namespace CohortAnalysis.Responders;

/// <summary>How subjects who cannot be evaluated at the analysis visit (dropped out, missing score) count.</summary>
public enum NonCompleterHandling
{
    /// <summary>Default: non-responder imputation — they count in the denominator as non-responders (the usual
    /// conservative convention of trial responder analyses).</summary>
    NonResponder,
    /// <summary>Observed cases: they are left out of numerator and denominator.</summary>
    ObservedCases,
}
