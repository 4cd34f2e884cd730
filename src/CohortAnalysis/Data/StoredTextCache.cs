using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data;

/// <summary>The strings of recent text values, per column: a direct-mapped table from a value's bytes as stored (SAS
/// character bytes, a JSON string's raw UTF-8) to the string decoded from them, so that equal values share one string
/// and are decoded once. Codes repeat row after row (a subject's records, arms, parameters, visit labels), so a reader
/// that asks here allocates a string per distinct value it meets, not per cell.</summary>
/// <remarks>
/// <para>A column's last value is tried before any hashing: in a BDS dataset most columns (subject, site, arm, parameter,
/// baseline) hold the same value as on the row before, so most look-ups cost one comparison of a few bytes.</para>
/// <para>Values longer than <see cref="MaxKeyLength"/> bytes are not kept. Not thread-safe: one per reader.</para>
/// </remarks>
internal sealed class StoredTextCache
{
    /// <summary>Longest value kept, in bytes.</summary>
    public const int MaxKeyLength = 256;

    private const int EntriesPerColumn = 256;
    private const int Shift = 64 - 8;                   // log2(EntriesPerColumn) bits of the hash choose the entry

    private readonly byte[]?[] _keys;
    private readonly string?[] _values;
    private readonly int[] _last;                       // per column: the entry found or set last (-1: none)
    private readonly int[] _codes;                      // per entry: the code of the string it holds
    private readonly int[] _nextCode;                   // per column: the code the next string kept gets

    public StoredTextCache(int columns)
    {
        _keys = new byte[]?[columns * EntriesPerColumn];
        _values = new string?[columns * EntriesPerColumn];
        _last = new int[columns];
        Array.Fill(_last, -1);
        _codes = new int[columns * EntriesPerColumn];
        _nextCode = new int[columns];
    }

    /// <summary>The code of the string <paramref name="entry"/> holds (<see cref="TabularSource.SharedField"/>): each
    /// string kept in a column gets the next number, so a code stands for one text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Code(int entry) => _codes[entry];

    /// <summary>The code of the last string found or kept in <paramref name="column"/> (what <see cref="LastPrefix"/> returned).</summary>
    public int LastCode(int column) => _codes[_last[column]];

    /// <summary>The string kept for <paramref name="bytes"/> in <paramref name="column"/>, or null; <paramref name="entry"/>
    /// is where to <see cref="Set"/> it after decoding (-1: too long to keep).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Find(int column, ReadOnlySpan<byte> bytes, out int entry)
    {
        int last = _last[column];
        if (last >= 0 && bytes.SequenceEqual(_keys[last]))
        {
            entry = last;
            return _values[last];
        }
        if (bytes.Length > MaxKeyLength)
        {
            entry = -1;
            return null;
        }
        entry = column * EntriesPerColumn + (int)(CodeHash.Of(bytes) >> Shift);
        byte[]? key = _keys[entry];
        if (key is null || !bytes.SequenceEqual(key)) return null;
        _last[column] = entry;
        return _values[entry];
    }

    /// <summary>The last string found or kept in <paramref name="column"/> when <paramref name="text"/> starts with its
    /// bytes (<paramref name="length"/> of them), else null: lets a reader recognise a repeated value before it knows
    /// where the value ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string? LastPrefix(int column, ReadOnlySpan<byte> text, out int length)
    {
        int last = _last[column];
        if (last >= 0 && text.StartsWith(_keys[last]))
        {
            length = _keys[last]!.Length;
            return _values[last];
        }
        length = 0;
        return null;
    }

    /// <summary>Keeps <paramref name="value"/>, decoded from <paramref name="bytes"/>, in <paramref name="entry"/> (from
    /// <see cref="Find"/>); returns <paramref name="value"/>.</summary>
    public string Set(int entry, ReadOnlySpan<byte> bytes, string value)
    {
        if (entry < 0) return value;
        byte[]? key = _keys[entry];
        if (key is null || key.Length != bytes.Length) _keys[entry] = key = new byte[bytes.Length];
        bytes.CopyTo(key);
        _values[entry] = value;
        int column = entry / EntriesPerColumn;
        _last[column] = entry;
        _codes[entry] = _nextCode[column]++;
        return value;
    }
}
