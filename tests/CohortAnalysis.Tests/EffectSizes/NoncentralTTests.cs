using CohortAnalysis.Numerics;
using Xunit;

namespace CohortAnalysis.Tests.EffectSizes;

public class NoncentralTTests
{
    // Source: known-results/effect-sizes/noncentral_t.py (mpmath 1.3.0, 40 digits, chi-mixture integral: a different formula
    // from our AS 243-type series). Tolerance: 1e-12 absolute on probabilities (the series' accuracy; ~1e-11 relative at 0.03).
    [Fact]
    public void Cdf_MatchesMpmathIntegral_IncludingLargeNcpAndTinyDf()
    {
        foreach (KnownResult row in KnownResults.Rows("effect-sizes/noncentral_t_cdf.csv"))
            AssertClose.Absolute(row["cdf"], NoncentralT.Cdf(row["t"], row["df"], row["ncp"]), 1e-12, row.Id);
    }

    [Fact]
    public void Cdf_ZeroNcp_IsCentralT()
    {
        double central = MathNet.Numerics.Distributions.StudentT.CDF(0, 1, 7, 1.3);
        AssertClose.Relative(central, NoncentralT.Cdf(1.3, 7, 0), 1e-15);
        AssertClose.Relative(central, NoncentralT.Cdf(1.3, 7, 1e-12), 1e-11);
    }

    // Source: noncentral_t.py (mpmath findroot on the 40-digit integral), 95% limits for d = ncp·√hn, including
    // d = 10 with 50 per group (ncp ≈ 50, where R's pnt switches to an approximation) and 500 per group.
    // Tolerance: 1e-10 relative.
    [Fact]
    public void Interval_MatchesMpmathRoots()
    {
        foreach (KnownResult row in KnownResults.Rows("effect-sizes/noncentral_t_ci.csv"))
        {
            (double lo, double hi) = NoncentralTInterval.ForNcp(row["t"], row["df"], 0.95, Alternative.TwoSided);
            double scale = Math.Sqrt(row["hn"]);
            AssertClose.Relative(row["ci_low"], lo * scale, 1e-10, row.Id + " lower");
            AssertClose.Relative(row["ci_high"], hi * scale, 1e-10, row.Id + " upper");
        }
    }

    // Source: known-results/effect-sizes/exact_ncp.R (R 4.2.2 pt(ncp=) + uniroot tol 1e-15). Tolerance: 1e-9 relative
    // (R's pnt carries ~1e-12 absolute error, which moves a root by up to ~1e-10 relative).
    [Fact]
    public void Interval_MatchesRUniroot()
    {
        foreach (KnownResult row in KnownResults.Rows(Datasets.ExactNcpCsv))
        {
            var alternative = row.Text("alternative") switch { "less" => Alternative.Less, "greater" => Alternative.Greater, _ => Alternative.TwoSided };
            (double lo, double hi) = NoncentralTInterval.ForNcp(row["t"], row["df"], row["level"], alternative);
            double scale = Math.Sqrt(row["hn"]);
            if (row["ci_low"] == 0) AssertClose.Absolute(0, lo * scale, 1e-12); else AssertClose.Relative(row["ci_low"], lo * scale, 1e-9, row.Id + " lower");
            AssertClose.Relative(row["ci_high"], hi * scale, 1e-9, row.Id + " upper");
        }
    }
}
