using CohortAnalysis.Responders;
using Xunit;

namespace CohortAnalysis.Tests.Responders;

public class StratifiedRiskTests
{
    private static List<ResponderCounts> Strata(string data) => KnownResults.Rows("responders/cmh_strata.csv")
        .Where(r => r.Text("data") == data)
        .Select(r => new ResponderCounts((int)r["a"], (int)r["n1"], (int)r["c"], (int)r["n2"])).ToList();

    private static Alternative Alt(string r) => r switch { "less" => Alternative.Less, "greater" => Alternative.Greater, _ => Alternative.TwoSided };

    // Source: known-results/responders/responders.R (R 4.2.2 mantelhaen.test on UCBAdmissions (6 departments) and 4
    // synthetic sites: MH OR with Robins–Breslow–Greenland CI, CMH statistic and p with/without continuity correction,
    // 3 alternatives, 90/95%); MH RR with Greenland–Robins CI scripted from the formula.
    // Tolerance: 1e-12 relative for estimates and statistics, 1e-10 for p and CI bounds.
    [Fact]
    public void MantelHaenszel_MatchesR()
    {
        IReadOnlyList<KnownResult> rows = KnownResults.Rows("responders/cmh.csv");
        Assert.Equal(24, rows.Count);
        foreach (KnownResult r in rows)
        {
            List<ResponderCounts> strata = Strata(r.Text("data"));
            var o = new RiskComparisonOptions { CiLevel = r["level"], Alternative = Alt(r.Text("alternative")), ContinuityCorrection = r["correct"] == 1 };
            AssociationTestResult cmh = StratifiedRisk.CochranMantelHaenszel(strata, o);
            AssertClose.Relative(r["statistic"], cmh.Statistic, 1e-12, r.Id + " statistic");
            AssertClose.Relative(r["p"], cmh.PValue, 1e-10, r.Id + " p");
            RiskEstimate or = StratifiedRisk.MantelHaenszelOddsRatio(strata, o);
            AssertClose.Relative(r["or"], or.Estimate, 1e-12, r.Id + " or");
            AssertClose.Relative(r["or_low"], or.Ci.Lower, 1e-10, r.Id + " or low");
            AssertClose.Relative(r["or_high"], or.Ci.Upper, 1e-10, r.Id + " or high");
            RiskEstimate rr = StratifiedRisk.MantelHaenszelRiskRatio(strata, o);
            AssertClose.Relative(r["rr"], rr.Estimate, 1e-12, r.Id + " rr");
            AssertClose.Relative(r["rr_low"], rr.Ci.Lower, 1e-10, r.Id + " rr low");
            AssertClose.Relative(r["rr_high"], rr.Ci.Upper, 1e-10, r.Id + " rr high");
            Assert.Equal(strata.Count, or.Strata);
        }
    }

    [Fact]
    public void SingleStratum_MhOddsRatioEqualsSampleOddsRatio()
    {
        var t = new ResponderCounts(30, 50, 15, 50);
        Assert.Equal(3.5, StratifiedRisk.MantelHaenszelOddsRatio([t]).Estimate, 12);
        Assert.Equal(2.0, StratifiedRisk.MantelHaenszelRiskRatio([t]).Estimate, 12);
    }

    [Fact]
    public void TinyStrata_AreSkippedWithNote()
    {
        List<ResponderCounts> strata = [new(30, 50, 15, 50), new(1, 1, 0, 0)];
        RiskEstimate or = StratifiedRisk.MantelHaenszelOddsRatio(strata);
        Assert.Equal(1, or.Strata);
        Assert.Contains("1 strata with fewer than two subjects skipped", or.Note);
    }

    [Fact]
    public void AllRespondersInEveryStratum_GivesNaNTestWithNote()
    {
        AssociationTestResult cmh = StratifiedRisk.CochranMantelHaenszel([new(5, 5, 4, 4), new(3, 3, 6, 6)]);
        Assert.True(double.IsNaN(cmh.PValue));
        Assert.Contains("all or no responders", cmh.Note);
    }
}
