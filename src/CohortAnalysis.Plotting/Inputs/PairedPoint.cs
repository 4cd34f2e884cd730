namespace CohortAnalysis.Plotting;

/// <summary>One subject's pair of values, e.g. mood change (X) against pain change (Y).</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Arm">Treatment arm name.</param>
/// <param name="X">Horizontal value (e.g. MADRS change from baseline).</param>
/// <param name="Y">Vertical value (e.g. pain NRS change from baseline).</param>
public sealed record PairedPoint(string Arm, double X, double Y);
