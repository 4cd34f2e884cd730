namespace CohortAnalysis;

/// <summary>What made the guard flag a column: its header, its values, or both.</summary>
[Flags]
public enum IdentifierEvidence
{
    /// <summary>The column header names an identifier (case-insensitive; ADaM, snake_case and camelCase alike).</summary>
    ColumnName = 1,
    /// <summary>Sampled values match an identifier pattern (see <c>Privacy.IdentifierGuard</c> for thresholds).</summary>
    Content = 2,
}
