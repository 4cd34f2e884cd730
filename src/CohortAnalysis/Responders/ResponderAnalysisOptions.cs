namespace CohortAnalysis.Responders;

/// <summary>Options of <see cref="ResponderAnalysis"/>.</summary>
/// <remarks>Immutable.</remarks>
public sealed record ResponderAnalysisOptions
{
    /// <summary>The defaults.</summary>
    public static ResponderAnalysisOptions Default { get; } = new();

    /// <value>Default <see cref="NonCompleterHandling.NonResponder"/>: non-completers count as non-responders.</value>
    public NonCompleterHandling NonCompleters { get; init; } = NonCompleterHandling.NonResponder;

    /// <value>Default <see cref="ProportionOptions.Default"/>: Wilson 95 % interval per arm.</value>
    public ProportionOptions Proportion { get; init; } = ProportionOptions.Default;

    /// <value>Default <see cref="RiskComparisonOptions.Default"/>: Newcombe RD, log-Wald RR, Woolf OR, 95 %.</value>
    public RiskComparisonOptions Comparison { get; init; } = RiskComparisonOptions.Default;

    /// <value>Default null: the first arm whose name contains "placebo" (any case), else the first arm of the cohort.
    /// Every other arm is compared with it (other − reference).</value>
    public string? Reference { get; init; }

    /// <value>Default null: no stratified analysis. A subject-level covariate (e.g. "SITEID") for Cochran–Mantel–Haenszel
    /// common OR and RR and the CMH test.</value>
    public string? StratifyBy { get; init; }
}
