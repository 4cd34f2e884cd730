using System.Globalization;

namespace CohortAnalysis.Instruments;

/// <summary>The score at or below which (or strictly below which) a patient counts as remitted.</summary>
/// <remarks>Immutable. MADRS ≤ 10 is <c>new(10, Inclusive: true)</c>; PHQ-9 &lt; 5 is <c>new(5, Inclusive: false)</c>.</remarks>
/// <param name="Score">The cut-off score.</param>
/// <param name="Inclusive">True when a score equal to the cut-off is a remission (≤); false for strict (&lt;).</param>
/// <param name="Source">Where the cut-off comes from.</param>
public sealed record RemissionCutoff(double Score, bool Inclusive, string Source)
{
    /// <summary>Whether <paramref name="score"/> meets the cut-off (for a higher-is-worse instrument).</summary>
    public bool IsMetBy(double score) => Inclusive ? score <= Score : score < Score;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Inclusive ? "≤" : "<")} {Score:0.##}");
}
