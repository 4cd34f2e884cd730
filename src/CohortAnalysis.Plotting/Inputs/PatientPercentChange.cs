namespace CohortAnalysis.Plotting;

/// <summary>One patient's percent change from baseline, for a waterfall plot.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Subject">Subject identifier (USUBJID).</param>
/// <param name="Arm">Treatment arm name.</param>
/// <param name="PercentChange">100 × (value − baseline) / baseline; −50 means the score halved.</param>
public sealed record PatientPercentChange(string Subject, string Arm, double PercentChange);
