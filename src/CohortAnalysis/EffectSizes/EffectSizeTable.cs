using System.Collections;
using Microsoft.Data.Analysis;

namespace CohortAnalysis.EffectSizes;

/// <summary>One labelled row of an <see cref="EffectSizeTable"/>: an estimate and the cell it belongs to (e.g. visit, parameter).</summary>
/// <param name="Label">Row label, e.g. "MADRS, week 6".</param>
/// <param name="Estimate">The estimate; a cell that could not be estimated carries NaN and a <paramref name="Note"/>.</param>
/// <param name="Note">Why a cell is NaN or anything else the reader must know; empty otherwise.</param>
public sealed record LabelledEffectSize(string Label, EffectSizeEstimate Estimate, string Note = "");

/// <summary>Many labelled effect sizes (per visit, arm or parameter) as one table, with a DataFrame view.</summary>
/// <remarks>Immutable; safe to share between threads. Rows keep the order they were given.</remarks>
public sealed class EffectSizeTable : IReadOnlyList<LabelledEffectSize>, ITabular
{
    private readonly LabelledEffectSize[] _rows;

    /// <summary>Creates a table from rows.</summary>
    /// <param name="rows">The rows, in display order.</param>
    public EffectSizeTable(IEnumerable<LabelledEffectSize> rows)
    {
        Guard.NotNull(rows);
        _rows = rows.ToArray();
        foreach (var row in _rows) Guard.NotNull(row, nameof(rows));
    }

    /// <summary>The data-quality report of the cohort the table was computed from (rows used and excluded, and why), or
    /// null for a table built from plain values.</summary>
    public DataQualityReport? Report { get; init; }

    /// <inheritdoc />
    public LabelledEffectSize this[int index] => _rows[index];

    /// <inheritdoc />
    public int Count => _rows.Length;

    /// <inheritdoc />
    public IEnumerator<LabelledEffectSize> GetEnumerator() => ((IEnumerable<LabelledEffectSize>)_rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _rows.GetEnumerator();

    /// <summary>The table as a DataFrame with columns Label, Index, Value, CiLower, CiUpper, CiLevel, CiMethod, N1, N2,
    /// Variance, Method, Reference, Note (and Interpretation when a rule is given).</summary>
    /// <param name="rule">Optional rule of thumb; adds an Interpretation column such as "medium (Cohen 1988)".</param>
    public DataFrame ToDataFrame(EffectSizeRule? rule = null)
    {
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("Label", _rows.Select(r => r.Label)),
            new StringDataFrameColumn("Index", _rows.Select(r => r.Estimate.Name)),
            new DoubleDataFrameColumn("Value", _rows.Select(r => r.Estimate.Value)),
            new DoubleDataFrameColumn("CiLower", _rows.Select(r => r.Estimate.Ci.Lower)),
            new DoubleDataFrameColumn("CiUpper", _rows.Select(r => r.Estimate.Ci.Upper)),
            new DoubleDataFrameColumn("CiLevel", _rows.Select(r => r.Estimate.Ci.Level)),
            new StringDataFrameColumn("CiMethod", _rows.Select(r => CiMethods.Describe(r.Estimate.Ci.Method))),
            new Int32DataFrameColumn("N1", _rows.Select(r => r.Estimate.N.First)),
            new Int32DataFrameColumn("N2", _rows.Select(r => r.Estimate.N.Second)),
            new DoubleDataFrameColumn("Variance", _rows.Select(r => r.Estimate.Variance)),
            new StringDataFrameColumn("Method", _rows.Select(r => r.Estimate.Method)),
            new StringDataFrameColumn("Reference", _rows.Select(r => r.Estimate.Reference)),
            new StringDataFrameColumn("Note", _rows.Select(r => r.Note)),
        };
        if (rule is not null)
            columns.Add(new StringDataFrameColumn("Interpretation", _rows.Select(r => rule.Describe(r.Estimate.Value))));
        return new DataFrame(columns);
    }

    /// <summary>One row per effect size: label, index, estimate, CI, n and note; notes list each distinct method and reference.</summary>
    public TableView ToTableView() => TableView.Create("Effect sizes",
        [new("Label"), new("Index"), new("Estimate", true), new(_rows.Length > 0 ? Display.CiHeader(_rows[0].Estimate.Ci) : "CI", true), new("n", true), new("Note")],
        _rows.Select(r => (IReadOnlyList<string>)[r.Label, r.Estimate.Name, Display.Number(r.Estimate.Value, "0.000"),
            Display.Interval(r.Estimate.Ci, "0.000"), r.Estimate.N.Total > 0 ? Display.Sizes(r.Estimate.N) : "NA", r.Note]),
        _rows.Where(r => !double.IsNaN(r.Estimate.Value))
            .Select(r => $"{r.Estimate.Name}: {r.Estimate.Method}. {r.Estimate.Reference}".TrimEnd())
            .Distinct()
            .Concat(Report is null ? [] : [Display.DataLine(Report)]));

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, _rows.Select(r =>
        string.IsNullOrEmpty(r.Note) ? $"{r.Label}: {r.Estimate}" : $"{r.Label}: {r.Estimate} ({r.Note})"));
}
