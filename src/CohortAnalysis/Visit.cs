using System.Globalization;

namespace CohortAnalysis;

/// <summary>A study visit: its numeric study time (e.g. week, ADaM AVISITN) and optional label (AVISIT).</summary>
/// <remarks>Immutable. Visits are ordered and identified by <see cref="Time"/>; the label is for display.</remarks>
/// <param name="Time">Numeric study time, e.g. 0 for baseline, 6 for week 6.</param>
/// <param name="Label">Display label, e.g. "Week 6", or null.</param>
public readonly record struct Visit(double Time, string? Label) : IComparable<Visit>
{
    /// <summary>The label, or "Week 12" when there is no label (study times are weeks unless labelled otherwise:
    /// give visits an AVISIT label when they are days or months).</summary>
    public string DisplayName => Label ?? "Week " + Time.ToString("0.###", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public int CompareTo(Visit other) => Time.CompareTo(other.Time);

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
