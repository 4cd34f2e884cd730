using System.Globalization;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>The invariant text of the numbers of one column, each distinct value formatted once (doubles by
/// <see cref="RoundTripText"/>, the text the XPORT and Dataset-JSON readers show; plain digits for integers) up to <see cref="Capacity"/> values; past it, values are formatted into a buffer.</summary>
internal sealed class NumberTexts
{
    /// <summary>Distinct values kept.</summary>
    public const int Capacity = 1 << 16;

    // Doubles are kept by their bits: double equality would make 0 and -0 (whose texts differ) one value.
    // A column holds doubles or integers, so one of the two is made (each holds a table of 8 192 small numbers).
    private Kept? _doublesKept, _integersKept;
    private Kept Doubles => _doublesKept ??= new();
    private Kept Integers => _integersKept ??= new();
    private readonly char[] _buffer = new char[RoundTripText.MaxLength];

    public ReadOnlySpan<char> Of(double x)
    {
        if (Shared(x, out _) is { } text) return text;
        return _buffer.AsSpan(0, RoundTripText.Write(x, _buffer));
    }

    public ReadOnlySpan<char> Of(long n)
    {
        if (Shared(n, out _) is { } text) return text;
        n.TryFormat(_buffer, out int length, default, CultureInfo.InvariantCulture);
        return _buffer.AsSpan(0, length);
    }

    /// <summary>The text of <paramref name="x"/> as the one string kept for it, with its code (the order in which the
    /// column's values were first met; <see cref="TabularSource.SharedField"/>); null past <see cref="Capacity"/>.</summary>
    public string? Shared(double x, out int code)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int slot = SmallSlot(x);
        if (Doubles.Find(bits, slot, out code) is { } text) return text;
        return Doubles.Count < Capacity ? Doubles.Add(bits, slot, new string(_buffer, 0, RoundTripText.Write(x, _buffer)), out code) : null;
    }

    /// <summary>The text of <paramref name="n"/> as the one string kept for it, with its code; null past <see cref="Capacity"/>.</summary>
    public string? Shared(long n, out int code)
    {
        int slot = n >= -SmallRange && n < SmallRange ? (int)n + SmallRange : -1;
        if (Integers.Find(n, slot, out code) is { } text) return text;
        return Integers.Count < Capacity ? Integers.Add(n, slot, n.ToString(CultureInfo.InvariantCulture), out code) : null;
    }

    // Whole numbers of small magnitude (scores, visits, changes, sites) are found by their value in a table instead of
    // the dictionary: the slot of x, or -1 (a fraction, a large number, NaN, or -0, whose text differs from 0's).
    private const int SmallRange = 4096;

    private static int SmallSlot(double x)
    {
        if (!(x >= -SmallRange && x < SmallRange)) return -1;
        int n = (int)x;
        return n == x && (n != 0 || !double.IsNegative(x)) ? n + SmallRange : -1;
    }

    /// <summary>The codes of a number column's rows (−1 for a null, NaN), each value's text kept as
    /// <see cref="Shared(double, out int)"/> keeps it, with the texts in code order; false when a value is past
    /// <see cref="Capacity"/> (the rows are then read one by one).</summary>
    /// <param name="numbers">The values (NaN for a null).</param>
    /// <param name="integers">The values of an integer column, or empty.</param>
    /// <param name="codes">The codes, in a buffer of this instance's, valid until its next call.</param>
    /// <param name="texts">The text of each code.</param>
    public bool TryCodes(ReadOnlySpan<double> numbers, ReadOnlySpan<long> integers, out ReadOnlySpan<int> codes, out ReadOnlySpan<string> texts)
    {
        if (_codes.Length < numbers.Length) _codes = new int[numbers.Length];
        Span<int> buffer = _codes.AsSpan(0, numbers.Length);
        codes = buffer;
        texts = default;
        for (int r = 0; r < numbers.Length; r++)
        {
            if (double.IsNaN(numbers[r])) buffer[r] = -1;
            else if ((integers.IsEmpty ? Shared(numbers[r], out buffer[r]) : Shared(integers[r], out buffer[r])) is null) return false;
        }
        texts = integers.IsEmpty ? Doubles.Texts : Integers.Texts;
        return true;
    }

    private int[] _codes = [];

    /// <summary>The texts kept for one kind of value, by a 64-bit key (a double's bits, or the integer), with their codes
    /// in the order first met.</summary>
    private sealed class Kept
    {
        private readonly Dictionary<long, (string Text, int Code)> _byKey = [];
        // The small whole numbers' texts and codes by value, made when the first one is kept.
        private string?[]? _small;
        private int[]? _smallCodes;
        private string[] _texts = [];
        // The value asked for last and its text: a column's values come in runs (a subject's site, baseline, visit), so
        // most look-ups are the previous row's value again and cost one comparison.
        private long _lastKey;
        private string? _lastText;
        private int _lastCode;

        public int Count => _byKey.Count;

        /// <summary>The texts in code order.</summary>
        public ReadOnlySpan<string> Texts => _texts.AsSpan(0, _byKey.Count);

        /// <summary>The text kept for <paramref name="key"/> (<paramref name="slot"/>: its place in the table of small
        /// whole numbers, or -1), or null when none is kept yet.</summary>
        public string? Find(long key, int slot, out int code)
        {
            if (_lastText is not null && key == _lastKey)
            {
                code = _lastCode;
                return _lastText;
            }
            if (slot >= 0 && _small?[slot] is { } small)
            {
                code = _smallCodes![slot];
                (_lastKey, _lastText, _lastCode) = (key, small, code);
                return small;
            }
            if (!_byKey.TryGetValue(key, out var kept))
            {
                code = -1;
                return null;
            }
            return Remember(key, slot, kept, out code);
        }

        /// <summary>Keeps <paramref name="text"/> for a key <see cref="Find"/> did not find, under the next code.</summary>
        public string Add(long key, int slot, string text, out int code)
        {
            (string Text, int Code) kept = (text, _byKey.Count);
            _byKey.Add(key, kept);
            if (kept.Code >= _texts.Length) Array.Resize(ref _texts, Math.Max(16, 2 * _texts.Length));
            _texts[kept.Code] = text;
            return Remember(key, slot, kept, out code);
        }

        private string Remember(long key, int slot, (string Text, int Code) kept, out int code)
        {
            if (slot >= 0)
            {
                _small ??= new string?[2 * SmallRange];
                _smallCodes ??= new int[2 * SmallRange];
                (_small[slot], _smallCodes[slot]) = (kept.Text, kept.Code);
            }
            (_lastKey, _lastText, _lastCode) = (key, kept.Text, kept.Code);
            code = kept.Code;
            return kept.Text;
        }
    }
}
