namespace CohortAnalysis.Data;

/// <summary>Consecutive rows of a file that read as they stand (no field to clean, report or refuse), as columns:
/// what <see cref="CohortBuilder.AddBlock"/> takes instead of one <see cref="CohortBuilder.Add"/> call per row. Row
/// indices run from <see cref="From"/> to <see cref="To"/> (exclusive) in every column; row <see cref="From"/> is on line
/// <see cref="FirstLine"/> and each next row on the next line.</summary>
internal readonly ref struct RowBlock
{
    public required long FirstLine { get; init; }
    public required int From { get; init; }
    public required int To { get; init; }
    public required RowTexts Subject { get; init; }
    public required RowTexts Arm { get; init; }
    /// <summary>The arm column's name (messages name it).</summary>
    public required string ArmColumn { get; init; }
    public required RowTexts Parameter { get; init; }
    public required RowTexts Label { get; init; }
    public required ReadOnlySpan<double> Visit { get; init; }
    public required ReadOnlySpan<double> Value { get; init; }
    /// <summary>The baseline flag per row; empty when the file has no flag column.</summary>
    public required ReadOnlySpan<bool> Flag { get; init; }
    /// <summary>The file's own BASE per row; empty when it has none.</summary>
    public required ReadOnlySpan<double> FileBase { get; init; }
    /// <summary>The file's own CHG per row; empty when it has none.</summary>
    public required ReadOnlySpan<double> FileChange { get; init; }
    /// <summary>The covariates, aligned with the builder's covariate names.</summary>
    public required RowTexts[] Covariates { get; init; }
}
