using CohortAnalysis.Inference;
using Xunit;

namespace CohortAnalysis.Tests.Inference;

public class TTestTests
{
    private static double[] V(string id) => KnownInputs.Vector("change/inputs.csv", id);

    private static Alternative Alt(string r) => r switch { "less" => Alternative.Less, "greater" => Alternative.Greater, _ => Alternative.TwoSided };

    // Source: known-results/change/change.R (R 4.2.2 t.test: one-sample, paired, Welch, Student; 3 alternatives, levels 0.90–0.99, mu ≠ 0).
    // Tolerance: 1e-12 relative for estimate, SE, t, df; 1e-10 for p and CI bounds (pt/qt).
    [Fact]
    public void AllCases_MatchRTTest()
    {
        IReadOnlyList<KnownResult> rows = KnownResults.Rows("change/t_tests.csv");
        Assert.True(rows.Count >= 19);
        foreach (KnownResult r in rows)
        {
            var o = new TTestOptions
            {
                Mu = r["mu"], CiLevel = r["level"], Alternative = Alt(r.Text("alternative")), EqualVariance = r["var_equal"] == 1,
            };
            double[] x = V(r.Text("x"));
            TTestEstimate t = r.Text("kind") switch
            {
                "one" => TTest.OneSample(x, o),
                "paired" => TTest.Paired(x, V(r.Text("y")), o),
                _ => TTest.TwoSample(x, V(r.Text("y")), o),
            };
            AssertClose.Relative(r["estimate"], t.Estimate, 1e-12, r.Id + " estimate");
            AssertClose.Relative(r["se"], t.StandardError, 1e-12, r.Id + " se");
            AssertClose.Relative(r["t"], t.Statistic, 1e-12, r.Id + " t");
            AssertClose.Relative(r["df"], t.DegreesOfFreedom, 1e-12, r.Id + " df");
            AssertClose.Relative(r["p"], t.PValue, 1e-10, r.Id + " p");
            AssertClose.Relative(r["ci_low"], t.Ci.Lower, 1e-10, r.Id + " ci low");
            AssertClose.Relative(r["ci_high"], t.Ci.Upper, 1e-10, r.Id + " ci high");
        }
    }

    [Fact]
    public void OneSample_ZeroVariance_GivesInfiniteTAndPointIntervalWithNote()
    {
        TTestEstimate t = TTest.OneSample([-4.0, -4, -4, -4]);
        Assert.Equal(double.NegativeInfinity, t.Statistic);
        Assert.Equal(0, t.PValue);
        Assert.Equal(-4, t.Ci.Lower);
        Assert.Equal(-4, t.Ci.Upper);
        Assert.Contains("zero variance", t.Note);
        Assert.True(double.IsNaN(TTest.OneSample([2.0, 2, 2], new TTestOptions { Mu = 2 }).Statistic));
    }

    [Fact]
    public void OneSample_OneObservation_ThrowsNamingN()
    {
        var ex = Assert.Throws<ArgumentException>(() => TTest.OneSample([double.NaN, 3.0]));
        Assert.Equal("A t test needs at least two non-missing values in x; it has n = 1.", ex.Message);
    }

    [Fact]
    public void Paired_DropsIncompletePairs()
    {
        double[] x = [1, 2, double.NaN, 4, 7];
        double[] y = [0, 1, 5, double.NaN, 3];
        TTestEstimate t = TTest.Paired(x, y);
        Assert.Equal(3, t.Sizes.Groups.First);
        Assert.Equal(2, t.Estimate);
    }

    [Fact]
    public void Options_DefaultsArePinned()
    {
        TTestOptions o = TTestOptions.Default;
        Assert.Equal(0, o.Mu);
        Assert.Equal(0.95, o.CiLevel);
        Assert.Equal(Alternative.TwoSided, o.Alternative);
        Assert.False(o.EqualVariance);
    }

    [Fact]
    public void ToString_NamesTestAndInterval()
    {
        string s = TTest.TwoSample(V("chg_active"), V("chg_placebo")).ToString();
        Assert.StartsWith("Welch two-sample t test: estimate = -11.0714, 95% CI [", s);
        Assert.EndsWith("(two-sided, mu = 0), n = 12 vs 14", s);
    }
}
