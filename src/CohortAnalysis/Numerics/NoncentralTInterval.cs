using CohortAnalysis;
using MathNet.Numerics.Distributions;

namespace CohortAnalysis.Numerics;

/// <summary>Confidence limits for the noncentrality parameter of a t statistic, by exact inversion of its distribution.</summary>
/// <remarks>
/// <para>Finds δ_L with F(t; ν, δ_L) = 1 − α/2 and δ_U with F(t; ν, δ_U) = α/2 (Steiger &amp; Fouladi 1997), as R
/// effectsize <c>.get_ncp_t</c> and MBESS <c>conf.limits.nct</c> do — but solved to ~1e-15 relative rather than
/// <c>optim(abstol = 1e-9)</c>, so the limits agree with effectsize only to ~1e-7 and with an exact inversion
/// (R <c>uniroot(tol = 1e-15)</c>, tests/known-results/effect-sizes/exact_ncp.R) to ~1e-12. Effectsize: Ben-Shachar,
/// M. S., Lüdecke, D. &amp; Makowski, D. (2020). effectsize: Estimation of effect size indices and standardized
/// parameters. J Open Source Softw 5(56):2815.</para>
/// <para>Each limit starts from the normal approximation of Abramowitz &amp; Stegun (1964, Handbook of Mathematical
/// Functions, 26.7.10), δ ≈ t (1 − 1/(4ν)) − z_p √(1 + t²/(2ν)), and is refined by Newton steps on F with its exact
/// δ-derivative (<see cref="NoncentralTAtQuantile"/>), kept inside the bracket the steps establish. They stop when a
/// step is below 1e-9 of δ: the error left, of the order of the step squared, is below the spacing of doubles. Should a
/// step leave the bracket, be longer than 2 √(1 + t²/(2ν)), or the steps not settle, Brent's method
/// (<see cref="RootFinder"/>) finishes the search, as it did alone before.</para>
/// <para>One-sided intervals use level 2·level − 1 and set the other limit to ±∞, as effectsize does.</para>
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

    // Newton steps before giving the search to the bracketing solver; from the approximate start 3–5 are needed.
    private const int MaxNewtonSteps = 20;

    // A Newton step this small relative to δ leaves an error of order its square: far below the spacing of doubles.
    private const double NewtonStepTolerance = 1e-9;

    // The δ at which P(T ≤ t | δ) = p; the probability falls as δ grows, so the root is unique.
    private static double Solve(double t, double df, double p)
    {
        var cdf = new NoncentralTAtQuantile(t, df);
        // the spread of δ around t is about √(1 + t²/(2ν)) per z unit; a longer step means F is flat where Newton stands
        double scale = Math.Sqrt(1 + t * t / (2 * df));
        double ncp = Approximate(t, df, p, scale);
        double below = double.NegativeInfinity, above = double.PositiveInfinity;   // F(below) > p > F(above)
        for (int step = 0; step < MaxNewtonSteps && double.IsFinite(ncp); step++)
        {
            double excess = cdf.Cdf(ncp, out double slope) - p;
            if (excess == 0) return ncp;
            if (excess > 0) below = ncp; else above = ncp;
            double next = ncp - excess / slope;
            if (!(slope < 0) || !(next > below && next < above) || !(Math.Abs(next - ncp) <= 2 * scale)) break;
            if (Math.Abs(next - ncp) <= NewtonStepTolerance * Math.Abs(next)) return next;
            ncp = next;
        }
        return Bracketing(t, df, p, below, above, scale);
    }

    // Abramowitz & Stegun (1964) 26.7.10: F(t; ν, δ) ≈ Φ((t (1 − 1/(4ν)) − δ) / √(1 + t²/(2ν))), solved for δ.
    private static double Approximate(double t, double df, double p, double scale) =>
        t * (1 - 1 / (4 * df)) - Normal.InvCDF(0, 1, p) * scale;

    // When Newton leaves its bracket, steps further than 2·scale or stalls (a flat or noisy distribution function far in
    // a tail, e.g. a start far off for ν < 1): Brent on the bracket found so far, or on a bracket expanded from t.
    private static double Bracketing(double t, double df, double p, double below, double above, double scale)
    {
        Func<double, double> excess = ncp => NoncentralT.Cdf(t, df, ncp) - p;
        if (double.IsFinite(below) && double.IsFinite(above)) return RootFinder.Bracketed(excess, below, above);
        return RootFinder.DecreasingRoot(excess, t, 2 * scale);
    }
}
