namespace CohortAnalysis.Numerics;

/// <summary>Bracketed root finding: Brent's method (Brent 1973, ch. 4), written from the algorithm's description.</summary>
/// <remarks>Keeps a sign-changing bracket at every step, so it cannot diverge; falls back to bisection
/// whenever interpolation would not shrink the bracket fast enough.</remarks>
internal static class RootFinder
{
    /// <summary>A root of <paramref name="f"/> in [a, b], where f(a) and f(b) differ in sign.</summary>
    /// <param name="f">The function.</param>
    /// <param name="a">One end of the bracket.</param>
    /// <param name="b">The other end.</param>
    /// <param name="fa">f(a), already computed.</param>
    /// <param name="fb">f(b), already computed.</param>
    /// <param name="relativeTolerance">Stop when the bracket is narrower than this times |root| (plus a tiny absolute floor).</param>
    public static double Brent(Func<double, double> f, double a, double b, double fa, double fb, double relativeTolerance = 1e-15)
    {
        if (fa == 0) return a;
        if (fb == 0) return b;
        if (Math.Sign(fa) == Math.Sign(fb))
            throw new ArgumentException("The bracket does not change sign.");
        double c = a, fc = fa, d = b - a, e = d;
        for (int iteration = 0; iteration < 300; iteration++)
        {
            if (Math.Sign(fb) == Math.Sign(fc)) { c = a; fc = fa; d = b - a; e = d; }
            if (Math.Abs(fc) < Math.Abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
            double tol = 2 * double.Epsilon + 0.5 * relativeTolerance * Math.Abs(b) + 1e-300;
            tol = Math.Max(tol, 2.2e-16 * Math.Abs(b));
            double m = 0.5 * (c - b);
            if (Math.Abs(m) <= tol || fb == 0) return b;
            if (Math.Abs(e) >= tol && Math.Abs(fa) > Math.Abs(fb))
            {
                double s = fb / fa, p, q;
                if (a == c) { p = 2 * m * s; q = 1 - s; }
                else
                {
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < Math.Min(3 * m * q - Math.Abs(tol * q), Math.Abs(e * q))) { e = d; d = p / q; }
                else { d = m; e = m; }
            }
            else { d = m; e = m; }
            a = b; fa = fb;
            b += Math.Abs(d) > tol ? d : (m > 0 ? tol : -tol);
            fb = f(b);
        }
        return b;
    }

    /// <summary>Solves f(x) = 0 for a function that decreases in x, expanding a bracket outwards from <paramref name="start"/>.</summary>
    public static double DecreasingRoot(Func<double, double> f, double start, double initialStep)
    {
        double step = Math.Max(initialStep, 1e-3);
        double lo = start - step, hi = start + step;
        double flo = f(lo), fhi = f(hi);
        for (int i = 0; i < 200 && flo < 0; i++) { hi = lo; fhi = flo; step *= 2; lo = start - step; flo = f(lo); }
        for (int i = 0; i < 200 && fhi > 0; i++) { lo = hi; flo = fhi; step *= 2; hi = start + step; fhi = f(hi); }
        if (flo < 0 || fhi > 0) return double.NaN;
        return Brent(f, lo, hi, flo, fhi);
    }
}
