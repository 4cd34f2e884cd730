using System.Text.Json;
using CohortAnalysis.Responders;
using Xunit;

namespace CohortAnalysis.Tests.Responders;

public class RiskComparisonTests
{
    private static ResponderCounts Table(KnownResult r) => new((int)r["a"], (int)r["n1"], (int)r["c"], (int)r["n2"]);

    private static bool HasZeroCell(ResponderCounts t) =>
        t.RespondersFirst == 0 || t.NonRespondersFirst == 0 || t.RespondersSecond == 0 || t.NonRespondersSecond == 0;

    // Source: known-results/responders/responders.R (R 4.2.2). RD Newcombe built from prop.test Wilson limits; RD Wald,
    // RR log interval, OR Woolf and Haldane variants scripted from formulas; RD with continuity correction =
    // prop.test(correct = TRUE)$conf.int; Fisher p = fisher.test (3 alternatives); exact OR = full-precision re-solve of
    // fisher.test's equations (1e-9) and fisher.test's own output (uniroot default tolerance: 1e-2); chi-square = chisq.test.
    // Tolerance: 1e-12 relative for closed forms; 1e-10 for p-values.
    [Fact]
    public void AllTables_MatchR()
    {
        IReadOnlyList<KnownResult> rows = KnownResults.Rows("responders/two_by_two.csv");
        Assert.True(rows.Count >= 16);
        foreach (KnownResult r in rows)
        {
            ResponderCounts t = Table(r);
            var o = new RiskComparisonOptions { CiLevel = r["level"] };

            RiskEstimate rd = RiskComparison.RiskDifference(t, o);
            AssertClose.Absolute(r["rd"], rd.Estimate, 1e-15, r.Id + " rd");
            Ci(r, "rd_newcombe", rd.Ci, 1e-12);
            Ci(r, "rd_wald", RiskComparison.RiskDifference(t, o with { RiskDifferenceCi = CiMethod.Wald }).Ci, 1e-12);
            Ci(r, "rd_waldcc", RiskComparison.RiskDifference(t, o with { RiskDifferenceCi = CiMethod.WaldContinuityCorrected }).Ci, 1e-12);

            RiskEstimate rr = RiskComparison.RiskRatio(t, o);
            AssertClose.Relative(r["rr"], rr.Estimate, 1e-12, r.Id + " rr");
            if (double.IsFinite(r["rr"]) && r["rr"] > 0) Ci(r, "rr", rr.Ci, 1e-12);
            RiskEstimate rrh = RiskComparison.RiskRatio(t, o with { ZeroCellCorrection = ZeroCellCorrection.Haldane });
            AssertClose.Relative(r["rr_haldane"], rrh.Estimate, 1e-12, r.Id + " rr haldane");
            Ci(r, "rr_haldane", rrh.Ci, 1e-12);

            RiskEstimate or = RiskComparison.OddsRatio(t, o);
            AssertClose.Relative(r["or"], or.Estimate, 1e-12, r.Id + " or");
            if (!HasZeroCell(t)) Ci(r, "or", or.Ci, 1e-12);
            RiskEstimate orh = RiskComparison.OddsRatio(t, o with { ZeroCellCorrection = ZeroCellCorrection.Haldane });
            AssertClose.Relative(r["or_haldane"], orh.Estimate, 1e-12, r.Id + " or haldane");
            Ci(r, "or_haldane", orh.Ci, 1e-12);

            RiskEstimate exact = RiskComparison.OddsRatio(t, o with { OddsRatioCi = CiMethod.ExactConditional });
            if (!double.IsNaN(r["exact_mle"]))
            {
                AssertClose.Relative(r["exact_mle"], exact.Estimate, 1e-9, r.Id + " exact mle");
                AssertClose.Relative(r["fisher_est"], exact.Estimate, 1e-2, r.Id + " fisher.test estimate");
            }
            Ci(r, "exact", exact.Ci, 1e-9);
            Ci(r, "fisher", exact.Ci, 1e-2);   // fisher.test's uniroot (tol ~1.2e-4 on its scale) is off by up to 3e-3 here

            AssertClose.Relative(r["fisher_p"], RiskComparison.FisherExact(t, o).PValue, 1e-10, r.Id + " fisher p");
            AssertClose.Relative(r["fisher_p_less"], RiskComparison.FisherExact(t, o with { Alternative = Alternative.Less }).PValue, 1e-10, r.Id + " fisher less");
            AssertClose.Relative(r["fisher_p_greater"], RiskComparison.FisherExact(t, o with { Alternative = Alternative.Greater }).PValue, 1e-10, r.Id + " fisher greater");

            AssociationTestResult yates = RiskComparison.ChiSquare(t, o);
            AssertClose.Relative(r["chisq_yates"], yates.Statistic, 1e-12, r.Id + " chisq yates");
            AssertClose.Relative(r["chisq_yates_p"], yates.PValue, 1e-10, r.Id + " chisq yates p");
            AssociationTestResult pearson = RiskComparison.ChiSquare(t, o with { ContinuityCorrection = false });
            AssertClose.Relative(r["chisq"], pearson.Statistic, 1e-12, r.Id + " chisq");
            AssertClose.Relative(r["chisq_p"], pearson.PValue, 1e-10, r.Id + " chisq p");
        }
    }

