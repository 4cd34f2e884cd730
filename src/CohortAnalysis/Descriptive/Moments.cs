namespace CohortAnalysis.Descriptive;

/// <summary>Numerically careful mean and variance of a span (no NaN expected).</summary>
internal static class Moments
{
    /// <summary>Mean and sample variance (n − 1) by the corrected two-pass algorithm.</summary>
    /// <remarks>The second pass adds the mean residual back (Σ(x − m)/n), which removes the rounding error of the
    /// first-pass mean; the variance subtracts (Σ(x − m))²/n for the same reason (Chan, Golub &amp; LeVeque 1983, eq. 1.7).
    /// n = 1 gives variance NaN.</remarks>
    public static (double Mean, double Variance) MeanAndVariance(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        if (n == 0) return (double.NaN, double.NaN);
        double sum = 0;
        foreach (double v in x) sum += v;
        double mean = sum / n;
        double residual = 0, squares = 0;
        foreach (double v in x)
        {
            double d = v - mean;
            residual += d;
            squares += d * d;
        }
        mean += residual / n;
        double variance = n < 2 ? double.NaN : Math.Max(0, (squares - residual * residual / n) / (n - 1));
        return (mean, variance);
    }
}
