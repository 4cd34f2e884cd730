using System.Globalization;
using Microsoft.Data.Analysis;

namespace CohortAnalysis.Pooling;

/// <summary>One pooled change-summary cell (no quantiles: they cannot be merged from site summaries).</summary>
/// <remarks>As an <see cref="IEstimate"/> it is the mean with its t interval, keyed by <see cref="Comparison"/>.</remarks>
/// <param name="Key">Parameter, arm, visit and variable.</param>
/// <param name="MissingData">Missing-data method applied at every site.</param>
/// <param name="Sizes">Values used and subjects without a value (missing).</param>
/// <param name="Mean">Mean.</param>
/// <param name="Sd">SD (n − 1).</param>
/// <param name="Se">SE of the mean.</param>
/// <param name="MeanCi">t interval of the mean.</param>
/// <param name="Min">Minimum.</param>
/// <param name="Max">Maximum.</param>
/// <param name="Imputed">Values carried forward (CHG cells).</param>
public sealed record PooledChangeRow(SummaryKey Key, MissingDataMethod MissingData, EstimateSizes Sizes, double Mean, double Sd,
    double Se, ConfidenceInterval MeanCi, double Min, double Max, int Imputed) : IEstimate
{
    /// <summary>The typed key: parameter, visit, variable, arm, missing-data method.</summary>
    public Comparison Comparison => new()
    {
        Parameter = Key.Parameter, Visit = new Visit(Key.Visit, null), Variable = Key.Variable, Arm = Key.Arm, MissingData = MissingData,
    };

    /// <inheritdoc />
    public string Name => "Mean";
    double IEstimate.Estimate => Mean;
    ConfidenceInterval IEstimate.Ci => MeanCi;
    double IEstimate.StandardError => Se;
    double IEstimate.DegreesOfFreedom => Sizes.Used >= 2 ? Sizes.Used - 1 : double.NaN;
    /// <inheritdoc />
    public string Method => "arithmetic mean merged exactly from site accumulators; t interval with n - 1 df";
    /// <inheritdoc />
    public string Reference => Citations.ChanGolubLeVeque1983;
    /// <inheritdoc />
    public string Note => Imputed > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Imputed} values imputed ({MissingData.Describe()})") : "";
}

/// <summary>Change summaries pooled from site summaries.</summary>
/// <param name="Sites">Sites merged.</param>
/// <param name="MissingData">Missing-data method.</param>
/// <param name="Rows">Cells by parameter, arm, visit, variable.</param>
/// <param name="CiLevel">Level of the t intervals of the means.</param>
public sealed record PooledChangeTable(IReadOnlyList<string> Sites, MissingDataMethod MissingData, IReadOnlyList<PooledChangeRow> Rows, double CiLevel = 0.95) : ITabular
{
    /// <summary>The tidy frame (<see cref="Rendering.EstimateFrame"/>), one row per cell, then sd, min and max columns.</summary>
    public DataFrame ToDataFrame()
    {
        DataFrame frame = Rendering.EstimateFrame.From(Rows);
        frame.Columns.Add(new DoubleDataFrameColumn("sd", Rows.Select(r => Display.Nullable(r.Sd))));
        frame.Columns.Add(new DoubleDataFrameColumn("min", Rows.Select(r => Display.Nullable(r.Min))));
        frame.Columns.Add(new DoubleDataFrameColumn("max", Rows.Select(r => Display.Nullable(r.Max))));
        return frame;
    }

    /// <inheritdoc />
    public TableView ToTableView() => TableView.Create(
        $"Pooled change from baseline ({Sites.Count} sites)",
        [new("Parameter"), new("Arm"), new("Visit", true), new("Variable"), new("n", true), new("n miss", true), new("Mean", true), new("SD", true),
         new(Display.CiHeader(new ConfidenceInterval(double.NaN, double.NaN, CiLevel, CiMethod.T)), true), new("Min, Max", true)],
        Rows.Select(r => (IReadOnlyList<string>)[r.Key.Parameter, r.Key.Arm, Display.Number(r.Key.Visit), Comparison.VariableCode(r.Key.Variable),
            Display.Integer(r.Sizes.Used), Display.Integer(r.Sizes.Missing), Display.Number(r.Mean, "0.00"), Display.Number(r.Sd, "0.00"),
            Display.Interval(r.MeanCi, "0.00"), $"{Display.Number(r.Min)}, {Display.Number(r.Max)}"]),
        ["Merged exactly from per-site accumulators (Chan et al. 1979); medians and quartiles need pooled data and are not shown.",
         $"Missing data: {MissingData.Describe()}.",
         $"Sites: {string.Join(", ", Sites)}."]);

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}