    private static void Ci(KnownResult r, string prefix, ConfidenceInterval ci, double tolerance)
    {
        double lo = r[prefix + "_low"], hi = r[prefix + "_high"];
        if (Math.Abs(lo) < 1e-300) AssertClose.Absolute(lo, ci.Lower, 1e-15, $"{r.Id} {prefix} low");
        else AssertClose.Relative(lo, ci.Lower, tolerance, $"{r.Id} {prefix} low");
        if (Math.Abs(hi) < 1e-300) AssertClose.Absolute(hi, ci.Upper, 1e-15, $"{r.Id} {prefix} high");
        else AssertClose.Relative(hi, ci.Upper, tolerance, $"{r.Id} {prefix} high");
    }

    [Fact]
    public void K8_MatchesReferenceValues()
    {
        // REFERENCE K8: 30/50 vs 15/50. OR 3.5 [1.5288671, 8.0124687]; correct log RR CI [1.237454, 3.232443]
        // (not effectsize 0.8.3's [1.1879321, 3.3671958]); RD Wald [0.1140615, 0.4859385]; Newcombe [0.1050578, 0.4650105];
        // prop.test(correct = TRUE) [0.0940615, 0.5059385]; NNT 3.333.
        var t = new ResponderCounts(30, 50, 15, 50);
        RiskEstimate or = RiskComparison.OddsRatio(t);
        Assert.Equal(3.5, or.Estimate, 12);
        Assert.Equal(1.5288671, or.Ci.Lower, 7);
        Assert.Equal(8.0124687, or.Ci.Upper, 7);
        RiskEstimate rr = RiskComparison.RiskRatio(t);
        Assert.Equal(1.237454, rr.Ci.Lower, 6);
        Assert.Equal(3.232443, rr.Ci.Upper, 6);
        RiskEstimate rd = RiskComparison.RiskDifference(t);
        Assert.Equal(0.1050578, rd.Ci.Lower, 7);
        Assert.Equal(0.4650105, rd.Ci.Upper, 7);
        RiskEstimate wald = RiskComparison.RiskDifference(t, new RiskComparisonOptions { RiskDifferenceCi = CiMethod.Wald });
        Assert.Equal(0.1140615, wald.Ci.Lower, 7);
        Assert.Equal(0.4859385, wald.Ci.Upper, 7);
        RiskEstimate cc = RiskComparison.RiskDifference(t, new RiskComparisonOptions { RiskDifferenceCi = CiMethod.WaldContinuityCorrected });
        Assert.Equal(0.0940615, cc.Ci.Lower, 7);
        Assert.Equal(0.5059385, cc.Ci.Upper, 7);

        NntEstimate nnt = RiskComparison.NumberNeededToTreat(t);
        Assert.Equal(10.0 / 3, nnt.Estimate, 12);
        Assert.Equal(NntDirection.Benefit, nnt.Direction);
        Assert.False(nnt.IncludesInfinity);
        AssertClose.Relative(1 / rd.Ci.Upper, nnt.Ci.Lower, 1e-15);
        AssertClose.Relative(1 / rd.Ci.Lower, nnt.Ci.Upper, 1e-15);
    }

