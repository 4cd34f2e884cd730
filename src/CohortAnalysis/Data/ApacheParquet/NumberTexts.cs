using System.Globalization;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>The invariant text of the numbers of one column, each distinct value formatted once (doubles by
/// <see cref="RoundTripText"/>, the text the XPORT and Dataset-JSON readers show; plain digits for integers) up to <see cref="Capacity"/> values; past it, values are formatted into a buffer.</summary>
internal sealed class NumberTexts
{
    /// <summary>Distinct values kept.</summary>
    public const int Capacity = 1 << 16;

    private readonly Dictionary<double, (string Text, int Code)> _doubles = [];
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
        if (!_doubles.TryGetValue(x, out var kept))
        {
            code = -1;
            if (_doubles.Count >= Capacity) return null;
            kept = (new string(_buffer, 0, RoundTripText.Write(x, _buffer)), _doubles.Count);
            _doubles.Add(x, kept);
        }
        (_lastDouble, _lastDoubleText, _lastDoubleCode) = (x, kept.Text, kept.Code);
        code = kept.Code;
        return kept.Text;
    }

    /// <summary>The text of <paramref name="n"/> as the one string kept for it, with its code; null past <see cref="Capacity"/>.</summary>
    public string? Shared(long n, out int code)
    {
        if (_lastIntegerText is not null && n == _lastInteger)
        {
            code = _lastIntegerCode;
            return _lastIntegerText;
        }
        if (!_integers.TryGetValue(n, out var kept))
        {
            code = -1;
            if (_integers.Count >= Capacity) return null;
            kept = (n.ToString(CultureInfo.InvariantCulture), _integers.Count);
            _integers.Add(n, kept);
        }
        (_lastInteger, _lastIntegerText, _lastIntegerCode) = (n, kept.Text, kept.Code);
        code = kept.Code;
        return kept.Text;
    }
}
