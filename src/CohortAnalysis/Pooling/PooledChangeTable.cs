namespace CohortAnalysis.Pooling;

/// <summary>One pooled change-summary cell (no quantiles: they cannot be merged from site summaries).</summary>
/// <param name="Parameter">Parameter code.</param>
/// <param name="Arm">Arm.</param>
/// <param name="Visit">Visit time.</param>
/// <param name="Variable">AVAL, CHG or PCHG.</param>
/// <param name="N">Values.</param>
/// <param name="NMissing">Subjects without a value.</param>
/// <param name="Mean">Mean.</param>
/// <param name="Sd">SD (n − 1).</param>
/// <param name="Se">SE of the mean.</param>
/// <param name="MeanCi">t interval of the mean.</param>
/// <param name="Min">Minimum.</param>
/// <param name="Max">Maximum.</param>
/// <param name="Imputed">Values carried forward (CHG cells).</param>
public sealed record PooledChangeRow(string Parameter, string Arm, double Visit, string Variable, long N, long NMissing, double Mean, double Sd,
    double Se, ConfidenceInterval MeanCi, double Min, double Max, int Imputed);

/// <summary>Change summaries pooled from site summaries.</summary>
/// <param name="Sites">Sites merged.</param>
/// <param name="MissingData">Missing-data method.</param>
/// <param name="Rows">Cells by parameter, arm, visit, variable.</param>
public sealed record PooledChangeTable(IReadOnlyList<string> Sites, MissingDataMethod MissingData, IReadOnlyList<PooledChangeRow> Rows) : ITabular
{
    /// <inheritdoc />
    public TableView ToTableView() => TableView.Create(
        $"Pooled change from baseline ({Sites.Count} sites)",
        [new("Parameter"), new("Arm"), new("Visit", true), new("Variable"), new("n", true), new("n miss", true), new("Mean", true), new("SD", true), new("95% CI", true), new("Min, Max", true)],
        Rows.Select(r => (IReadOnlyList<string>)[r.Parameter, r.Arm, Display.Number(r.Visit), r.Variable, r.N.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.NMissing.ToString(System.Globalization.CultureInfo.InvariantCulture), Display.Number(r.Mean, "0.00"), Display.Number(r.Sd, "0.00"),
            Display.Interval(r.MeanCi, "0.00"), $"{Display.Number(r.Min)}, {Display.Number(r.Max)}"]),
        ["Merged exactly from per-site accumulators (Chan et al. 1979); medians and quartiles need pooled data and are not shown.",
         $"Sites: {string.Join(", ", Sites)}."]);

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}