    [Fact]
    public void Nnt_RdIntervalCrossingZero_ReadsBenefitToInfinityToHarm()
    {
        // 22/45 vs 18/44: RD ≈ 0.080, Newcombe interval crosses 0 (Altman 1998).
        var t = new ResponderCounts(22, 45, 18, 44);
        NntEstimate nnt = RiskComparison.NumberNeededToTreat(t);
        RiskEstimate rd = nnt.RiskDifference;
        Assert.True(rd.Ci.Lower < 0 && rd.Ci.Upper > 0);
        Assert.True(nnt.IncludesInfinity);
        Assert.Equal(NntDirection.Benefit, nnt.Direction);
        AssertClose.Relative(1 / rd.Ci.Upper, nnt.BenefitLimit, 1e-15);
        AssertClose.Relative(-1 / rd.Ci.Lower, nnt.HarmLimit, 1e-15);
        Assert.True(double.IsNaN(nnt.Ci.Lower));
        Assert.Contains("NNTB", nnt.ToString());
        Assert.Contains("to Inf to NNTH", nnt.ToString());
    }

    [Fact]
    public void Nnt_HarmAndAdverseEvents()
    {
        var t = new ResponderCounts(8, 30, 14, 30);   // fewer responders on treatment
        NntEstimate harm = RiskComparison.NumberNeededToTreat(t);
        Assert.Equal(NntDirection.Harm, harm.Direction);
        Assert.Equal(5, harm.Estimate, 12);
        // The same counts as relapses (adverse event): fewer relapses on treatment is a benefit.
        NntEstimate benefit = RiskComparison.NumberNeededToTreat(t, new RiskComparisonOptions { EventIsDesirable = false });
        Assert.Equal(NntDirection.Benefit, benefit.Direction);
        Assert.Equal(harm.BenefitLimit, benefit.HarmLimit);
    }

    [Fact]
    public void AllResponders_GivesDefinedIntervalsAndNotes()
    {
        var t = new ResponderCounts(20, 20, 18, 18);
        RiskEstimate rd = RiskComparison.RiskDifference(t);
        Assert.Equal(0, rd.Estimate);
        Assert.True(rd.Ci.Lower < 0 && rd.Ci.Upper > 0);            // Newcombe stays informative
        RiskEstimate rr = RiskComparison.RiskRatio(t);
        Assert.Equal(1, rr.Estimate);
        Assert.Equal(1, rr.Ci.Lower);                                // SE 0: point interval
        RiskEstimate or = RiskComparison.OddsRatio(t);
        Assert.True(double.IsNaN(or.Estimate));
        Assert.Contains("0/0", or.Note);
        RiskEstimate exact = RiskComparison.OddsRatio(t, new RiskComparisonOptions { OddsRatioCi = CiMethod.ExactConditional });
        Assert.Equal(0, exact.Ci.Lower);
        Assert.Equal(double.PositiveInfinity, exact.Ci.Upper);
        Assert.Equal(1, RiskComparison.FisherExact(t).PValue);
        Assert.True(double.IsNaN(RiskComparison.ChiSquare(t).PValue));
        NntEstimate nnt = RiskComparison.NumberNeededToTreat(t);
        Assert.Equal(NntDirection.None, nnt.Direction);
        Assert.Equal(double.PositiveInfinity, nnt.Estimate);
    }

