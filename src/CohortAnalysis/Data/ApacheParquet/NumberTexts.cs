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

    public ReadOnlySpan<char> Of(double x)
    {
        if (_doubles.TryGetValue(x, out string? text)) return text;
        int length = RoundTripText.Write(x, _buffer);
        if (_doubles.Count >= Capacity) return _buffer.AsSpan(0, length);
        text = new string(_buffer, 0, length);
        _doubles.Add(x, text);
        return text;
    }

    public ReadOnlySpan<char> Of(long n)
    {
        if (_integers.TryGetValue(n, out string? text)) return text;
        if (_integers.Count < Capacity)
        {
            text = n.ToString(CultureInfo.InvariantCulture);
            _integers.Add(n, text);
            return text;
        }
        n.TryFormat(_buffer, out int length, default, CultureInfo.InvariantCulture);
        return _buffer.AsSpan(0, length);
    }
}
