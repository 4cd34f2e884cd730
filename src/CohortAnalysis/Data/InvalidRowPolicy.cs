namespace CohortAnalysis.Data;

/// <summary>What a reader does with a row it cannot use (a score out of range, a duplicate visit).</summary>
public enum InvalidRowPolicy
{
    /// <summary>Default: stop with a <see cref="CohortDataException"/> that names every such row.</summary>
    Reject,
    /// <summary>Leave the row out and record it in the <see cref="DataQualityReport"/> with its reason.</summary>
    Exclude,
}