    [Fact]
    public void NoResponders_GivesDefinedRiskDifferenceAndNaNRatiosWithNotes()
    {
        var t = new ResponderCounts(0, 10, 0, 12);
        RiskEstimate rd = RiskComparison.RiskDifference(t);
        Assert.Equal(0, rd.Estimate);
        Assert.True(rd.Ci.Lower < 0 && rd.Ci.Upper > 0);
        RiskEstimate rr = RiskComparison.RiskRatio(t);
        Assert.True(double.IsNaN(rr.Estimate));
        Assert.True(double.IsNaN(rr.Ci.Lower));
        Assert.Contains("ZeroCellCorrection.Haldane", rr.Note);
    }

    [Fact]
    public void ZeroCell_WithoutCorrection_ReportsInfiniteEstimateAndUninformativeInterval()
    {
        var t = new ResponderCounts(5, 25, 0, 25);
        RiskEstimate rr = RiskComparison.RiskRatio(t);
        Assert.Equal(double.PositiveInfinity, rr.Estimate);
        Assert.Equal(0, rr.Ci.Lower);
        Assert.Equal(double.PositiveInfinity, rr.Ci.Upper);
        Assert.Contains("zero cell", rr.Note);
        RiskEstimate haldane = RiskComparison.OddsRatio(t, new RiskComparisonOptions { ZeroCellCorrection = ZeroCellCorrection.Haldane });
        Assert.True(double.IsFinite(haldane.Ci.Upper));
        Assert.Contains("Haldane", haldane.Note);
    }

    [Fact]
    public void OneSided_RatioIntervalsEndAtZeroOrInfinity()
    {
        var t = new ResponderCounts(30, 50, 15, 50);
        RiskEstimate greater = RiskComparison.RiskRatio(t, new RiskComparisonOptions { Alternative = Alternative.Greater });
        Assert.Equal(double.PositiveInfinity, greater.Ci.Upper);
        RiskEstimate less = RiskComparison.OddsRatio(t, new RiskComparisonOptions { Alternative = Alternative.Less });
        Assert.Equal(0, less.Ci.Lower);
    }

    [Fact]
    public void ResponderCounts_JsonRoundTripsAndValidates()
    {
        var t = new ResponderCounts(30, 50, 15, 50);
        Assert.Equal("""{"respondersFirst":30,"nFirst":50,"respondersSecond":15,"nSecond":50}""", t.ToJson());
        Assert.Equal(t, ResponderCounts.FromJson(t.ToJson()));
        Assert.Equal(t, JsonSerializer.Deserialize<ResponderCounts>(JsonSerializer.Serialize(t)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResponderCounts(6, 5, 0, 1));
        Assert.Equal(new ResponderCounts(31, 51, 15, 51), ResponderCounts.Combine(t, ResponderCounts.Empty.Add(true, true).Add(false, false)));
    }

    [Fact]
    public void EmptyArm_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => RiskComparison.RiskDifference(new ResponderCounts(0, 0, 3, 10)));
        Assert.StartsWith("Both arms need at least one subject; the first arm has n = 0, the second n = 10.", ex.Message);
    }

    [Fact]
    public void Options_DefaultsArePinned()
    {
        RiskComparisonOptions o = RiskComparisonOptions.Default;
        Assert.Equal(0.95, o.CiLevel);
        Assert.Equal(Alternative.TwoSided, o.Alternative);
        Assert.Equal(CiMethod.Newcombe, o.RiskDifferenceCi);
        Assert.Equal(CiMethod.LogWald, o.OddsRatioCi);
        Assert.Equal(ZeroCellCorrection.None, o.ZeroCellCorrection);
        Assert.True(o.ContinuityCorrection);
        Assert.True(o.EventIsDesirable);
    }

    [Fact]
    public void ToString_IsReadable()
    {
        var t = new ResponderCounts(30, 50, 15, 50);
        Assert.Equal("Risk difference = 0.3, 95% CI [0.1051, 0.465] (Newcombe hybrid score), n = 50 vs 50", RiskComparison.RiskDifference(t).ToString());
        Assert.Equal("NNT(benefit) = 3.3333, 95% CI [2.1505, 9.5186] (from the risk difference 95% CI [0.1051, 0.465] (Newcombe hybrid score))",
            RiskComparison.NumberNeededToTreat(t).ToString());
    }
}
