using CohortAnalysis.Data;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Resampling;
using Xunit;

namespace CohortAnalysis.Tests.Resampling;

public class BootstrapOptionsTests
{
    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(99)]
    [InlineData(1_000_001)]
    [InlineData(100_000_000)]
    public void Resamples_OutsideTheRange_ThrowsAtConstruction(int resamples)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BootstrapOptions { Resamples = resamples });
        Assert.Equal("Resamples", e.ParamName);
        Assert.StartsWith($"Resamples = {resamples} must lie between 100 and 1000000 (default 2000).", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapOptions.Default with { Resamples = resamples });
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1_000_000)]
    public void Resamples_AtTheLimits_AreAccepted(int resamples) =>
        Assert.Equal(resamples, new BootstrapOptions { Resamples = resamples }.Resamples);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(95.0)]
    [InlineData(double.NaN)]
    public void CiLevel_OutsideZeroOne_ThrowsAtConstruction(double level)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BootstrapOptions { CiLevel = level });
        Assert.Equal("CiLevel", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void MaxDegreeOfParallelism_ZeroOrBelowMinusOne_Throws(int dop)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BootstrapOptions { MaxDegreeOfParallelism = dop });
        Assert.Equal("MaxDegreeOfParallelism", e.ParamName);
    }

    [Fact]
    public void UndefinedEnums_Throw()
    {
        Assert.Equal("Alternative", Assert.Throws<ArgumentOutOfRangeException>(() => new BootstrapOptions { Alternative = (Alternative)7 }).ParamName);
    }

    [Fact]
    public void TooFewResamplesForTheLevel_ThrowAtUse()
    {
        double[] x = [1, 2, 3, 4, 5, 6], y = [2, 3, 5, 7, 8, 9];
        var o = new BootstrapOptions { Resamples = 100, CiLevel = 0.999 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.TwoSample(x, y, (a, b) => a[0] - b[0], o));
        Assert.Equal("Resamples", e.ParamName);
        Assert.StartsWith("Resamples = 100 leaves no replicate in each 0.05% tail of a 99.9% interval; use at least 20000.", e.Message);
    }

    [Fact]
    public void EffectSizeTable_RefusesNonsenseOptions_InsteadOfNotEstimableRows()
    {
        Cohort cohort = DemoTrial.Load();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => EffectSizeAnalysis.ByVisit(cohort, new EffectSizeAnalysisOptions
        {
            Standardized = new StandardizedDifferenceOptions { CiLevel = 1.5 },
        }));
        Assert.Equal("Standardized.CiLevel", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectSizeAnalysis.ByVisit(cohort, new EffectSizeAnalysisOptions
        {
            CiMethod = CiMethod.BootstrapBca,
            Standardized = new StandardizedDifferenceOptions { CiLevel = 0.999, Bootstrap = new() { Resamples = 100 } },
        }));
    }

    [Fact]
    public void EffectSizeTable_ReportsProgressOverAllCells()
    {
        var reports = new System.Collections.Concurrent.ConcurrentBag<BootstrapProgress>();
        EffectSizeTable table = EffectSizeAnalysis.ByVisit(DemoTrial.Load(), new EffectSizeAnalysisOptions
        {
            CiMethod = CiMethod.BootstrapPercentile,
            Standardized = new StandardizedDifferenceOptions { Bootstrap = new() { Resamples = 128 } },
        }, ["MADRS"], new Collect(reports.Add));
        Assert.Equal(4, table.Count);
        Assert.All(reports, r => Assert.Equal(4 * 128, r.Total));
        Assert.Contains(reports, r => r.Completed == 4 * 128);
    }

    private sealed class Collect(Action<BootstrapProgress> report) : IProgress<BootstrapProgress>
    {
        public void Report(BootstrapProgress value) => report(value);
    }
}
