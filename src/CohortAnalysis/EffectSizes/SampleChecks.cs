using System.Globalization;

namespace CohortAnalysis.EffectSizes;

/// <summary>Argument checks and helpers shared by the effect-size estimators.</summary>
internal static class SampleChecks
{
    public static void RequireFinite(ReadOnlySpan<double> x, string name)
    {
        for (int i = 0; i < x.Length; i++)
            if (!double.IsFinite(x[i]))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}[{i}] = {x[i]} is not a finite number; remove missing values before estimating."), name);
    }

    public static void RequireGroup(ReadOnlySpan<double> x, string name)
    {
        RequireFinite(x, name);
        if (x.Length < 2)
            throw new NotEstimableException(string.Create(CultureInfo.InvariantCulture,
                $"Group {name} has n = {x.Length}; at least 2 values are needed."), name);
    }

    public static void RequirePairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Paired data need equal lengths; x has {x.Length} values and y has {y.Length}."), nameof(y));
        RequireGroup(x, "x");
        RequireGroup(y, "y");
    }

    public static void Differences(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> target)
    {
        for (int i = 0; i < x.Length; i++) target[i] = x[i] - y[i];
    }
}
