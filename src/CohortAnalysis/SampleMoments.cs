namespace CohortAnalysis;

/// <summary>Means, variances and covariances by the corrected two-pass algorithm (Chan, Golub &amp; LeVeque 1983, eq. 1.7):
/// the second pass adds the mean residual back and subtracts (Σ(x − m))²/n, which removes the rounding error of the
/// first-pass mean; accurate on NIST NumAcc-type data, where one-pass Σx² loses every digit. No NaN expected.</summary>
internal static class SampleMoments
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

    /// <summary>Mean and sample variance (n − 1); n = 0 gives (NaN, NaN), n = 1 gives variance NaN.</summary>
    public static (double Mean, double Variance) MeanAndVariance(ReadOnlySpan<double> x)
    {
        if (x.Length == 0) return (double.NaN, double.NaN);
        double mean = Mean(x);
        return (mean, x.Length < 2 ? double.NaN : Math.Max(0, Variance(x, mean)));
    }
}
