namespace CohortAnalysis.Data;

/// <summary>The strings of recent text values, per column: a direct-mapped table from a value's bytes as stored (SAS
/// character bytes, a JSON string's raw UTF-8) to the string decoded from them, so that equal values share one string
/// and are decoded once. Codes repeat row after row (a subject's records, arms, parameters, visit labels), so a reader
/// that asks here allocates a string per distinct value it meets, not per cell.</summary>
/// <remarks>Values longer than <see cref="MaxKeyLength"/> bytes are not kept. Not thread-safe: one per reader.</remarks>
internal sealed class StoredTextCache
{
    /// <summary>Longest value kept, in bytes.</summary>
    public const int MaxKeyLength = 256;

    private const int EntriesPerColumn = 256;
    private const int Shift = 32 - 8;                   // log2(EntriesPerColumn) bits of the hash choose the entry

    private readonly byte[]?[] _keys;
    private readonly string?[] _values;

    public StoredTextCache(int columns)
    {
        _keys = new byte[]?[columns * EntriesPerColumn];
        _values = new string?[columns * EntriesPerColumn];
    }

    /// <summary>The string kept for <paramref name="bytes"/> in <paramref name="column"/>, or null; <paramref name="entry"/>
    /// is where to <see cref="Set"/> it after decoding (-1: too long to keep).</summary>
    public string? Find(int column, ReadOnlySpan<byte> bytes, out int entry)
    {
        if (bytes.Length > MaxKeyLength)
        {
            entry = -1;
            return null;
        }
        var hash = new HashCode();
        hash.AddBytes(bytes);
        entry = column * EntriesPerColumn + (int)(((uint)hash.ToHashCode() * 0x9E37_79B9U) >> Shift);
        byte[]? key = _keys[entry];
        return key is not null && bytes.SequenceEqual(key) ? _values[entry] : null;
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
        return value;
    }
}
