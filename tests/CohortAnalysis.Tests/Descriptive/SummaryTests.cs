using CohortAnalysis.Descriptive;
using Xunit;

namespace CohortAnalysis.Tests.Descriptive;

public class SummaryTests
{
    // Source: known-results/change/change.R (R 4.2.2: mean, sd, t.test()$conf.int, median, quantile(type = 2 and 7)).
    // Tolerance: 1e-12 relative for moments and quantiles (closed forms), 1e-10 for t CI bounds (qt).
    public static TheoryData<string> Datasets => new() { "k11", "chg_active", "chg_placebo", "chg_ties", "sleep1", "large1", "odd7" };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Of_MatchesR(string id)
    {
        KnownResult r = KnownResults.Row("change/summaries.csv", id);
        double[] x = KnownInputs.Vector("change/inputs.csv", id);
        Summary s = Summary.Of(x);
        Assert.Equal((int)r["n"], s.N);
        Assert.Equal(0, s.Sizes.Missing);
        AssertClose.Relative(r["mean"], s.Mean, 1e-12, "mean");
        AssertClose.Relative(r["sd"], s.Sd, 1e-12, "sd");
        AssertClose.Relative(r["se"], s.Se, 1e-12, "se");
        AssertClose.Relative(r["ci95_low"], s.MeanCi.Lower, 1e-10, "ci low");
        AssertClose.Relative(r["ci95_high"], s.MeanCi.Upper, 1e-10, "ci high");
        AssertClose.Relative(r["median"], s.Median, 1e-12, "median");
        AssertClose.Relative(r["q1_type2"], s.Q1, 1e-12, "Q1 SAS");
        AssertClose.Relative(r["q3_type2"], s.Q3, 1e-12, "Q3 SAS");
        AssertClose.Relative(r["min"], s.Min, 0, "min");
        AssertClose.Relative(r["max"], s.Max, 0, "max");

        Summary r7 = Summary.Of(x, new SummaryOptions { QuantileMethod = QuantileMethod.R7, CiLevel = 0.90 });
        AssertClose.Relative(r["q1_type7"], r7.Q1, 1e-12, "Q1 R7");
        AssertClose.Relative(r["q3_type7"], r7.Q3, 1e-12, "Q3 R7");
        AssertClose.Relative(r["ci90_low"], r7.MeanCi.Lower, 1e-10, "ci90 low");
        AssertClose.Relative(r["ci90_high"], r7.MeanCi.Upper, 1e-10, "ci90 high");
    }

    [Fact]
    public void Of_K11_SasDefaultGivesP25Of30AndR7Gives32Point5()
    {
        // REFERENCE K11 (PSIAIMS/CAMIS): SAS PCTLDEF=5 P25 = 30, R type 7 P25 = 32.5.
        double[] x = [10, 20, 30, 40, 150, 160, 170, 180, 190, 200];
        Assert.Equal(30, Summary.Of(x).Q1);
        Assert.Equal(32.5, Summary.Of(x, new SummaryOptions { QuantileMethod = QuantileMethod.R7 }).Q1);
        Assert.Equal(95, Quantiles.Quantile(x, 0.40));
        Assert.Equal(106, Quantiles.Quantile(x, 0.40, QuantileMethod.R7), 12);   // R also gives 105.99999999999996
    }

    [Fact]
    public void Of_CountsNaNAsMissing()
    {
        double[] x = [1, double.NaN, 3, double.NaN, 5];
        Summary s = Summary.Of(x);
        Assert.Equal(3, s.N);
        Assert.Equal(2, s.Sizes.Missing);
        Assert.Equal(3, s.Mean);
        Assert.Equal(2, s.Sd);
    }

    [Fact]
    public void Of_OneObservation_GivesNaNSpreadWithoutThrowing()
    {
        Summary s = Summary.Of([7.5]);
        Assert.Equal(1, s.N);
        Assert.Equal(7.5, s.Mean);
        Assert.True(double.IsNaN(s.Sd));
        Assert.True(double.IsNaN(s.Se));
        Assert.True(double.IsNaN(s.MeanCi.Lower) && double.IsNaN(s.MeanCi.Upper));
        Assert.Equal(7.5, s.Median);
        Assert.Equal(7.5, s.Q1);
        Assert.Equal(7.5, s.Max);
    }

    [Fact]
    public void Of_Empty_GivesNaNEverywhere()
    {
        Summary s = Summary.Of([double.NaN]);
        Assert.Equal(0, s.N);
        Assert.Equal(1, s.Sizes.Missing);
        Assert.True(double.IsNaN(s.Mean) && double.IsNaN(s.Median) && double.IsNaN(s.Min));
    }

    [Fact]
    public void Of_ZeroVariance_GivesZeroSdAndPointInterval()
    {
        Summary s = Summary.Of([-4, -4, -4, -4]);
        Assert.Equal(-4, s.Mean);
        Assert.Equal(0, s.Sd);
        Assert.Equal(0, s.Se);
        Assert.Equal(-4, s.MeanCi.Lower);
        Assert.Equal(-4, s.MeanCi.Upper);
    }

    [Fact]
    public void Of_InvalidCiLevel_ThrowsWithInvariantMessage()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Summary.Of([1.0, 2.0], new SummaryOptions { CiLevel = 95 }));
        Assert.StartsWith("CiLevel = 95 must lie strictly between 0 and 1 (e.g. 0.95).", ex.Message);
    }

    [Fact]
    public void Options_DefaultsArePinned()
    {
        SummaryOptions o = SummaryOptions.Default;
        Assert.Equal(0.95, o.CiLevel);
        Assert.Equal(QuantileMethod.SasDefinition5, o.QuantileMethod);
        Assert.Equal(QuantileMethod.SasDefinition5, default(QuantileMethod));
    }

    [Fact]
    public void ToString_IsReadable()
    {
        Summary s = Summary.Of([10, 20, 30, 40, 150, 160, 170, 180, 190, 200]);
        Assert.Equal("n = 10; mean = 115 (SD 79.0569, SE 25), 95% CI [58.4461, 171.5539] (t); median = 155 (Q1 30, Q3 180; SAS PCTLDEF=5); range 10 to 200", s.ToString());
    }
}
