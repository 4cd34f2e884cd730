using CohortAnalysis.Descriptive;
using CohortAnalysis.Inference;
using FsCheck.Xunit;
using Xunit;

namespace CohortAnalysis.Tests.Descriptive;

/// <summary>Invariants over generated MADRS-like change scores (integers −60..60 plus a fractional part).</summary>
public class SummaryPropertyTests
{
    private static double[] Scores(int[] raw) => raw.Select((v, i) => (v % 61) + (i % 4) * 0.25).ToArray();

    [Property(MaxTest = 300)]
    public void Combine_EqualsSummaryOfConcatenation(int[] a, int[] b)
    {
        double[] x = Scores(a), y = Scores(b);
        RunningSummary merged = RunningSummary.Combine(new RunningSummary(x), new RunningSummary(y));
        Summary pooled = Summary.Of(x.Concat(y).ToArray());
        Assert.Equal(pooled.N, merged.N);
        if (pooled.N == 0) return;
        double scale = Math.Abs(pooled.Mean) + (double.IsNaN(pooled.Sd) ? 0 : pooled.Sd) + 1e-300;
        Assert.True(Math.Abs(pooled.Mean - merged.Mean) <= 1e-12 * scale);
        if (pooled.N >= 2) Assert.True(Math.Abs(pooled.Sd - merged.Sd) <= 1e-12 * Math.Max(pooled.Sd, 1e-12));
    }

    [Property(MaxTest = 300)]
    public void SubjectOrder_DoesNotMatter(int[] raw)
    {
        double[] x = Scores(raw);
        Summary forward = Summary.Of(x), backward = Summary.Of(x.Reverse().ToArray());
        Assert.Equal(forward.Median, backward.Median);
        Assert.Equal(forward.Q1, backward.Q1);
        Assert.Equal(forward.Q3, backward.Q3);
        if (forward.N > 0) Assert.True(Math.Abs(forward.Mean - backward.Mean) <= 1e-12 * (Math.Abs(forward.Mean) + 1));
    }

    [Property(MaxTest = 300)]
    public void MeanCi_ContainsMeanAndQuartilesAreOrdered(int[] raw)
    {
        double[] x = Scores(raw);
        Summary s = Summary.Of(x);
        if (s.N < 2) return;
        Assert.True(s.MeanCi.Lower <= s.Mean && s.Mean <= s.MeanCi.Upper);
        Assert.True(s.Min <= s.Q1 && s.Q1 <= s.Median && s.Median <= s.Q3 && s.Q3 <= s.Max);
    }

    [Property(MaxTest = 200)]
    public void TwoSampleT_SwappingGroups_FlipsSignAndInterval(int[] a, int[] b)
    {
        double[] x = Scores(a), y = Scores(b);
        if (x.Length < 2 || y.Length < 2 || x.Distinct().Count() < 2) return;
        TTestEstimate xy = TTest.TwoSample(x, y), yx = TTest.TwoSample(y, x);
        Assert.True(Math.Abs(xy.Estimate + yx.Estimate) <= 1e-12 * (Math.Abs(xy.Estimate) + 1));
        Assert.True(Math.Abs(xy.Ci.Upper + yx.Ci.Lower) <= 1e-9 * (Math.Abs(xy.Ci.Upper) + 1));
        Assert.True(Math.Abs(xy.PValue - yx.PValue) <= 1e-12);
    }
}
