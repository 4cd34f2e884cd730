using System.Globalization;

namespace CohortAnalysis.Instruments;

/// <summary>A named improvement threshold on an instrument: a percent reduction from baseline, an absolute
/// reduction in points, or both (either suffices when both are given, as IMMPACT's "2 points or 30 %").</summary>
/// <remarks>Immutable. "Reduction" means improvement: for a higher-is-worse instrument a fall in score.</remarks>
/// <param name="Name">What crossing the threshold means, e.g. "response", "moderately important".</param>
/// <param name="PercentImprovement">Minimum improvement in percent of baseline (e.g. 50), or null.</param>
/// <param name="PointsImprovement">Minimum improvement in score points (e.g. 2), or null.</param>
/// <param name="Source">Where the threshold comes from.</param>
public sealed record ChangeThreshold(string Name, double? PercentImprovement, double? PointsImprovement, string Source)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>();
        if (PercentImprovement is { } p) parts.Add(string.Create(CultureInfo.InvariantCulture, $"≥ {p:0.##}% improvement"));
        if (PointsImprovement is { } d) parts.Add(string.Create(CultureInfo.InvariantCulture, $"≥ {d:0.##} points improvement"));
        return $"{Name}: {string.Join(" or ", parts)}";
    }
}
