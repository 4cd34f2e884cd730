using System.Globalization;
using System.Runtime.CompilerServices;

namespace CohortAnalysis;

/// <summary>Checks on caller arguments; messages name the parameter and its value, formatted invariantly.</summary>
internal static class Guard
{
    public static void CiLevel(double level, [CallerArgumentExpression(nameof(level))] string? name = null)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(name, level,
                string.Create(CultureInfo.InvariantCulture, $"CiLevel = {level} must lie strictly between 0 and 1 (e.g. 0.95)."));
    }

    public static void Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} = {value} must be a finite number."), name);
    }

    public static void Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value,
                string.Create(CultureInfo.InvariantCulture, $"{name} = {value} must be a positive finite number."));
    }

    public static void AtLeast(int value, int minimum, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(name, value,
                string.Create(CultureInfo.InvariantCulture, $"{name} = {value} must be at least {minimum}."));
    }

    public static void DegreeOfParallelism(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is 0 or < -1)
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture,
                $"{name} = {value} must be -1 (all cores) or at least 1."));
    }

    public static void NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null) where T : class
    {
        if (value is null) throw new ArgumentNullException(name);
    }
}
