using System.Globalization;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>The invariant text of the numbers of one column, each distinct value formatted once (doubles by
/// <see cref="RoundTripText"/>, the text the XPORT and Dataset-JSON readers show; plain digits for integers) up to <see cref="Capacity"/> values; past it, values are formatted into a buffer.</summary>
internal sealed class NumberTexts
{
    /// <summary>Distinct values kept.</summary>
    public const int Capacity = 1 << 16;

    // Keyed by the bits: double equality would make 0 and -0 (whose texts differ) one value.
    private readonly Dictionary<long, (string Text, int Code)> _doubles = [];
    private readonly Dictionary<long, (string Text, int Code)> _integers = [];
    private readonly char[] _buffer = new char[RoundTripText.MaxLength];
    // The value asked for last and its text: a column's values come in runs (a subject's site, baseline, visit), so most
    // look-ups are the previous row's value again and cost one comparison.
    private double _lastDouble = double.NaN;
    private string? _lastDoubleText;
    private int _lastDoubleCode;
    private long _lastInteger;
    private string? _lastIntegerText;
    private int _lastIntegerCode;

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
        // Bitwise, so that 0 and -0 (whose texts differ) are told apart.
        if (_lastDoubleText is not null && BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(_lastDouble))
        {
            code = _lastDoubleCode;
            return _lastDoubleText;
        }
        int slot = SmallSlot(x);
        if (slot >= 0 && _smallDoubles[slot] is { } small)
        {
            code = _smallDoubleCodes[slot];
            (_lastDouble, _lastDoubleText, _lastDoubleCode) = (x, small, code);
            return small;
        }
        if (!_doubles.TryGetValue(BitConverter.DoubleToInt64Bits(x), out var kept))
        {
            code = -1;
            if (_doubles.Count >= Capacity) return null;
            kept = (new string(_buffer, 0, RoundTripText.Write(x, _buffer)), _doubles.Count);
            _doubles.Add(BitConverter.DoubleToInt64Bits(x), kept);
            Append(ref _doubleTexts, kept.Code, kept.Text);
        }
        if (slot >= 0) (_smallDoubles[slot], _smallDoubleCodes[slot]) = (kept.Text, kept.Code);
        (_lastDouble, _lastDoubleText, _lastDoubleCode) = (x, kept.Text, kept.Code);
        code = kept.Code;
        return kept.Text;
    }

    // Whole numbers of small magnitude (scores, visits, changes, sites) are found by their value in a table instead of
    // the dictionary: the slot of x, or -1 (a fraction, a large number, NaN, or -0, whose text differs from 0's).
    private const int SmallRange = 4096;
    private readonly string?[] _smallDoubles = new string?[2 * SmallRange], _smallIntegers = new string?[2 * SmallRange];
    private readonly int[] _smallDoubleCodes = new int[2 * SmallRange], _smallIntegerCodes = new int[2 * SmallRange];

    private static int SmallSlot(double x)
    {
        if (!(x >= -SmallRange && x < SmallRange)) return -1;
        int n = (int)x;
        return n == x && (n != 0 || !double.IsNegative(x)) ? n + SmallRange : -1;
    }

    // The texts in code order (the first Count entries are in use), for the guard's counting by code.
    private string[] _doubleTexts = [], _integerTexts = [];

    private static void Append(ref string[] texts, int code, string text)
    {
        if (code >= texts.Length) Array.Resize(ref texts, Math.Max(16, 2 * texts.Length));
        texts[code] = text;
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
        texts = integers.IsEmpty ? _doubleTexts.AsSpan(0, _doubles.Count) : _integerTexts.AsSpan(0, _integers.Count);
        return true;
    }

    private int[] _codes = [];

    /// <summary>The text of <paramref name="n"/> as the one string kept for it, with its code; null past <see cref="Capacity"/>.</summary>
    public string? Shared(long n, out int code)
    {
        if (_lastIntegerText is not null && n == _lastInteger)
        {
            code = _lastIntegerCode;
            return _lastIntegerText;
        }
        int slot = n >= -SmallRange && n < SmallRange ? (int)n + SmallRange : -1;
        if (slot >= 0 && _smallIntegers[slot] is { } small)
        {
            code = _smallIntegerCodes[slot];
            (_lastInteger, _lastIntegerText, _lastIntegerCode) = (n, small, code);
            return small;
        }
        if (!_integers.TryGetValue(n, out var kept))
        {
            code = -1;
            if (_integers.Count >= Capacity) return null;
            kept = (n.ToString(CultureInfo.InvariantCulture), _integers.Count);
            _integers.Add(n, kept);
            Append(ref _integerTexts, kept.Code, kept.Text);
        }
        if (slot >= 0) (_smallIntegers[slot], _smallIntegerCodes[slot]) = (kept.Text, kept.Code);
        (_lastInteger, _lastIntegerText, _lastIntegerCode) = (n, kept.Text, kept.Code);
        code = kept.Code;
        return kept.Text;
    }
}
