using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace CohortAnalysis.Data;

/// <summary>A block of rows copied out of a source: each field's text (or null for a typed null), typed numbers, and
/// each row's lines. The reader reads rows back from it (<see cref="ReadAheadTabularSource"/>) and the identifier guard
/// then examines the same block on another thread (<see cref="LoadTimeIdentifierScan"/>).</summary>
internal sealed class ScannedRowBlock : IScannedRows
{
    /// <summary>Rows per block: large enough that handing a block over costs nothing next to reading it.</summary>
    public const int Rows = 8192;

    private readonly ConcurrentBag<ScannedRowBlock>? _pool;
    private char[] _text = new char[4096];               // grows to what a block of the file needs (blocks are reused)
    private int _length;
    // Start -1: a typed null; a negative Length (its complement) marks the same text as the previous row's field in
    // that column, which is not copied again and is counted as a repeat. Start at or below SharedStart: a string the
    // source shares (TabularSource.SharedField), _shared[SharedStart - Start], not copied; Length is then its code
    // (complemented on a repeat: the previous row's field in the column had the same code).
    private (int Start, int Length)[] _fields = new (int, int)[1024];
    private int _fieldCount;
    private const int SharedStart = -2;
    private readonly List<string> _shared = new(1024);
    private (int Start, int Length)[] _previous = NoText(16);   // each column's text in the last row added; -1: none
    private readonly int[] _rowEnd = new int[Rows];                            // end of each row's fields in _fields
    private readonly long[] _line = new long[Rows], _endLine = new long[Rows];
    // Typed numbers (XPORT, Dataset-JSON, Parquet), aligned with _fields; null until a source gives one.
    // (arrays indexed like _fields, kept at their largest as blocks are reused; _typed is cleared up to the fields used)
    private double[]? _numbers;
    private bool[]? _typed;

    /// <param name="pool">Where <see cref="Recycle"/> puts the block back once every reader of it is done.</param>
    public ScannedRowBlock(ConcurrentBag<ScannedRowBlock>? pool = null) => _pool = pool;

    public int Count { get; private set; }

    public bool IsFull => Count == Rows;

    /// <summary>True when the source ended after this block's rows.</summary>
    public bool IsLast { get; set; }

    /// <summary>What the source threw when asked for the row after this block's rows (rethrown there).</summary>
    public ExceptionDispatchInfo? Failure { get; set; }

    /// <summary>Copies every field of the source's current row, its typed numbers and its lines, asking the source field
    /// by field (<see cref="TabularSource.CopyRowTo"/> lets a source copy its row itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(TabularSource row)
    {
        int columns = row.FieldCount;
        BeginRow(columns);
        for (int c = 0; c < columns; c++)
        {
            if (row.TryNumber(c, out double number)) MarkTyped(c, number);
            if (row.SharedField(c, out int code) is { } shared) AddShared(c, shared, code);
            else
            {
                ReadOnlySpan<char> field = row.Field(c, out bool isNull);
                AddText(c, field, isNull);
            }
        }
        EndRow(row.Line, row.EndLine);
    }

    private int _rowFirst;   // where the row being added starts in _fields

    /// <summary>Starts a row of <paramref name="columns"/> fields: then one <see cref="AddShared"/> or
    /// <see cref="AddText"/> per column, in column order (each after <see cref="MarkTyped"/> when the field is a typed
    /// number), then <see cref="EndRow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BeginRow(int columns)
    {
        if (_previous.Length < columns) Array.Resize(ref _previous, Math.Max(columns, 2 * _previous.Length));
        if (_fieldCount == 0 && _fields.Length < Rows * columns) Reserve(Rows * columns);
        _rowFirst = _fieldCount;
    }

    private int _reserved;   // fields a full block of the source's rows takes

    // Sizes the field arrays for a full block once, at the first row of an empty block, instead of doubling them row by
    // row (each doubling copies what the block holds). The typed and shared arrays take that size when first used.
    private void Reserve(int fields)
    {
        _reserved = fields;
        _fields = new (int, int)[fields];
    }

    /// <summary>Adds field <paramref name="column"/> as the string the source shares under <paramref name="code"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddShared(int column, string shared, int code)
    {
        var (start, length) = _previous[column];
        if (start <= SharedStart && length == code)
        {
            AddField((start, ~code));
            return;
        }
        AddField(_previous[column] = (SharedStart - _shared.Count, code));
        if (_shared.Count == _shared.Capacity) _shared.EnsureCapacity(Math.Max(_reserved, 2 * _shared.Count));
        _shared.Add(shared);
    }

