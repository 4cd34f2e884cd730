using System.Globalization;

namespace CohortAnalysis.Data;

/// <summary>A typed number (SAS numeric, JSON number) as the text a reader shows for it, written into a caller's buffer:
/// the invariant round-trip form of <c>double.ToString("R")</c>, without allocating a string per value.</summary>
internal static class RoundTripText
{
    /// <summary>Room any double needs ("-1.2345678901234567E-308" is 24 characters).</summary>
    public const int MaxLength = 32;

    /// <summary>Writes <paramref name="x"/> to <paramref name="destination"/> (at least <see cref="MaxLength"/> long) and
    /// returns the number of characters written.</summary>
    public static int Write(double x, Span<char> destination)
    {
        // Whole numbers below 10^15 print as their digits under "R" (the shortest round-trip form switches to exponent
        // notation at 1E+15); formatting them as integers is several times faster. -0 keeps its sign through "R".
        if (x == Math.Truncate(x) && Math.Abs(x) < 1e15 && !(x == 0 && double.IsNegative(x)))
        {
            ((long)x).TryFormat(destination, out int digits, default, CultureInfo.InvariantCulture);
            return digits;
        }
        if (!x.TryFormat(destination, out int written, "R", CultureInfo.InvariantCulture))
            throw new ArgumentException("The buffer is too short for a number.", nameof(destination));
        return written;
    }
}
