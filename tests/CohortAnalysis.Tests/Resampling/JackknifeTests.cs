using CohortAnalysis.EffectSizes;
using CohortAnalysis.Resampling;
using Xunit;

namespace CohortAnalysis.Tests.Resampling;

/// <summary>The O(n) jackknife from group moments against the O(n²) one that recomputes the statistic on n − 1 values
/// (a second implementation in the library, not an external oracle). Tolerance 1e-10 relative: the two differ only in
/// rounding (downdated sums versus sums recomputed from scratch).</summary>
public class JackknifeTests
{
    private static double[] Scores(int n, double shift, ulong seed)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            var random = CohortAnalysis.Randomness.Xoshiro256.ForReplicate(seed, i);
            double u1 = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53)) + 1e-300, u2 = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
            values[i] = Math.Round(shift + 8 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return values;
    }

    private static double Mean(ReadOnlySpan<double> x) { double s = 0; foreach (double v in x) s += v; return s / x.Length; }

    private static double Variance(ReadOnlySpan<double> x) { double m = Mean(x), s = 0; foreach (double v in x) s += (v - m) * (v - m); return s / (x.Length - 1); }

    private static double PooledD(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        (Mean(a) - Mean(b)) / Math.Sqrt(((a.Length - 1) * Variance(a) + (b.Length - 1) * Variance(b)) / (a.Length + b.Length - 2));

    private static void AssertSame(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) AssertClose.Relative(expected[i], actual[i], 1e-10);
    }

    [Fact]
    public void TwoGroups_MatchesLeavingEachValueOut()
    {
        double[] x = Scores(57, -12, 1), y = Scores(43, -6, 2);
        double[] slow = Jackknife.Of(Bootstrap.Design.TwoSample, x, y, PooledD, 1, default);
        double[] fast = Jackknife.TwoGroups(x, [], y, [], (g, h) =>
            (g.MeanX - h.MeanX) / Math.Sqrt((g.Sxx + h.Sxx) / (g.N + h.N - 2)));
        Assert.Equal(100, fast.Length);
        AssertSame(slow, fast);
    }

    [Fact]
    public void OneGroupOfPairs_MatchesLeavingEachPairOut()
    {
        double[] post = Scores(80, -10, 3), pre = Scores(80, 0, 4);
        static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            double ma = Mean(a), mb = Mean(b), sab = 0, saa = 0, sbb = 0;
            for (int i = 0; i < a.Length; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb); }
            return sab / Math.Sqrt(saa * sbb);
        }
        double[] slow = Jackknife.Of(Bootstrap.Design.Paired, post, pre, Correlation, -1, default);
        double[] fast = Jackknife.OneGroup(post, pre, (g, _) => g.Sxy / Math.Sqrt(g.Sxx * g.Syy));
        Assert.Equal(80, fast.Length);
        AssertSame(slow, fast);
    }

    [Fact]
    public void GeneralJackknife_DoesNotDependOnThreadCount()
    {
        double[] x = Scores(300, -12, 5), y = Scores(250, -6, 6);
        double[] one = Jackknife.Of(Bootstrap.Design.TwoSample, x, y, PooledD, 1, default);
        double[] many = Jackknife.Of(Bootstrap.Design.TwoSample, x, y, PooledD, 8, default);
        Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), many.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void CohensDBca_WithMomentJackknife_MatchesTheGeneralBootstrap()
    {
        double[] x = Scores(60, -12, 7), y = Scores(55, -6, 8);
        var boot = new BootstrapOptions { Resamples = 2000, Seed = 11 };
        EffectSizeEstimate d = EffectSize.CohensD(x, y, new StandardizedDifferenceOptions { CiMethod = CiMethod.BootstrapBca, Bootstrap = boot });
        BootstrapResult general = Bootstrap.TwoSample(x, y, PooledD, boot);
        AssertClose.Relative(general.Ci.Lower, d.Ci.Lower, 1e-9);
        AssertClose.Relative(general.Ci.Upper, d.Ci.Upper, 1e-9);
    }

    [Theory]
    [InlineData(RepeatedMeasuresMethod.Av)]
    [InlineData(RepeatedMeasuresMethod.Rm)]
    [InlineData(RepeatedMeasuresMethod.Z)]
    public void RepeatedMeasuresBca_IsBitIdenticalForAnyThreadCount(RepeatedMeasuresMethod method)
    {
        double[] post = Scores(70, -10, 9), pre = Scores(70, 0, 10);
        RepeatedMeasuresOptions o = new() { Method = method, CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = 500 } };
        EffectSizeEstimate one = EffectSize.RepeatedMeasuresD(post, pre, o with { Bootstrap = o.Bootstrap with { MaxDegreeOfParallelism = 1 } });
        EffectSizeEstimate all = EffectSize.RepeatedMeasuresD(post, pre, o);
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Ci.Lower), BitConverter.DoubleToInt64Bits(all.Ci.Lower));
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Ci.Upper), BitConverter.DoubleToInt64Bits(all.Ci.Upper));
        Assert.True(all.Ci.Contains(all.Estimate));
    }
}
