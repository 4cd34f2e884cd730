using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data;

/// <summary>One column of the rows a <see cref="CohortBuilder"/> collects, in arrival order: a growing array that, unlike
/// a <see cref="List{T}"/>, can hand its storage to the cohort when the rows need no reordering and fill it exactly.</summary>
internal sealed class RowColumn<T> where T : struct
{
    private T[] _items = [];

    public int Count { get; private set; }

    /// <summary>Sizes the storage for at least <paramref name="capacity"/> rows.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _items.Length) Array.Resize(ref _items, capacity);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T value)
    {
        if (Count == _items.Length) Grow();
        _items[Count++] = value;
    }

    /// <summary>The storage for the next <paramref name="count"/> rows, to be filled and then counted with
    /// <see cref="Advance"/> (a block of rows written in place instead of one <see cref="Add"/> each).</summary>
    public Span<T> Append(int count)
    {
        if (Count + count > _items.Length)
            Array.Resize(ref _items, (int)Math.Min(Math.Max((long)Count + count, 2L * _items.Length), Array.MaxLength));
        return _items.AsSpan(Count, count);
    }

    /// <summary>Counts the first <paramref name="count"/> rows of the storage <see cref="Append"/> gave as filled.</summary>
    public void Advance(int count) => Count += count;

    private void Grow() => Array.Resize(ref _items, Math.Max(16, _items.Length <= Array.MaxLength / 2 ? 2 * _items.Length : Array.MaxLength));

    public T this[int row] => _items[row];

    public ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

    /// <summary>The values in <paramref name="order"/> (row indices); the column is emptied and its storage let go.</summary>
    public T[] TakeInOrder(ReadOnlySpan<int> order)
    {
        ReadOnlySpan<T> values = Span;
        var ordered = new T[order.Length];
        for (int k = 0; k < ordered.Length; k++) ordered[k] = values[order[k]];
        Release();
        return ordered;
    }

    /// <summary>All the values in arrival order: the storage itself when the rows fill it, else a copy; the column is
    /// emptied.</summary>
    public T[] TakeAll()
    {
        T[] all = Count == _items.Length ? _items : Span.ToArray();
        Release();
        return all;
    }

    /// <summary>Empties the column and lets its storage go.</summary>
    public void Release()
    {
        _items = [];
        Count = 0;
    }
}
