using System.Collections;
using CohortAnalysis.Rendering;
using Microsoft.Data.Analysis;

namespace CohortAnalysis.EffectSizes;

/// <summary>Many effect sizes (per parameter, visit and arm) as one table; each row's <see cref="EffectSizeEstimate.Comparison"/>
/// is its typed key.</summary>
/// <remarks>Immutable; safe to share between threads. Rows keep the order they were given. Outputs come from the shared
/// renderers (<see cref="EstimateFrame"/>, <see cref="EstimateText"/>, <see cref="EstimateJson"/>, <see cref="EstimateCsv"/>).</remarks>
public sealed class EffectSizeTable : IReadOnlyList<EffectSizeEstimate>, ITabular
{
    private readonly EffectSizeEstimate[] _rows;

    /// <summary>Creates a table from rows.</summary>
    /// <param name="rows">The rows, in display order.</param>
    public EffectSizeTable(IEnumerable<EffectSizeEstimate> rows)
    {
        Guard.NotNull(rows);
        _rows = rows.ToArray();
        foreach (var row in _rows) Guard.NotNull(row, nameof(rows));
    }

    /// <summary>The data-quality report of the cohort the table was computed from (rows used and excluded, and why), or
    /// null for a table built from plain values.</summary>
    public DataQualityReport? Report { get; init; }

    /// <inheritdoc />
    public EffectSizeEstimate this[int index] => _rows[index];

    /// <inheritdoc />
    public int Count => _rows.Length;

    /// <summary>The rows whose comparison matches: a parameter, a visit time and/or an arm (null matches any).</summary>
    public IEnumerable<EffectSizeEstimate> Where(string? parameter = null, double? visit = null, string? arm = null) =>
        _rows.Where(r => (parameter is null || r.Comparison.Parameter == parameter)
                         && (visit is null || r.Comparison.Visit?.Time == visit)
                         && (arm is null || r.Comparison.Arm == arm));

    /// <inheritdoc />
    public IEnumerator<EffectSizeEstimate> GetEnumerator() => ((IEnumerable<EffectSizeEstimate>)_rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _rows.GetEnumerator();

    /// <summary>The tidy frame (<see cref="EstimateFrame"/>: one row per estimate, the comparison in typed columns) plus
    /// <c>variance</c> and, when a rule is given, <c>interpretation</c>.</summary>
    /// <param name="rule">Optional rule of thumb; adds an interpretation column such as "medium (Cohen 1988)".</param>
    public DataFrame ToDataFrame(EffectSizeRule? rule = null)
    {
        DataFrame frame = EstimateFrame.From(_rows);
        frame.Columns.Add(new DoubleDataFrameColumn("variance", _rows.Select(r => double.IsNaN(r.Variance) ? (double?)null : r.Variance)));
        if (rule is not null)
            frame.Columns.Add(new StringDataFrameColumn("interpretation", _rows.Select(r => double.IsNaN(r.Estimate) ? null : rule.Describe(r.Estimate))));
        return frame;
    }

    /// <summary>One row per effect size through <see cref="EstimateText"/>: the comparison, estimate, CI (level in the
    /// header), n and note; the notes give each method, reference, how the reference arm was chosen and the data used.</summary>
    public TableView ToTableView() => EstimateText.ToTableView(
        _rows.Length > 0 && _rows.All(r => r.Index == _rows[0].Index) ? _rows[0].Name : "Effect sizes", _rows, Report);

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, _rows.Select(r => r.ToString()));
}
