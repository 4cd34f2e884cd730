using System.Globalization;

namespace CohortAnalysis.EffectSizes;

/// <summary>Means, variances and covariances by the corrected two-pass algorithm (accurate on NIST NumAcc-type data,
/// where one-pass Σx² loses every digit).</summary>
internal static class Moments
{
    public static double Mean(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x) sum += v;
        double mean = sum / x.Length;
        double correction = 0;
        foreach (double v in x) correction += v - mean;
        return mean + correction / x.Length;
    }

    /// <summary>Sample variance (n − 1).</summary>
    public static double Variance(ReadOnlySpan<double> x) => Variance(x, Mean(x));

    public static double Variance(ReadOnlySpan<double> x, double mean)
    {
        double ss = 0, s = 0;
        foreach (double v in x) { double d = v - mean; ss += d * d; s += d; }
        int n = x.Length;
        return (ss - s * s / n) / (n - 1);
    }

    public static double Covariance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double mx, double my)
    {
        double sxy = 0, sx = 0, sy = 0;
        for (int i = 0; i < x.Length; i++) { double dx = x[i] - mx, dy = y[i] - my; sxy += dx * dy; sx += dx; sy += dy; }
        int n = x.Length;
        return (sxy - sx * sy / n) / (n - 1);
    }

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
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
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
