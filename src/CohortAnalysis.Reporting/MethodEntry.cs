namespace CohortAnalysis.Reporting;

/// <summary>One estimator a report used: where, how (with its defaults) and the source of the method.</summary>
/// <param name="Analysis">Where in the report, e.g. "Primary analysis".</param>
/// <param name="Estimator">The quantity, e.g. "LS mean difference".</param>
/// <param name="Method">How it was computed, with the settings used.</param>
/// <param name="Reference">Primary reference (paper or manual).</param>
public sealed record MethodEntry(string Analysis, string Estimator, string Method, string Reference);
