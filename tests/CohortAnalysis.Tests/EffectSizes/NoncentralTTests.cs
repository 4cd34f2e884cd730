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

    // The δ-derivative that the interval's Newton steps use, against a central difference of the distribution function.
    [Theory]
    [InlineData(2.5, 18, 0.4)]
    [InlineData(2.5, 18, 4.1)]
    [InlineData(-1.7, 98, -3.2)]
    [InlineData(0.8, 2, 0)]
    [InlineData(-0.8, 2, 0)]
    [InlineData(12, 998, 55)]
    [InlineData(0, 9, 1.3)]
    public void NcpSlope_MatchesCentralDifference(double t, double df, double ncp)
    {
        const double h = 1e-5;
        double difference = (NoncentralT.Cdf(t, df, ncp + h) - NoncentralT.Cdf(t, df, ncp - h)) / (2 * h);
        double cdf = new NoncentralTAtQuantile(t, df).Cdf(ncp, out double slope);
        Assert.Equal(NoncentralT.Cdf(t, df, ncp), cdf);
        AssertClose.Relative(difference, slope, 1e-8);
    }

    // The limits from the approximate start and Newton steps against the exact inversion they replace: Brent's method to
    // machine precision on a bracket expanded from t. Both are roots of the same function, whose rounding noise is
    // 1e-16 to a few 1e-15 (larger for larger |t|), so they may differ by the δ-width over which F moves by 1e-14
    // (1e-14/|∂F/∂δ|), plus 1e-14 relative: for 95% limits with ν = 98 that is ~2e-13. The grid is the
    // ν ≥ 4 and |t| ≤ 9 of trials; for ν ≤ 2 or |t| ≥ 25 F itself is only accurate to ~1e-13, and the two roots differ
    // by up to ~5e-12 relative, as do any two roots of it.
    [Fact]
    public void Interval_MatchesBracketedBrentInversion()
    {
        foreach (double df in new[] { 4.5, 9, 18, 48, 98, 198, 998, 1e5 })
            foreach (double t in new[] { -8, -2.5, -1, -0.3, 0, 0.05, 0.7, 1.96, 2.5175440748900653, 4, 9 })
                foreach (double level in new[] { 0.8, 0.9, 0.95, 0.99, 0.999 })
                {
                    (double lo, double hi) = NoncentralTInterval.ForNcp(t, df, level, Alternative.TwoSided);
                    double alpha = 1 - level;
                    foreach ((double limit, double p) in new[] { (lo, 1 - alpha / 2), (hi, alpha / 2) })
                    {
                        double scale = Math.Sqrt(1 + t * t / (2 * df));
                        double reference = RootFinder.DecreasingRoot(ncp => NoncentralT.Cdf(t, df, ncp) - p, t, 2 * scale);
                        new NoncentralTAtQuantile(t, df).Cdf(reference, out double slope);
                        double tolerance = 1e-14 * Math.Max(Math.Abs(reference), 1) + 1e-14 / Math.Abs(slope);
                        Assert.True(Math.Abs(limit - reference) <= tolerance, FormattableString.Invariant(
                            $"t = {t}, df = {df}, level = {level}, p = {p}: {limit:R} vs Brent {reference:R}"));
                    }
                }
    }
}
