using CohortAnalysis.Change;

namespace CohortAnalysis.Pooling;

/// <summary>What a <see cref="SiteSummary"/> accumulates.</summary>
/// <remarks>Immutable. Every site must use the same options for their summaries to be combinable.</remarks>
public sealed record SiteSummaryOptions
{
    /// <summary>The defaults.</summary>
    public static SiteSummaryOptions Default { get; } = new();

    /// <value>Default <see cref="MissingDataMethod.ObservedCases"/> (per subject, so it pools exactly).</value>
    public MissingDataMethod MissingData { get; init; } = MissingDataMethod.ObservedCases;

    /// <value>Default null: every parameter.</value>
    public IReadOnlyList<string>? Parameters { get; init; }
}
