namespace CohortAnalysis.EffectSizes;

/// <summary>Summary statistics of paired measurements (e.g. post-test x and pre-test y in one arm):
/// means, SDs (n − 1), the correlation and the number of pairs.</summary>
/// <remarks>The change is x − y: pass the post-treatment (or later) values as x and the baseline as y, so a fall
/// in a depression score gives a negative change, as CHG = AVAL − BASE.</remarks>
/// <param name="N">Number of complete pairs.</param>
/// <param name="MeanX">Mean of x (e.g. post-test).</param>
/// <param name="SdX">SD of x.</param>
/// <param name="MeanY">Mean of y (e.g. pre-test / baseline).</param>
/// <param name="SdY">SD of y.</param>
/// <param name="Correlation">Pearson correlation of x and y.</param>
public readonly record struct PairedSummary(int N, double MeanX, double SdX, double MeanY, double SdY, double Correlation)
{
    /// <summary>The SD of the differences x − y: √(s_x² + s_y² − 2 r s_x s_y).</summary>
    public double SdDifference => Math.Sqrt(Math.Max(0, SdX * SdX + SdY * SdY - 2 * Correlation * SdX * SdY));

    /// <summary>Summary of paired data; throws when lengths differ or a value is not finite.</summary>
    /// <param name="x">First member of each pair (e.g. post-test).</param>
    /// <param name="y">Second member of each pair (e.g. pre-test).</param>
    /// <exception cref="ArgumentException">Lengths differ, or a value is not finite.</exception>
    public static PairedSummary Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        SampleChecks.RequirePairs(x, y);
        double mx = SampleMoments.Mean(x), my = SampleMoments.Mean(y);
        double vx = SampleMoments.Variance(x), vy = SampleMoments.Variance(y);
        double cov = SampleMoments.Covariance(x, y, mx, my);
        return new PairedSummary(x.Length, mx, Math.Sqrt(vx), my, Math.Sqrt(vy), cov / Math.Sqrt(vx * vy));
    }

    // The paired moments of a group as a summary (bootstrap jackknife).
    internal static PairedSummary Of(Resampling.GroupMoments g) =>
        new(g.N, g.MeanX, Math.Sqrt(g.VarianceX), g.MeanY, Math.Sqrt(g.VarianceY), g.Sxy / Math.Sqrt(g.Sxx * g.Syy));
}
