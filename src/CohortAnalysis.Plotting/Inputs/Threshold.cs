namespace CohortAnalysis.Plotting;

/// <summary>A labelled reference line, e.g. −50 % ("response") on a waterfall plot.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Value">Position of the line in data units.</param>
/// <param name="Label">Text shown in the legend, e.g. "Response (−50 %)".</param>
public sealed record Threshold(double Value, string Label);
