namespace CohortAnalysis.Data;

/// <summary>The display text of recent typed values, per column: a direct-mapped table from a 64-bit key (the value's
/// bytes) to the text written for it, so that a value seen again (a site, a visit number, a score) is not formatted
/// again. Texts are at most <see cref="RoundTripText.MaxLength"/> characters; a length of -1 stands for a missing value.</summary>
/// <remarks>Not thread-safe: one per reader.</remarks>
internal sealed class DisplayTextCache
{
    private const int EntriesPerColumn = 512;
    private const int Shift = 64 - 9;                   // log2(EntriesPerColumn) bits of the hash choose the entry

    private readonly ulong[] _keys;
    private readonly int[] _lengths;                    // int.MinValue: empty entry
    private readonly char[] _text;
    private readonly string?[] _strings;                // the text as a string, made when first asked for
    private readonly int[] _codes;                      // per entry: the code of the text it holds
    private readonly bool[] _asked;                     // per entry: Shared was asked for its text since it was set
    private readonly int[] _nextCode;                   // per column: the code the next text set gets

    public DisplayTextCache(int columns)
    {
        _codes = new int[columns * EntriesPerColumn];
        _asked = new bool[columns * EntriesPerColumn];
        _nextCode = new int[columns];
        _keys = new ulong[columns * EntriesPerColumn];
        _lengths = new int[columns * EntriesPerColumn];
        Array.Fill(_lengths, int.MinValue);
        _text = new char[columns * EntriesPerColumn * RoundTripText.MaxLength];
        _strings = new string?[columns * EntriesPerColumn];
    }

    /// <summary>The entry for <paramref name="key"/> in <paramref name="column"/>; <paramref name="hit"/> says whether it
    /// already holds that key's text. On a miss, write the text into <see cref="Room"/> and call <see cref="Set"/>.</summary>
    public int Find(int column, ulong key, out bool hit)
    {
        int entry = column * EntriesPerColumn + (int)((key * 0x9E37_79B9_7F4A_7C15UL) >> Shift);
        hit = _keys[entry] == key && _lengths[entry] != int.MinValue;
        return entry;
    }

    /// <summary>Where the text of <paramref name="entry"/> is written.</summary>
    public Span<char> Room(int entry) => _text.AsSpan(entry * RoundTripText.MaxLength, RoundTripText.MaxLength);

    /// <summary>Records that <paramref name="entry"/> now holds the text of <paramref name="key"/>, <paramref name="length"/>
    /// characters long (-1: missing).</summary>
    public void Set(int entry, ulong key, int length)
    {
        _keys[entry] = key;
        _lengths[entry] = length;
        _strings[entry] = null;
        _asked[entry] = false;
        _codes[entry] = _nextCode[entry / EntriesPerColumn]++;
    }

    /// <summary>The text of <paramref name="entry"/> as a string shared by every row holding it, with its
    /// <paramref name="code"/> (<see cref="TabularSource.SharedField"/>: each text set in a column gets the next number);
    /// null for a missing value and the first time the entry's text is asked for, so that a value met once (a
    /// continuous measurement) costs no string.</summary>
    public string? Shared(int entry, out int code)
    {
        code = _codes[entry];
        if (_asked[entry]) return AsString(entry);
        _asked[entry] = true;
        return null;
    }

    /// <summary>The text of <paramref name="entry"/>; empty with <paramref name="isNull"/> for a missing value.</summary>
    public ReadOnlySpan<char> Text(int entry, out bool isNull)
    {
        int length = _lengths[entry];
        isNull = length < 0;
        return isNull ? default : _text.AsSpan(entry * RoundTripText.MaxLength, length);
    }

    /// <summary>The text of <paramref name="entry"/> as a string (one per entry, not per call); null for a missing value.</summary>
    public string? AsString(int entry)
    {
        if (_strings[entry] is { } made) return made;
        ReadOnlySpan<char> text = Text(entry, out bool isNull);
        return isNull ? null : _strings[entry] = text.ToString();
    }
}
