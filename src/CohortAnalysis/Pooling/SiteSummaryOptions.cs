using CohortAnalysis.Change;

namespace CohortAnalysis.Pooling;

/// <summary>What a <see cref="SiteSummary"/> accumulates.</summary>
/// <remarks>Immutable. Every site must use the same options for their summaries to be combinable. Equality is by value:
/// two options are equal when the missing-data method is the same and <see cref="Parameters"/> name the same codes
/// (in any order, as a list, an array or read back from JSON).</remarks>
public sealed record SiteSummaryOptions
{
    /// <summary>The defaults.</summary>
    public static SiteSummaryOptions Default { get; } = new();

    /// <value>Default <see cref="MissingDataMethod.ObservedCases"/> (per subject, so it pools exactly).</value>
    public MissingDataMethod MissingData { get; init; } = MissingDataMethod.ObservedCases;

    /// <value>Default null: every parameter.</value>
    public IReadOnlyList<string>? Parameters { get; init; }

    /// <summary>Value equality: same missing-data method and the same set of parameter codes (ordinal), or both null.</summary>
    public bool Equals(SiteSummaryOptions? other) =>
        other is not null && MissingData == other.MissingData && SameParameters(Parameters, other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(MissingData);
        if (Parameters is not null)
            foreach (string p in Parameters.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) hash.Add(p, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"missing data {MissingData.Describe()}, parameters {(Parameters is null ? "all" : string.Join(", ", Parameters))}";

    private static bool SameParameters(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
    {
        if (a is null || b is null) return a is null && b is null;
        return new HashSet<string>(a, StringComparer.Ordinal).SetEquals(b);
    }
}
