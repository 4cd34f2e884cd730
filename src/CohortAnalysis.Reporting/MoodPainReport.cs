using CohortAnalysis.Change;
using CohortAnalysis.Responders;

namespace CohortAnalysis.Reporting;

/// <summary>Mood and pain together at their last common visit: joint response, the cross-table of the two responses,
/// and the correlation of the two changes.</summary>
/// <remarks>Immutable once built.</remarks>
public sealed class MoodPainReport
{
    /// <summary>The mood parameter, e.g. "MADRS".</summary>
    public required string Mood { get; init; }

    /// <summary>The pain parameter, e.g. "PAINNRS".</summary>
    public required string Pain { get; init; }

    /// <summary>The visit: the last post-baseline visit both endpoints have.</summary>
    public required Visit Visit { get; init; }

    /// <summary>Responders on both (mood response and a clinically important pain improvement).</summary>
    public required ResponderTable Joint { get; init; }

    /// <summary>Subjects by mood response × pain response, per arm.</summary>
    public required ResponderCrossTable Cross { get; init; }

    /// <summary>Pearson and Spearman correlation of the two changes, per arm and overall.</summary>
    public required ChangeCorrelationTable Correlation { get; init; }
}
