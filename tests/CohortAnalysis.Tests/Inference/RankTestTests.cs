using CohortAnalysis.Inference;
using Xunit;

namespace CohortAnalysis.Tests.Inference;

public class RankTestTests
{
    private static double[] V(string id) => KnownInputs.Vector("change/inputs.csv", id);

    private static Alternative Alt(string r) => r switch { "less" => Alternative.Less, "greater" => Alternative.Greater, _ => Alternative.TwoSided };

    // Source: known-results/change/change.R (R 4.2.2 wilcox.test): exact signed-rank and rank-sum p (no ties, n < 50),
    // normal approximation with ties/zeros/n ≥ 50, with and without continuity correction, mu ≠ 0, 3 alternatives.
    // Tolerance: statistic exact (1e-13); exact p 1e-12 relative; normal p 1e-10 relative. The p-value method must match R's.
    [Fact]
    public void AllCases_MatchRWilcoxTest()
    {
        IReadOnlyList<KnownResult> rows = KnownResults.Rows("change/rank_tests.csv");
        Assert.True(rows.Count >= 39);
        foreach (KnownResult r in rows)
        {
            var o = new RankTestOptions
            {
                Mu = r["mu"], Alternative = Alt(r.Text("alternative")), ContinuityCorrection = r["correct"] == 1,
                Exact = r.Text("exact") switch { "auto" => null, "1" => true, _ => false },
            };
            double[] x = V(r.Text("x"));
            RankTestResult t = r.Text("kind") switch
            {
                "signed" => RankTest.WilcoxonSignedRank(x, o),
                "paired" => RankTest.WilcoxonSignedRank(x, V(r.Text("y")), o),
                _ => RankTest.MannWhitney(x, V(r.Text("y")), o),
            };
            bool exact = r.Text("p_method") == "exact";
            Assert.True((exact ? RankPValueMethod.Exact : RankPValueMethod.NormalApproximation) == t.PValueMethod, r.Id + " method");
            AssertClose.Relative(r["statistic"], t.Statistic, 1e-13, r.Id + " statistic");
            AssertClose.Relative(r["p"], t.PValue, exact ? 1e-12 : 1e-10, r.Id + " p");
        }
    }

    [Fact]
    public void SignedRank_AllDifferencesZero_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => RankTest.WilcoxonSignedRank([1.0, 1, 1], new RankTestOptions { Mu = 1 }));
        Assert.Equal("The signed-rank test needs at least one difference not equal to mu; 3 values, 3 equal to mu = 1.", ex.Message);
    }

    [Fact]
    public void SignedRank_ConstantNonZeroDifferences_UsesNormalApproximation()
    {
        RankTestResult r = RankTest.WilcoxonSignedRank([-4.0, -4, -4, -4]);
        Assert.Equal(0, r.Statistic);
        Assert.Equal(RankPValueMethod.NormalApproximation, r.PValueMethod);
        Assert.True(r.HasTies);
        Assert.InRange(r.PValue, 0, 1);
    }

    [Fact]
    public void ExactDistributions_SumToOneAndAreSymmetric()
    {
        Assert.Equal(1, RankDistributions.SignedRankCdf(55, 10), 14);
        AssertClose.Relative(1 - RankDistributions.SignedRankCdf(27, 10), RankDistributions.SignedRankCdf(27, 10), 1e-14);
        AssertClose.Relative(RankDistributions.RankSumCdf(5, 4, 6), 1 - RankDistributions.RankSumCdf(24 - 5 - 1, 4, 6), 1e-14);
    }

    [Fact]
    public void Options_DefaultsArePinned()
    {
        RankTestOptions o = RankTestOptions.Default;
        Assert.Equal(0, o.Mu);
        Assert.Null(o.Exact);
        Assert.True(o.ContinuityCorrection);
        Assert.Equal(Alternative.TwoSided, o.Alternative);
    }

    [Fact]
    public void ToString_SaysWhichPValue()
    {
        Assert.Equal("Wilcoxon rank-sum (Mann-Whitney U) test, exact p: W = 17, p = 0.0002 (two-sided, mu = 0), n = 12 vs 14",
            RankTest.MannWhitney(V("chg_active"), V("chg_placebo")).ToString());
    }
}
