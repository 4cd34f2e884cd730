using System.Text.RegularExpressions;

namespace CohortAnalysis.Privacy;

/// <summary>
/// Runs a guard pattern with its match timeout, retrying once on a timeout. The patterns are linear on any input, so
/// a first timeout is almost always the thread losing the processor on a busy machine (the timeout is wall-clock time);
/// a value that times out twice is treated as hostile, and the caller fails closed.
/// </summary>
internal static class PatternMatch
{
    /// <summary>Whether <paramref name="pattern"/> matches <paramref name="value"/>; null when it timed out twice.</summary>
    public static bool? IsMatch(Regex pattern, ReadOnlySpan<char> value)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return pattern.IsMatch(value);
            }
            catch (RegexMatchTimeoutException) when (attempt == 0)
            {
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }
    }

    /// <summary>The first match's length (null when none); throws <see cref="RegexMatchTimeoutException"/>
    /// when it timed out twice.</summary>
    public static int? FirstLength(Regex pattern, ReadOnlySpan<char> value)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                foreach (ValueMatch m in pattern.EnumerateMatches(value)) return m.Length;
                return null;
            }
            catch (RegexMatchTimeoutException) when (attempt == 0)
            {
            }
        }
    }
}