    /// <summary>Adds field <paramref name="column"/>'s text (copied, unless it equals the previous row's), or a typed null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddText(int column, ReadOnlySpan<char> field, bool isNull)
    {
        if (isNull)
        {
            AddField((-1, 0));
            _previous[column] = (-1, 0);
            return;
        }
        var (start, length) = _previous[column];
        if (start >= 0 && field.SequenceEqual(_text.AsSpan(start, length)))
        {
            AddField((start, ~length));
            return;
        }
        if (_length + field.Length > _text.Length) Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + field.Length));
        field.CopyTo(_text.AsSpan(_length));
        AddField(_previous[column] = (_length, field.Length));
        _length += field.Length;
    }

    /// <summary>Records that field <paramref name="column"/> of the row being added is the typed number
    /// <paramref name="number"/> (NaN: a typed missing value). Fields not marked are not typed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MarkTyped(int column, double number)
    {
        int field = _rowFirst + column;
        if (_typed is null || field >= _typed.Length) Grow(field);
        _typed![field] = true;
        _numbers![field] = number;
    }

    /// <summary>Ends the row being added.</summary>
    public void EndRow(long line, long endLine)
    {
        _line[Count] = line;
        _endLine[Count] = endLine;
        _rowEnd[Count++] = _fieldCount;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Start, int Length) AddField((int Start, int Length) field)
    {
        if (_fieldCount == _fields.Length) Array.Resize(ref _fields, 2 * _fields.Length);
        return _fields[_fieldCount++] = field;
    }

    // The typed arrays are made at the first typed number and grow with the fields; unmarked fields stay false.
    private void Grow(int field)
    {
        int size = Math.Max(Math.Max(Math.Max(1024, _reserved), field + 1), 2 * (_typed?.Length ?? 0));
        Array.Resize(ref _typed, size);
        Array.Resize(ref _numbers, size);
    }

    public long Line(int row) => _line[row];

    public long EndLine(int row) => _endLine[row];

    public int FieldCount(int row) => _rowEnd[row] - (row == 0 ? 0 : _rowEnd[row - 1]);

    /// <summary>Field <paramref name="column"/> of row <paramref name="row"/>; empty past the row's last field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Field(int row, int column, out bool isNull)
    {
        isNull = false;
        int f = FieldIndex(row, column);
        if (f < 0) return [];
        var (start, length) = _fields[f];
        if (start < 0)
        {
            if (start <= SharedStart) return _shared[SharedStart - start];
            isNull = true;
            return [];
        }
        return _text.AsSpan(start, length < 0 ? ~length : length);
    }

    /// <summary>Field <paramref name="column"/> of row <paramref name="row"/> as the source shared it, with its code
    /// (<see cref="TabularSource.SharedField"/>); null when the source did not share it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string? SharedField(int row, int column, out int code)
    {
        int f = FieldIndex(row, column);
        if (f >= 0)
        {
            var (start, length) = _fields[f];
            if (start <= SharedStart)
            {
                code = length < 0 ? ~length : length;
                return _shared[SharedStart - start];
            }
        }
        code = -1;
        return null;
    }

    /// <summary>True when field <paramref name="column"/> of row <paramref name="row"/> was found equal to that column's
    /// field on the row before it in this block (and so not copied again).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Repeats(int row, int column)
    {
        int f = FieldIndex(row, column);
        return f >= 0 && _fields[f].Length < 0;
    }

    /// <summary>The typed number of field <paramref name="column"/> of row <paramref name="row"/>, as the source gave it.</summary>
    public bool TryNumber(int row, int column, out double value)
    {
        value = double.NaN;
        if (_typed is null) return false;
        int f = FieldIndex(row, column);
        if (f < 0 || f >= _typed.Length || !_typed[f]) return false;
        value = _numbers![f];
        return true;
    }

    // Where field `column` of row `row` is kept in _fields; -1 past the row's last field.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FieldIndex(int row, int column)
    {
        int first = row == 0 ? 0 : _rowEnd[row - 1];
        return (uint)column < (uint)(_rowEnd[row] - first) ? first + column : -1;
    }

    /// <summary>A block that is not full: the last of its source.</summary>
    bool IScannedRows.IsSmall => !IsFull;

    void IScannedRows.Scanned() => Recycle();

    /// <summary>Counts every field, row by row in the order added, in <paramref name="scanner"/>: the first
    /// <paramref name="columns"/> fields of each row, columns marked in <paramref name="skip"/> excepted.</summary>
    public void ScanInto(Privacy.IdentifierScanner scanner, bool[] skip, int columns)
    {
        int first = 0;
        for (int r = 0; r < Count; r++)
        {
            int end = Math.Min(_rowEnd[r], first + columns);
            for (int f = first; f < end; f++)
            {
                int column = f - first;
                if (skip[column]) continue;
                var (start, length) = _fields[f];
                if (start <= SharedStart) scanner.AddShared(column, _shared[SharedStart - start], length < 0 ? ~length : length);
                else if (length < 0) scanner.AddRepeat(column, _text.AsSpan(start, ~length));
                else scanner.Add(column, start < 0 ? [] : _text.AsSpan(start, length), start < 0);
            }
            first = _rowEnd[r];
        }
    }

    private static (int Start, int Length)[] NoText(int columns)
    {
        var none = new (int, int)[columns];
        none.AsSpan().Fill((-1, 0));
        return none;
    }

    public void Clear()
    {
        _previous.AsSpan().Fill((-1, 0));
        Count = 0;
        _length = 0;
        if (_typed is not null) Array.Clear(_typed, 0, Math.Min(_typed.Length, _fieldCount));
        _fieldCount = 0;
        _shared.Clear();
        IsLast = false;
        Failure = null;
    }

    /// <summary>Clears the block and gives it back to its pool (if it has one) for the next rows.</summary>
    public void Recycle()
    {
        Clear();
        _pool?.Add(this);
    }
}
