using CohortAnalysis.EffectSizes;
using CohortAnalysis.Resampling;
using Xunit;

namespace CohortAnalysis.Tests.Resampling;

public class BootstrapTests
{
    private static double[] Normalish(int n, double shift, ulong seed)
    {
        // deterministic test data from the library's own generator (Box–Muller)
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            var random = CohortAnalysis.Randomness.Xoshiro256.ForReplicate(seed, i);
            double u1 = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53)) + 1e-300, u2 = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
            values[i] = shift + Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        return values;
    }

    private static double MeanDifference(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double a = 0, b = 0;
        foreach (double v in x) a += v;
        foreach (double v in y) b += v;
        return a / x.Length - b / y.Length;
    }

    [Fact]
    public void SameSeed_GivesBitIdenticalReplicates()
    {
        double[] x = Normalish(40, 0.5, 1), y = Normalish(30, 0, 2);
        var o = new BootstrapOptions { Resamples = 500, Seed = 42 };
        BootstrapResult a = Bootstrap.TwoSample(x, y, MeanDifference, o);
        BootstrapResult b = Bootstrap.TwoSample(x, y, MeanDifference, o);
        Assert.Equal(a.Replicates.Select(BitConverter.DoubleToInt64Bits), b.Replicates.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Ci.Lower), BitConverter.DoubleToInt64Bits(b.Ci.Lower));
        BootstrapResult c = Bootstrap.TwoSample(x, y, MeanDifference, o with { Seed = 43 });
        Assert.NotEqual(a.Ci.Lower, c.Ci.Lower);
    }

    [Theory]
    [InlineData(CiMethod.BootstrapPercentile)]
    [InlineData(CiMethod.BootstrapBasic)]
    [InlineData(CiMethod.BootstrapBca)]
    public void ThreadCount_DoesNotChangeBits(CiMethod interval)
    {
        double[] x = Normalish(60, 0.3, 3), y = Normalish(50, 0, 4);
        var o = new BootstrapOptions { Resamples = 1000, Seed = 7, Interval = interval };
        BootstrapResult one = Bootstrap.TwoSample(x, y, MeanDifference, o with { MaxDegreeOfParallelism = 1 });
        BootstrapResult many = Bootstrap.TwoSample(x, y, MeanDifference, o with { MaxDegreeOfParallelism = 8 });
        BootstrapResult all = Bootstrap.TwoSample(x, y, MeanDifference, o);
        Assert.Equal(one.Replicates.Select(BitConverter.DoubleToInt64Bits), many.Replicates.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Ci.Lower), BitConverter.DoubleToInt64Bits(all.Ci.Lower));
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Ci.Upper), BitConverter.DoubleToInt64Bits(all.Ci.Upper));
    }

    [Fact]
    public void RandomStream_IsPinned()
    {
        // Pins the generator: a change here changes every published bootstrap result, so it must be deliberate.
        var r = CohortAnalysis.Randomness.Xoshiro256.ForReplicate(20240601, 0);
        ulong first = r.NextUInt64();
        var again = CohortAnalysis.Randomness.Xoshiro256.ForReplicate(20240601, 0);
        Assert.Equal(first, again.NextUInt64());
        Assert.NotEqual(first, CohortAnalysis.Randomness.Xoshiro256.ForReplicate(20240601, 1).NextUInt64());
        int[] counts = new int[6];
        var dice = CohortAnalysis.Randomness.Xoshiro256.ForReplicate(1, 1);
        for (int i = 0; i < 60000; i++) counts[dice.NextIndex(6)]++;
        Assert.All(counts, c => Assert.InRange(c, 9500, 10500));
    }

    [Fact]
    public void Stratified_KeepsGroupSizes()
    {
        double[] x = [1, 2, 3, 4, 5], y = [10, 20, 30];
        var o = new BootstrapOptions { Resamples = 200 };
        BootstrapResult r = Bootstrap.TwoSample(x, y, (a, b) =>
        {
            Assert.Equal(5, a.Length);
            Assert.Equal(3, b.Length);
            foreach (double v in a) Assert.InRange(v, 1, 5);
            foreach (double v in b) Assert.InRange(v, 10, 30);
            return MeanDifference(a, b);
        }, o with { Interval = CiMethod.BootstrapPercentile });
        Assert.Equal(200, r.Replicates.Count);
    }

    [Fact]
    public void Percentile_ForLargeSamples_IsCloseToNoncentralTInterval()
    {
        double[] x = Normalish(500, 0.5, 11), y = Normalish(500, 0, 12);
        EffectSizeEstimate exact = EffectSize.CohensD(x, y);
        EffectSizeEstimate boot = EffectSize.CohensD(x, y, new() { CiMethod = CiMethod.BootstrapPercentile, Bootstrap = new() { Resamples = 4000 } });
        Assert.Equal(exact.Estimate, boot.Estimate);
        Assert.Equal(CiMethod.BootstrapPercentile, boot.Ci.Method);
        AssertClose.Absolute(exact.Ci.Lower, boot.Ci.Lower, 0.02);
        AssertClose.Absolute(exact.Ci.Upper, boot.Ci.Upper, 0.02);
        Assert.Contains("4000 resamples, seed 20240601", boot.Method);
    }

    [Fact]
    public void Bca_ContainsEstimateAndRespectsOneSidedness()
    {
        double[] x = Normalish(80, 0.4, 5), y = Normalish(70, 0, 6);
        var o = new StandardizedDifferenceOptions { CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = 2000 } };
        EffectSizeEstimate g = EffectSize.HedgesG(x, y, o);
        Assert.True(g.Ci.Contains(g.Estimate));
        EffectSizeEstimate greater = EffectSize.HedgesG(x, y, o with { Alternative = Alternative.Greater });
        Assert.Equal(double.PositiveInfinity, greater.Ci.Upper);
        Assert.True(greater.Ci.Lower > g.Ci.Lower);
    }

    [Fact]
    public void Basic_IsReflectionOfPercentile()
    {
        double[] x = Normalish(30, 1, 8);
        var o = new BootstrapOptions { Resamples = 999, Interval = CiMethod.BootstrapPercentile };
        static double Mean(ReadOnlySpan<double> s) { double a = 0; foreach (double v in s) a += v; return a / s.Length; }
        BootstrapResult p = Bootstrap.OneSample(x, Mean, o);
        BootstrapResult b = Bootstrap.OneSample(x, Mean, o with { Interval = CiMethod.BootstrapBasic });
        AssertClose.Relative(2 * p.Estimate - p.Ci.Upper, b.Ci.Lower, 1e-14);
        AssertClose.Relative(2 * p.Estimate - p.Ci.Lower, b.Ci.Upper, 1e-14);
    }

    [Fact]
    public void Paired_ResamplesPairsTogether()
    {
        double[] pre = [10, 20, 30, 40, 50, 60], post = [11, 21, 31, 41, 51, 61];
        BootstrapResult r = Bootstrap.Paired(post, pre, (a, b) =>
        {
            for (int i = 0; i < a.Length; i++) Assert.Equal(1, a[i] - b[i]);
            return MeanDifference(a, b);
        }, new BootstrapOptions { Resamples = 100, Interval = CiMethod.BootstrapPercentile });
        AssertClose.Absolute(1, r.Ci.Lower, 1e-12);
        AssertClose.Absolute(1, r.Ci.Upper, 1e-12);
    }

    [Fact]
    public void Progress_ReachesTotal_AndCancellationThrows()
    {
        double[] x = Normalish(50, 0, 9), y = Normalish(50, 0, 10);
        var reports = new System.Collections.Concurrent.ConcurrentBag<BootstrapProgress>();
        Bootstrap.TwoSample(x, y, MeanDifference, new BootstrapOptions { Resamples = 1000 }, new SynchronousProgress(reports.Add));
        Assert.Contains(reports, p => p.Completed == 1000 && p.Total == 1000);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Bootstrap.TwoSample(x, y, MeanDifference, new BootstrapOptions { Resamples = 100000 }, null, cts.Token));
    }

    [Fact]
    public void EffectSizeVerbs_PassProgressAndCancellation()
    {
        double[] x = Normalish(100, 0.5, 13), y = Normalish(100, 0, 14);
        var reports = new System.Collections.Concurrent.ConcurrentBag<BootstrapProgress>();
        var o = new StandardizedDifferenceOptions { CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = 640 } };
        EffectSize.HedgesG(x, y, o, new SynchronousProgress(reports.Add));
        Assert.Contains(reports, p => p.Completed == 640);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => EffectSize.CohensD(x, y, o, null, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => EffectSize.RepeatedMeasuresD(x, y,
            new RepeatedMeasuresOptions { CiMethod = CiMethod.BootstrapPercentile }, null, cts.Token));
    }

    [Fact]
    public void Options_Defaults()
    {
        var o = BootstrapOptions.Default;
        Assert.Equal(2000, o.Resamples);
        Assert.Equal(20240601UL, o.Seed);
        Assert.Equal(CiMethod.BootstrapBca, o.Interval);
        Assert.Equal(0.95, o.CiLevel);
        Assert.Equal(Alternative.TwoSided, o.Alternative);
        Assert.Equal(-1, o.MaxDegreeOfParallelism);
    }

    [Fact]
    public void DegenerateResamples_AreCountedNotHidden()
    {
        // with n = 2 per group, many resamples have zero spread in both groups: d is NaN there
        EffectSizeEstimate d = EffectSize.CohensD([1.0, 2.0], [3.0, 5.0],
            new() { CiMethod = CiMethod.BootstrapPercentile, Bootstrap = new() { Resamples = 200 } });
        Assert.Contains("not estimable", d.Method);
    }

    private sealed class SynchronousProgress(Action<BootstrapProgress> report) : IProgress<BootstrapProgress>
    {
        public void Report(BootstrapProgress value) => report(value);
    }
}
