using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data;

/// <summary>The numbers score files hold ("41", "-9", "12.5"), parsed without the general parser: an optional minus,
/// 1–15 digits, and an optional point with at least one digit after it. Anything else is left to
/// <see cref="double.TryParse(ReadOnlySpan{char}, System.Globalization.NumberStyles, IFormatProvider?, out double)"/>.</summary>
/// <remarks>The result is the correctly rounded double, as the general parser gives: the digits form an integer m below
/// 10¹⁵ (exact in a double) and the value is m / 10^k with k ≤ 15 (10^k exact too), and IEEE 754 division of two exact
/// doubles is correctly rounded (Clinger 1990, How to read floating point numbers accurately, PLDI '90, the "fast
/// path"). A minus sign on zero gives −0, as the general parser does.</remarks>
internal static class PlainDecimal
{
    private const int MaxDigits = 15;

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>True, with the value, when <paramref name="text"/> is a plain decimal of at most 15 digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = text.Length > 0 && text[0] == '-';
        if (negative) i = 1;
        long mantissa = 0;
        int digits = 0, fraction = -1;     // fraction: digits after the point, -1 before one is seen
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (++digits > MaxDigits) return false;
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) fraction++;
            }
            else if (c == '.' && fraction < 0 && digits > 0) fraction = 0;
            else return false;
        }
        if (digits == 0 || fraction == 0) return false;
        double magnitude = fraction > 0 ? mantissa / PowersOfTen[fraction] : mantissa;
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
