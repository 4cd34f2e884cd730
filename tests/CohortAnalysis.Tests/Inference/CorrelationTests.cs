using CohortAnalysis.Inference;
using Xunit;

namespace CohortAnalysis.Tests.Inference;

public class CorrelationTests
{
    private static double[] V(string id) => KnownInputs.Vector("correlations/inputs.csv", id);

    private static Alternative Alt(string r) => r switch { "less" => Alternative.Less, "greater" => Alternative.Greater, _ => Alternative.TwoSided };

    // Source: known-results/correlations/correlations.R (R 4.2.2 cor.test: Pearson r, t, df, p, Fisher-z CI;
    // Spearman rho and p with exact = FALSE; Spearman CIs scripted from the Fisher and Bonett–Wright formulas).
    // Tolerance: 1e-12 relative for r, rho, t; 1e-10 for p and CI bounds.
    [Fact]
    public void PearsonAndSpearman_MatchR()
    {
        foreach (KnownResult r in KnownResults.Rows("correlations/correlations.csv"))
        {
            double[] x = V(r.Text("x")), y = V(r.Text("y"));
            var o = new CorrelationOptions { CiLevel = r["level"], Alternative = Alt(r.Text("alternative")) };
            CorrelationEstimate p = Correlation.Pearson(x, y, o);
            AssertClose.Relative(r["pearson_r"], p.Estimate, 1e-12, r.Id + " r");
            AssertClose.Relative(r["pearson_t"], p.Statistic, 1e-12, r.Id + " t");
            Assert.Equal(r["pearson_df"], p.DegreesOfFreedom);
            AssertClose.Relative(r["pearson_p"], p.PValue, 1e-10, r.Id + " p");
            AssertClose.Relative(r["pearson_ci_low"], p.Ci.Lower, 1e-10, r.Id + " ci low");
            AssertClose.Relative(r["pearson_ci_high"], p.Ci.Upper, 1e-10, r.Id + " ci high");

            CorrelationEstimate s = Correlation.Spearman(x, y, o);
            AssertClose.Relative(r["spearman_rho"], s.Estimate, 1e-12, r.Id + " rho");
            AssertClose.Relative(r["spearman_p"], s.PValue, 1e-10, r.Id + " rho p");
            AssertClose.Relative(r["spearman_fz_low"], s.Ci.Lower, 1e-10, r.Id + " rho ci low");
            AssertClose.Relative(r["spearman_fz_high"], s.Ci.Upper, 1e-10, r.Id + " rho ci high");

            CorrelationEstimate bw = Correlation.Spearman(x, y, o with { CiMethod = CiMethod.FisherZBonettWright });
            AssertClose.Relative(r["spearman_bw_low"], bw.Ci.Lower, 1e-10, r.Id + " BW low");
            AssertClose.Relative(r["spearman_bw_high"], bw.Ci.Upper, 1e-10, r.Id + " BW high");

            // The accumulator gives the same Pearson estimate.
            CorrelationEstimate acc = new RunningCorrelation(x, y).Pearson(o);
            AssertClose.Relative(p.Estimate, acc.Estimate, 1e-12, r.Id + " accumulator r");
            AssertClose.Relative(p.Ci.Lower, acc.Ci.Lower, 1e-11, r.Id + " accumulator CI");
        }
    }

    [Fact]
    public void Pearson_ZeroVariance_GivesNaNWithNote()
    {
        CorrelationEstimate r = Correlation.Pearson([1.0, 2, 3, 4], [5.0, 5, 5, 5]);
        Assert.True(double.IsNaN(r.Estimate));
        Assert.True(double.IsNaN(r.Ci.Lower));
        Assert.True(double.IsNaN(r.PValue));
        Assert.Contains("zero variance", r.Note);
    }

    [Fact]
    public void Pearson_DropsIncompletePairs()
    {
        CorrelationEstimate r = Correlation.Pearson([1.0, 2, double.NaN, 4, 5], [2.0, 1, 3, double.NaN, 7]);
        Assert.Equal(3, r.Sizes.Used);
        Assert.Equal(2, r.Sizes.Missing);
    }

    [Fact]
    public void Pearson_TooFewPairs_Throws()
    {
        Assert.Throws<ArgumentException>(() => Correlation.Pearson([1.0, 2], [3.0, 4]));
    }

    [Fact]
    public void Options_DefaultsArePinned()
    {
        CorrelationOptions o = CorrelationOptions.Default;
        Assert.Equal(0.95, o.CiLevel);
        Assert.Equal(Alternative.TwoSided, o.Alternative);
        Assert.Equal(CiMethod.FisherZ, o.CiMethod);
    }

    [Fact]
    public void RunningCorrelation_JsonRoundTripsBitForBit()
    {
        var acc = new RunningCorrelation(V("mood"), V("pain"));
        RunningCorrelation back = RunningCorrelation.FromJson(acc.ToJson());
        Assert.Equal(acc.ToJson(), back.ToJson());
        Assert.Equal(BitConverter.DoubleToInt64Bits(acc.R), BitConverter.DoubleToInt64Bits(back.R));
    }
}
