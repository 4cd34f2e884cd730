using CohortAnalysis.EffectSizes;
using Xunit;
using static CohortAnalysis.Tests.EffectSizes.Datasets;

namespace CohortAnalysis.Tests.EffectSizes;

public class RankAndBinaryTests
{
    private static void Check(string id, EffectSizeEstimate e, double tolerance)
    {
        KnownResult expected = KnownResults.Row(EffectsizeCsv, id);
        AssertClose.Relative(expected["value"], e.Estimate, 1e-12, id);
        AssertClose.Relative(expected["ci_low"], e.Ci.Lower, tolerance, id + " lower");
        AssertClose.Relative(expected["ci_high"], e.Ci.Upper, tolerance, id + " upper");
    }

    // Source: known-results/effect-sizes/effectsize.R (effectsize 0.8.3 rank_biserial / cliffs_delta; Fisher-z CI, closed form).
    // Tolerance: 1e-12 relative for r, 1e-10 for limits.
    [Fact]
    public void RankBiserial_MatchesEffectsize()
    {
        Check("lakens_rb", EffectSize.RankBiserial(LakensX, LakensY), 1e-10);
        Check("mtcars_rb", EffectSize.RankBiserial(WtAuto, WtManual), 1e-10);
        Check("ties_rb", EffectSize.RankBiserial(TiesX, TiesY), 1e-10);
        Check("ties_rb_mu", EffectSize.RankBiserial(TiesX, TiesY, new() { Mu = 1.5 }), 1e-10);
        Check("ties_rb_greater", EffectSize.RankBiserial(TiesX, TiesY, new() { Alternative = Alternative.Greater }), 1e-10);
        Check("ties_cliffs", EffectSize.CliffsDelta(TiesX, TiesY), 1e-10);
    }

    // Source: effectsize.R lakens_rb_paired (= 1 [1, 1]) and sleep_rb_paired (= −1 [−1, −1]; one zero difference dropped).
    [Fact]
    public void RankBiserial_Paired_MatchesEffectsize()
    {
        Check("lakens_rb_paired", EffectSize.RankBiserial(LakensX, LakensY, new() { Paired = true }), 1e-12);
        Check("sleep_rb_paired", EffectSize.RankBiserial(Sleep1, Sleep2, new() { Paired = true }), 1e-12);
    }

    // Source: effectsize.R p_superiority (parametric Φ(d/√2), from the ncp CI: 1e-6 as effectsize's optim;
    // non-parametric (r + 1)/2: 1e-10).
    [Fact]
    public void ProbabilityOfSuperiority_MatchesEffectsize()
    {
        Check("lakens_psup", EffectSize.ProbabilityOfSuperiority(LakensX, LakensY), 1e-6);
        Check("lakens_psup_paired", EffectSize.ProbabilityOfSuperiority(LakensX, LakensY, new() { Paired = true }), 1e-6);
        Check("ties_psup_np", EffectSize.ProbabilityOfSuperiorityNonparametric(TiesX, TiesY), 1e-10);
    }

    [Fact]
    public void ProbabilityOfSuperiorityNonparametric_EqualsBruteForcePairCount()
    {
        double wins = 0;
        foreach (double a in TiesX) foreach (double b in TiesY) wins += a > b ? 1 : a == b ? 0.5 : 0;
        AssertClose.Relative(wins / (TiesX.Length * TiesY.Length), EffectSize.ProbabilityOfSuperiorityNonparametric(TiesX, TiesY).Estimate, 1e-14);
    }

    // Source: effectsize.R k8_h, k8_h_less (REFERENCE K8: 30/50 vs 15/50, h = 0.6128748 [0.2208820, 1.0048676]).
    // Tolerance: 1e-12 relative (closed form).
    [Fact]
    public void CohensH_MatchesEffectsize()
    {
        Check("k8_h", EffectSize.CohensH(30, 50, 15, 50), 1e-12);
        Check("k8_h_less", EffectSize.CohensH(30, 50, 15, 50, new() { Alternative = Alternative.Less }), 1e-12);
    }

    [Fact]
    public void Phi_TwoByTwo_IsPearsonOfIndicators()
    {
        // 30/50 vs 15/50: chi-square = 9.0909..., N = 100, phi = sqrt(chi2/N) = 0.3015113
        EffectSizeEstimate phi = EffectSize.Phi(30, 50, 15, 50);
        AssertClose.Relative(Math.Sqrt(100.0 / 11 / 100), phi.Estimate, 1e-12);
        Assert.True(phi.Ci.Lower < phi.Estimate && phi.Estimate < phi.Ci.Upper);
        Assert.True(EffectSize.Phi(15, 50, 30, 50).Estimate < 0);
    }

