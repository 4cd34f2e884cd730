using System.Globalization;

namespace CohortAnalysis.Missing;

/// <summary>A delta-adjustment tipping-point analysis: the treatment difference at one visit for each δ of a grid, and
/// the first δ at which it is no longer significant.</summary>
/// <remarks>Immutable. Rows are in grid order; each is the pooled difference with δ added to the values imputed after
/// discontinuation (<see cref="PooledEstimate.Delta"/>). Every δ reuses the same imputations (the same draws).</remarks>
public sealed class TippingPointResult : ITabular
{
    internal TippingPointResult() { }

    /// <summary>The options used (their Delta is replaced by each grid value).</summary>
    public required ImputationOptions Options { get; init; }
    /// <summary>Parameter code.</summary>
    public required string Parameter { get; init; }
    /// <summary>The visit analysed.</summary>
    public required Visit Visit { get; init; }
    /// <summary>The treatment arm compared.</summary>
    public required string Arm { get; init; }
    /// <summary>The reference arm.</summary>
    public required string ReferenceArm { get; init; }
    /// <summary>One pooled difference (arm − reference) per δ, in grid order.</summary>
    public required IReadOnlyList<PooledEstimate> Rows { get; init; }
    /// <summary>Significance level α = 1 − CiLevel.</summary>
    public double Alpha => 1 - Options.CiLevel;
    /// <summary>The first δ, in grid order, whose two-sided p is at least α (the CI covers 0), when an earlier δ was
    /// significant; null when significance is never lost over the grid or never held at its start.</summary>
    public required double? TippingDelta { get; init; }

    /// <summary>The rows as a table.</summary>
    public TableView ToTableView()
    {
        TableView table = Rendering.EstimateText.ToTableView(string.Create(CultureInfo.InvariantCulture,
            $"Tipping point, {Parameter} at {Visit.DisplayName}: {Arm} vs {ReferenceArm}"), Rows);
        string tip = TippingDelta is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"Significance (p < {Alpha:0.###}) is lost at delta = {d:0.####}.")
            : string.Create(CultureInfo.InvariantCulture, $"Significance (p < {Alpha:0.###}) does not change over the grid.");
        return table with { Notes = [tip, .. table.Notes] };
    }

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}
