using System.Globalization;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>The invariant text of the numbers of one column, each distinct value formatted once (doubles by
/// <see cref="RoundTripText"/>, the text the XPORT and Dataset-JSON readers show; plain digits for integers) up to <see cref="Capacity"/> values; past it, values are formatted into a buffer.</summary>
internal sealed class NumberTexts
{
    /// <summary>Distinct values kept.</summary>
    public const int Capacity = 1 << 16;

    private readonly Dictionary<double, string> _doubles = [];
    private readonly Dictionary<long, string> _integers = [];
    private readonly char[] _buffer = new char[RoundTripText.MaxLength];
    // The value asked for last and its text: a column's values come in runs (a subject's site, baseline, visit), so most
    // look-ups are the previous row's value again and cost one comparison.
    private double _lastDouble = double.NaN;
    private string? _lastDoubleText;
    private long _lastInteger;
    private string? _lastIntegerText;

    public ReadOnlySpan<char> Of(double x)
    {
        // Bitwise, so that 0 and -0 (whose texts differ) are told apart.
        if (_lastDoubleText is not null && BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(_lastDouble)) return _lastDoubleText;
        if (_doubles.TryGetValue(x, out string? text))
        {
            (_lastDouble, _lastDoubleText) = (x, text);
            return text;
        }
        int length = RoundTripText.Write(x, _buffer);
        if (_doubles.Count >= Capacity) return _buffer.AsSpan(0, length);
        text = new string(_buffer, 0, length);
        _doubles.Add(x, text);
        (_lastDouble, _lastDoubleText) = (x, text);
        return text;
    }

    public ReadOnlySpan<char> Of(long n)
    {
        if (_lastIntegerText is not null && n == _lastInteger) return _lastIntegerText;
        if (_integers.TryGetValue(n, out string? text))
        {
            (_lastInteger, _lastIntegerText) = (n, text);
            return text;
        }
        if (_integers.Count < Capacity)
        {
            text = n.ToString(CultureInfo.InvariantCulture);
            _integers.Add(n, text);
            (_lastInteger, _lastIntegerText) = (n, text);
            return text;
        }
        n.TryFormat(_buffer, out int length, default, CultureInfo.InvariantCulture);
        return _buffer.AsSpan(0, length);
    }
}
