using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data;

/// <summary>Reads the first rows of a source ahead (so the de-identification guard can sample them) and then replays
/// them before continuing with the rest of the source.</summary>
internal sealed class BufferedTabularSource : TabularSource
{
    private readonly TabularSource _inner;
    private readonly List<(long Line, long EndLine, string?[] Fields, double[]? Numbers)> _buffer = [];
    private readonly HashSet<(int Row, int Column)> _typed = [];
    private int _next;
    private bool _replaying = true;

    public BufferedTabularSource(TabularSource inner, int rows)
    {
        _inner = inner;
        while (_buffer.Count < rows && inner.Read())
        {
            var fields = new string?[inner.FieldCount];
            for (int c = 0; c < fields.Length; c++)
            {
                ReadOnlySpan<char> field = inner.Field(c, out bool isNull);
                // Sampling never needs more than the start of a huge field; the full text is re-read on replay below.
                fields[c] = isNull ? null : field.ToString();
            }
            // Typed numbers (XPORT, Dataset-JSON) are kept as numbers for the replay; NaN marks a missing one, and a
            // column that is not typed is flagged by a null array or by the typed mask below.
            double[]? numbers = null;
            for (int c = 0; c < fields.Length; c++)
            {
                if (!inner.TryNumber(c, out double x)) continue;
                numbers ??= NewUntyped(fields.Length);
                numbers[c] = x;
                _typed.Add((_buffer.Count, c));
            }
            _buffer.Add((inner.Line, inner.EndLine, fields, numbers));
        }
    }

    /// <summary>The buffered raw values of column <paramref name="column"/> (short rows skipped; a typed null stays
    /// null, which the guard counts as a missing value).</summary>
    public IReadOnlyList<string> Sample(int column) =>
        _buffer.Where(r => column < r.Fields.Length).Select(r => r.Fields[column]!).ToList();

    /// <summary>The source to take the current row's fields from: this one while the rows read ahead are replayed,
    /// then the inner source itself (no second indirection per field for the rest of the file).</summary>
    public TabularSource Row => _replaying ? this : _inner;

    public override string Name => _inner.Name;
    public override IReadOnlyList<string> Header => _inner.Header;
    public override long Line => _replaying ? _buffer[_next - 1].Line : _inner.Line;
    public override long EndLine => _replaying ? _buffer[_next - 1].EndLine : _inner.EndLine;
    public override IEnumerable<DataIssue> Findings() => _inner.Findings();
    public override int FieldCount => _replaying ? _buffer[_next - 1].Fields.Length : _inner.FieldCount;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Read()
    {
        if (_replaying && _next < _buffer.Count) { _next++; return true; }
        _replaying = false;
        return _inner.Read();
    }

    public override ReadOnlySpan<char> Field(int column, out bool isNull)
    {
        if (!_replaying) return _inner.Field(column, out isNull);
        string?[] fields = _buffer[_next - 1].Fields;
        string? value = column < fields.Length ? fields[column] : "";
        isNull = value is null;
        return value.AsSpan();
    }

    public override bool TryNumber(int column, out double value)
    {
        if (!_replaying) return _inner.TryNumber(column, out value);
        value = double.NaN;
        double[]? numbers = _buffer[_next - 1].Numbers;
        if (numbers is null || column >= numbers.Length || !_typed.Contains((_next - 1, column))) return false;
        value = numbers[column];
        return true;
    }

    public override bool Repeats(int column) => !_replaying && _inner.Repeats(column);

    public override string? SharedField(int column, out int code)
    {
        if (!_replaying) return _inner.SharedField(column, out code);
        code = -1;
        return null;
    }

    public override DatasetMetadata? Metadata => _inner.Metadata;

    public override long? EstimatedRows => _inner.EstimatedRows;

    public override bool RowCountIsExact => _inner.RowCountIsExact;

    internal override void ShareTexts(IReadOnlyCollection<int> columns) => _inner.ShareTexts(columns);

    private static double[] NewUntyped(int length)
    {
        var numbers = new double[length];
        Array.Fill(numbers, double.NaN);
        return numbers;
    }

    public override void Dispose() => _inner.Dispose();
}
