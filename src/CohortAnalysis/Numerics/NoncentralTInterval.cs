using CohortAnalysis;

namespace CohortAnalysis.Numerics;

/// <summary>Confidence limits for the noncentrality parameter of a t statistic, by exact inversion of its distribution.</summary>
/// <remarks>
/// Finds δ_L with F(t; ν, δ_L) = 1 − α/2 and δ_U with F(t; ν, δ_U) = α/2 (Steiger &amp; Fouladi 1997), as R effectsize
/// <c>.get_ncp_t</c> and MBESS <c>conf.limits.nct</c> do — but with a bracketed Brent root finder to ~1e-15 relative
/// rather than <c>optim(abstol = 1e-9)</c>, so the limits agree with effectsize only to ~1e-7 and with an exact
/// inversion (R <c>uniroot(tol = 1e-15)</c>, tests/known-results/effect-sizes/exact_ncp.R) to ~1e-12. Effectsize: Ben-Shachar,
/// M. S., Lüdecke, D. &amp; Makowski, D. (2020). effectsize: Estimation of effect size indices and standardized parameters.
/// J Open Source Softw 5(56):2815.
/// One-sided intervals use level 2·level − 1 and set the other limit to ±∞, as effectsize does.
/// </remarks>
internal static class NoncentralTInterval
{
    public static (double Lower, double Upper) ForNcp(double t, double df, double level, Alternative alternative)
    {
        if (!double.IsFinite(t) || !(df > 0)) return (double.NaN, double.NaN);
        double twoSidedLevel = alternative == Alternative.TwoSided ? level : 2 * level - 1;
        double alpha = 1 - twoSidedLevel;
        double lower = alternative == Alternative.Less ? double.NegativeInfinity : Solve(t, df, 1 - alpha / 2);
        double upper = alternative == Alternative.Greater ? double.PositiveInfinity : Solve(t, df, alpha / 2);
        return (lower, upper);
    }

    // The δ at which P(T ≤ t | δ) = p; the probability falls as δ grows, so the root is unique.
    private static double Solve(double t, double df, double p)
    {
        // start near the observed t; the spread of δ around t is about √(1 + t²/(2ν)) per z unit
        double scale = Math.Sqrt(1 + t * t / (2 * df));
        return RootFinder.DecreasingRoot(ncp => NoncentralT.Cdf(t, df, ncp) - p, t, 2 * scale);
    }
}
