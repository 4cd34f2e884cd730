using MathNet.Numerics;

namespace CohortAnalysis.Numerics;

/// <summary>Distribution functions used by the tests and intervals, accurate to near machine precision.</summary>
/// <remarks>CDFs come from MathNet's regularized incomplete beta and complementary error function. MathNet's inverse
/// CDFs for t and beta stop at an absolute tolerance of about 1e-12, too loose for 10-digit agreement with R, so they
/// serve only as starting points: <see cref="StudentTQuantile"/> polishes with Newton steps on the CDF and
/// <see cref="BetaQuantile"/> with Newton steps kept inside a shrinking bisection bracket, to agree with R's
/// <c>qt</c>/<c>qbeta</c> to ~1e-14. Root finding (interval inversion) is <see cref="RootFinder"/>.</remarks>
internal static class Distributions
{
    // ---- normal ----

    public static double NormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    public static double NormalUpper(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>Quantile of the standard normal (R <c>qnorm</c>).</summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0) return double.NegativeInfinity;
        if (p >= 1) return double.PositiveInfinity;
        return -Math.Sqrt(2) * SpecialFunctions.ErfcInv(2 * p);
    }

    // ---- Student t ----

    /// <summary>P(T ≤ t) for Student's t with <paramref name="df"/> degrees of freedom (df may be fractional).</summary>
    public static double StudentTCdf(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df)) return double.NaN;
        if (double.IsPositiveInfinity(df)) return NormalCdf(t);
        if (double.IsPositiveInfinity(t)) return 1;
        if (double.IsNegativeInfinity(t)) return 0;
        // Tail = ½·I_{df/(df+t²)}(df/2, 1/2); computed directly (not as 1 − …) so small p-values keep their digits.
        double x = df / (df + t * t);
        double tail = 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, x);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>P(T &gt; t).</summary>
    public static double StudentTUpper(double t, double df) => StudentTCdf(-t, df);

    public static double StudentTDensity(double t, double df) =>
        Math.Exp(SpecialFunctions.GammaLn((df + 1) / 2) - SpecialFunctions.GammaLn(df / 2)
                 - 0.5 * Math.Log(df * Math.PI) - (df + 1) / 2 * Math.Log(1 + t * t / df));

    /// <summary>Quantile of Student's t (R <c>qt</c>).</summary>
    public static double StudentTQuantile(double p, double df)
    {
        if (double.IsNaN(p) || double.IsNaN(df)) return double.NaN;
        if (p <= 0) return double.NegativeInfinity;
        if (p >= 1) return double.PositiveInfinity;
        if (double.IsPositiveInfinity(df)) return NormalQuantile(p);
        if (p == 0.5) return 0;
        // Work in the lower half for accuracy, then reflect.
        bool upper = p > 0.5;
        double q = upper ? 1 - p : p;
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, q);
        if (!double.IsFinite(t)) t = NormalQuantile(q);
        for (int i = 0; i < 50; i++)
        {
            double f = StudentTCdf(t, df) - q;
            double step = f / StudentTDensity(t, df);
            if (!double.IsFinite(step)) break;
            t -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1, Math.Abs(t))) break;
        }
        return upper ? -t : t;
    }

    // ---- chi-square (1 df) ----

    /// <summary>P(χ²₁ &gt; x), via the normal so small p-values keep their digits.</summary>
    public static double ChiSquare1Upper(double x) => x <= 0 ? 1 : 2 * NormalUpper(Math.Sqrt(x));

    // ---- beta ----

    public static double BetaCdf(double x, double a, double b) =>
        x <= 0 ? 0 : x >= 1 ? 1 : SpecialFunctions.BetaRegularized(a, b, x);

    /// <summary>Quantile of Beta(a, b) (R <c>qbeta</c>), by bisection refined with Newton steps.</summary>
    public static double BetaQuantile(double p, double a, double b)
    {
        if (p <= 0) return 0;
        if (p >= 1) return 1;
        double logBeta = SpecialFunctions.BetaLn(a, b);
        double lo = 0, hi = 1;
        double x = MathNet.Numerics.Distributions.Beta.InvCDF(a, b, p);
        if (!(x > 0 && x < 1)) x = 0.5;
        for (int i = 0; i < 200; i++)
        {
            double f = BetaCdf(x, a, b) - p;
            if (f == 0) return x;
            if (f > 0) hi = x; else lo = x;
            double density = Math.Exp((a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - logBeta);
            double next = x - f / density;
            // Newton when it stays inside the bracket, bisection otherwise (keeps convergence guaranteed).
            if (!(next > lo && next < hi) || !double.IsFinite(next)) next = 0.5 * (lo + hi);
            if (Math.Abs(next - x) <= 1e-16 * Math.Max(x, 1e-300) || hi - lo <= 1e-300) { x = next; break; }
            x = next;
        }
        return x;
    }
}
