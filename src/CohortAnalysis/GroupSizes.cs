using System.Globalization;

namespace CohortAnalysis;

/// <summary>The number of observations an estimate used, per group.</summary>
/// <remarks>Immutable. For a one-sample or paired estimate <see cref="Second"/> is 0 and <see cref="IsSingleGroup"/> is true.</remarks>
/// <param name="First">n of the first (e.g. treatment) group, or of the only group.</param>
/// <param name="Second">n of the second (reference) group; 0 for one-sample and paired estimates.</param>
public readonly record struct GroupSizes(int First, int Second)
{
    /// <summary>Sizes for a one-sample or paired estimate.</summary>
    public static GroupSizes Single(int n) => new(n, 0);

    /// <summary>Whether this describes a single group (one-sample or paired).</summary>
    public bool IsSingleGroup => Second == 0;

    /// <summary>First + Second.</summary>
    public int Total => First + Second;

    /// <summary>"40" for one group, "40 vs 38" for two: the numbers only, so callers write <c>$"n = {sizes}"</c>
    /// without doubling the label.</summary>
    public override string ToString() => IsSingleGroup
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First} vs {Second}");
}
