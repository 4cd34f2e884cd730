using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>Turns a row group's text values into a code per row and the distinct values, so that every repeat of a
/// value is the same characters in memory (the load path's checks against the previous row then compare one reference)
/// and the row group is held as 4 bytes per cell.</summary>
/// <remarks>
/// <para>A dictionary-encoded column (what Arrow, Spark, DuckDB and <see cref="ParquetTableWriter"/> write for codes)
/// comes back from Parquet.Net as slices of its one decoded dictionary, so a repeat is recognised by where its slice
/// starts, without reading its characters: first against the row before, then in a small table by position. Other
/// values (plain-encoded pages, each value its own slice) are matched by content, up to <see cref="Capacity"/>
/// distinct values per row group; past that, a new value gets a new code without being compared.</para>
/// <para>Not thread-safe: one call per column chunk.</para>
/// </remarks>
internal static class TextCodes
{
    /// <summary>Distinct values matched by content per row group.</summary>
    public const int Capacity = 1 << 16;

    private const int Slots = 1 << 10;

    /// <summary>Fills <paramref name="codes"/> (one per row, −1 for a null) from <paramref name="values"/> (the non-null
    /// values packed, as a raw column read gives them) and <paramref name="levels"/> (definition levels, 0 for a null;
    /// null for a required column); returns the distinct values the codes index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlyMemory<char>[] Encode(ReadOnlyMemory<char>[] values, int[]? levels, int[] codes)
    {
        var distinct = new List<ReadOnlyMemory<char>>();
        var byContent = new Dictionary<ReadOnlyMemory<char>, int>(SameText.Instance);
        var slots = new (ReadOnlyMemory<char> Value, int Code)[Slots];
        slots.AsSpan().Fill((default, -1));
        ReadOnlyMemory<char> previous = default;
        int previousCode = -1;
        for (int row = 0, k = 0; row < codes.Length; row++)
        {
            if (levels is not null && levels[row] == 0)
            {
                codes[row] = -1;
                continue;
            }
            ReadOnlyMemory<char> value = values[k++];
            // ReadOnlyMemory equality is identity: the same object, start and length.
            if (previousCode >= 0 && value.Equals(previous))
            {
                codes[row] = previousCode;
                continue;
            }
            ref (ReadOnlyMemory<char> Value, int Code) slot = ref slots[Slot(value)];
            int code;
            if (slot.Code >= 0 && value.Equals(slot.Value))
            {
                code = slot.Code;
            }
            else if (byContent.TryGetValue(value, out int known))
            {
                code = known;
                slot = (value, code);
            }
            else
            {
                code = distinct.Count;
                distinct.Add(value);
                if (byContent.Count < Capacity) byContent.Add(value, code);
                slot = (value, code);
            }
            codes[row] = previousCode = code;
            previous = value;
        }
        return [.. distinct];
    }

    // Where a slice starts in its buffer, spread over the table (Fibonacci hashing: Knuth, TAOCP vol. 3, 6.4).
    private static int Slot(ReadOnlyMemory<char> value)
    {
        int start = MemoryMarshal.TryGetArray(value, out ArraySegment<char> segment) ? segment.Offset : 0;
        return (int)((uint)start * 2654435769u >> 22);
    }

    private sealed class SameText : IEqualityComparer<ReadOnlyMemory<char>>
    {
        public static readonly SameText Instance = new();

        public bool Equals(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<char> value) => string.GetHashCode(value.Span, StringComparison.Ordinal);
    }
}
