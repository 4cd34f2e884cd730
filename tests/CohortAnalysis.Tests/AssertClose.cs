using Xunit;

namespace CohortAnalysis.Tests;

/// <summary>Numeric assertions with a stated tolerance.</summary>
public static class AssertClose
{
    public static void Relative(double expected, double actual, double tolerance, string? what = null)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}"); return; }
        if (double.IsInfinity(expected)) { Assert.Equal(expected, actual); return; }
        double scale = Math.Max(Math.Abs(expected), 1e-300);
        double rel = Math.Abs(actual - expected) / scale;
        Assert.True(rel <= tolerance || Math.Abs(actual - expected) <= tolerance * 1e-3 && expected == 0,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {rel:E3} > {tolerance:E1})");
    }

    public static void Absolute(double expected, double actual, double tolerance, string? what = null)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}"); return; }
        Assert.True(Math.Abs(actual - expected) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (absolute error {Math.Abs(actual - expected):E3} > {tolerance:E1})");
    }
}
