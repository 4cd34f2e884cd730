using System.Globalization;
using Microsoft.Data.Analysis;

namespace CohortAnalysis.Data;

/// <summary>DataFrame rows as text fields. Numbers are formatted round-trip and invariant, so a <c>Single</c> column's
/// 6.5f or 0.1f arrives as "6.5" or "0.1" (the decimal the user typed), not as 0.100000001490116.</summary>
internal sealed class DataFrameTabularSource : TabularSource
{
    private readonly DataFrame _frame;
    private readonly string[] _header;
    private long _row = -1;
    private string? _current;

    public DataFrameTabularSource(DataFrame frame, string name)
    {
        _frame = frame;
        Name = name;
        _header = frame.Columns.Select(c => c.Name.Trim()).ToArray();
    }

    public override string Name { get; }
    public override IReadOnlyList<string> Header => _header;
    public override long Line => _row + 2; // header is "line 1", so data row 0 is line 2, as in a CSV export
    public override int FieldCount => _header.Length;

    public override bool Read() => ++_row < _frame.Rows.Count;

    public override ReadOnlySpan<char> Field(int column, out bool isNull)
    {
        object? value = _frame.Columns[column][_row];
        isNull = value is null;
        _current = value switch
        {
            null => null,
            string s => s,
            float f => float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : f.ToString(CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (value is double or float && double.IsNaN(Convert.ToDouble(value, CultureInfo.InvariantCulture))) isNull = true;
        return _current.AsSpan();
    }
}
