using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data;

/// <summary>A block of rows copied out of a source (their fields' text, or null for a typed null), so the identifier
/// guard can examine them on another thread while the reader goes on.</summary>
internal sealed class ScannedRowBlock
{
    /// <summary>Rows per block: large enough that handing a block over costs nothing next to scanning it.</summary>
    public const int Rows = 8192;

    private char[] _text = new char[4096];               // grows to what a block of the file needs (blocks are reused)
    private int _length;
    // Start -1: a typed null; a negative Length (its complement) marks the same text as the previous row's field in
    // that column, which is not copied again and is counted as a repeat.
    private readonly List<(int Start, int Length)> _fields = new(1024);
    private (int Start, int Length)[] _previous = NoText(16);   // each column's text in the last row added; -1: none
    private readonly int[] _rowEnd = new int[Rows];                            // end of each row's fields in _fields

    public int Count { get; private set; }

    public bool IsFull => Count == Rows;

    /// <summary>Copies fields 0 … <paramref name="columns"/> − 1 of the source's current row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(TabularSource row, int columns)
    {
        if (_previous.Length < columns) _previous = NoText(Math.Max(columns, 2 * _previous.Length));
        for (int c = 0; c < columns; c++)
        {
            ReadOnlySpan<char> field = row.Field(c, out bool isNull);
            if (isNull)
            {
                _fields.Add((-1, 0));
                _previous[c] = (-1, 0);
                continue;
            }
            var (start, length) = _previous[c];
            if (start >= 0 && field.SequenceEqual(_text.AsSpan(start, length)))
            {
                _fields.Add((start, ~length));
                continue;
            }
            if (_length + field.Length > _text.Length) Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + field.Length));
            field.CopyTo(_text.AsSpan(_length));
            _fields.Add(_previous[c] = (_length, field.Length));
            _length += field.Length;
        }
        _rowEnd[Count++] = _fields.Count;
    }

    /// <summary>Counts every field, row by row in the order added, in <paramref name="scanner"/> (columns marked in
    /// <paramref name="skip"/> excepted).</summary>
    public void ScanInto(Privacy.IdentifierScanner scanner, bool[] skip)
    {
        int first = 0;
        for (int r = 0; r < Count; r++)
        {
            for (int f = first; f < _rowEnd[r]; f++)
            {
                int column = f - first;
                if (skip[column]) continue;
                var (start, length) = _fields[f];
                if (length < 0) scanner.AddRepeat(column, _text.AsSpan(start, ~length));
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
        _fields.Clear();
    }
}