    // Source: effectsize.R conversion rows (d_to_r, r_to_d, oddsratio_to_d, d_to_oddsratio; effectsize 0.8.3). Tolerance: 1e-13.
    [Fact]
    public void Conversions_MatchEffectsize()
    {
        AssertClose.Relative(KnownResults.Row(EffectsizeCsv, "d_to_r_1.2")["value"], EffectSizeConversions.DToR(1.2), 1e-13);
        AssertClose.Relative(KnownResults.Row(EffectsizeCsv, "d_to_r_1.2_n10_15")["value"], EffectSizeConversions.DToR(1.2, 10, 15), 1e-13);
        AssertClose.Relative(KnownResults.Row(EffectsizeCsv, "r_to_d_0.3")["value"], EffectSizeConversions.RToD(0.3), 1e-13);
        AssertClose.Relative(KnownResults.Row(EffectsizeCsv, "logor_to_d_3.5")["value"], EffectSizeConversions.LogOddsRatioToD(Math.Log(3.5)), 1e-13);
        AssertClose.Relative(KnownResults.Row(EffectsizeCsv, "d_to_logor_0.5")["value"], EffectSizeConversions.DToLogOddsRatio(0.5), 1e-13);
    }

    [Fact]
    public void Conversions_RoundTripAndVariances()
    {
        AssertClose.Relative(0.7, EffectSizeConversions.RToD(EffectSizeConversions.DToR(0.7, 12, 9), 12, 9), 1e-14);
        AssertClose.Relative(0.7, EffectSizeConversions.LogOddsRatioToD(EffectSizeConversions.DToLogOddsRatio(0.7)), 1e-14);
        AssertClose.Relative(0.05, EffectSizeConversions.VarianceLogOddsRatioToD(EffectSizeConversions.VarianceDToLogOddsRatio(0.05)), 1e-14);
        // delta method: Var(r) ≈ (dr/dd)² Var(d) with dr/dd = h/(d² + h)^{3/2}
        double h = 4, d = 0.5, dr = h / Math.Pow(d * d + h, 1.5);
        AssertClose.Relative(dr * dr * 0.04, EffectSizeConversions.VarianceDToR(d, 0.04), 1e-14);
        // Borenstein eq. 7.8: Var(d) = 4 Var(r)/(1 − r²)³
        AssertClose.Relative(4 * 0.01 / Math.Pow(1 - 0.09, 3), EffectSizeConversions.VarianceRToD(0.3, 0.01), 1e-14);
    }

    [Fact]
    public void ToLogOddsRatio_TransformsValueAndLimits()
    {
        EffectSizeEstimate d = EffectSize.CohensD(LakensX, LakensY, new() { CiMethod = CiMethod.Normal });
        EffectSizeEstimate lor = EffectSizeConversions.ToLogOddsRatio(d);
        AssertClose.Relative(d.Estimate * Math.PI / Math.Sqrt(3), lor.Estimate, 1e-14);
        AssertClose.Relative(d.Ci.Lower * Math.PI / Math.Sqrt(3), lor.Ci.Lower, 1e-14);
        AssertClose.Relative(d.Variance * Math.PI * Math.PI / 3, lor.Variance, 1e-14);
        EffectSizeEstimate r = EffectSizeConversions.ToCorrelation(d);
        AssertClose.Relative(EffectSizeConversions.DToR(d.Ci.Upper, 10, 10), r.Ci.Upper, 1e-14);
    }

    [Fact]
    public void StandardizedLsMeanDifference_NoncentralAndScaledT()
    {
        // K6 VIS4 TRT − PBO: 4.3985 (SE 1.6805, df 133); standardize by an SD of 8.
        EffectSizeEstimate nct = EffectSize.StandardizedLsMeanDifference(4.3985, 1.6805, 133, 8);
        EffectSizeEstimate t = EffectSize.StandardizedLsMeanDifference(4.3985, 1.6805, 133, 8, ciMethod: CiMethod.T);
        AssertClose.Relative(4.3985 / 8, nct.Estimate, 1e-15);
        // scaled t reproduces the published SAS CI 1.0746–7.7225 divided by 8 (4 decimals)
        AssertClose.Absolute(1.0746 / 8, t.Ci.Lower, 1e-4 / 8);
        AssertClose.Absolute(7.7225 / 8, t.Ci.Upper, 1e-4 / 8);
        // the noncentral interval is close to the scaled t one for large df, but not identical
        AssertClose.Relative(t.Ci.Lower, nct.Ci.Lower, 2e-2);
        Assert.NotEqual(t.Ci.Lower, nct.Ci.Lower);
        Assert.Equal("standardized LS-mean difference = 0.550, 95% CI [0.134, 0.965] (t)", t.ToString());
    }

    [Fact]
    public void ProbabilityOfSuperiority_TransformsWhicheverDIntervalIsAsked()
    {
        EffectSizeEstimate d = EffectSize.CohensD(LakensX, LakensY, new() { CiMethod = CiMethod.Normal });
        EffectSizeEstimate p = EffectSize.ProbabilityOfSuperiority(LakensX, LakensY, new() { CiMethod = CiMethod.Normal });
        Assert.Equal(CiMethod.Normal, p.Ci.Method);
        AssertClose.Relative(MathNet.Numerics.Distributions.Normal.CDF(0, 1, d.Ci.Lower / Math.Sqrt(2)), p.Ci.Lower, 1e-14);
    }
}
