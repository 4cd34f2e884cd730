namespace CohortAnalysis.EffectSizes;

/// <summary>Summary statistics of one group: mean, SD (n − 1) and n, for effect sizes computed from published summaries.</summary>
/// <param name="Mean">Sample mean.</param>
/// <param name="Sd">Sample standard deviation with the n − 1 denominator.</param>
/// <param name="N">Number of observations.</param>
public readonly record struct SampleSummary(double Mean, double Sd, int N)
{
    /// <summary>Mean, SD and n of finite values; throws when a value is NaN or infinite.</summary>
    /// <param name="values">The data.</param>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static SampleSummary Of(ReadOnlySpan<double> values)
    {
        SampleChecks.RequireFinite(values, "values");
        return new SampleSummary(SampleMoments.Mean(values), Math.Sqrt(SampleMoments.Variance(values)), values.Length);
    }

    // The x moments of a group as a summary (bootstrap jackknife).
    internal static SampleSummary Of(Resampling.GroupMoments g) => new(g.MeanX, Math.Sqrt(g.VarianceX), g.N);
}
