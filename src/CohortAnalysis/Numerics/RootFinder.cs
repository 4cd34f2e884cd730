namespace CohortAnalysis.Numerics;

/// <summary>Roots of continuous functions on a sign-changing bracket, to full double precision: MathNet's Brent–Dekker
/// solver (Brent 1973, Algorithms for Minimization without Derivatives, ch. 4) asked for machine accuracy.</summary>
/// <remarks>MathNet's Brent stops when the bracket is narrower than ε·|x| + accuracy/2, with ε the machine epsilon
/// 2.22e-16 (not <see cref="double.Epsilon"/>, the smallest subnormal), or when |f(x)| &lt; accuracy. With accuracy
/// <see cref="AbsoluteAccuracy"/> both tests are at the limit of doubles, so the roots (exact-CI limits) agree with
/// R's <c>uniroot(tol = 1e-15)</c> to ~1e-15 relative. When the bracket stops shrinking before that (a root at 0, a
/// flat or noisy function near the root), MathNet reports no convergence but its last iterate is the best doubles
/// allow; it is polished by bisection on the sign change around it.</remarks>
internal static class RootFinder
{
    /// <summary>Machine epsilon of double: the spacing of doubles just above 1 (R <c>.Machine$double.eps</c>).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The absolute accuracy asked of MathNet's Brent: below any root the library needs, so its relative
    /// test (ε·|x|) decides.</summary>
    private const double AbsoluteAccuracy = 1e-300;

    /// <summary>A root of <paramref name="f"/> in [<paramref name="lo"/>, <paramref name="hi"/>], or NaN when f does not
    /// change sign there.</summary>
    public static double Bracketed(Func<double, double> f, double lo, double hi)
    {
        double flo = f(lo), fhi = f(hi);
        if (flo == 0) return lo;
        if (fhi == 0) return hi;
        if (double.IsNaN(flo) || double.IsNaN(fhi) || Math.Sign(flo) == Math.Sign(fhi)) return double.NaN;
        if (MathNet.Numerics.RootFinding.Brent.TryFindRoot(f, lo, hi, AbsoluteAccuracy, 500, out double root))
            return root;
        return Polish(f, lo, flo, hi, root);
    }

    /// <summary>Solves f(x) = 0 for a function that decreases in x, expanding a bracket outwards from <paramref name="start"/>;
    /// NaN when no sign change is found.</summary>
    public static double DecreasingRoot(Func<double, double> f, double start, double initialStep)
    {
        double step = Math.Max(initialStep, 1e-3);
        double lo = start - step, hi = start + step;
        double flo = f(lo), fhi = f(hi);
        for (int i = 0; i < 200 && flo < 0; i++) { hi = lo; fhi = flo; step *= 2; lo = start - step; flo = f(lo); }
        for (int i = 0; i < 200 && fhi > 0; i++) { lo = hi; flo = fhi; step *= 2; hi = start + step; fhi = f(hi); }
        if (flo < 0 || fhi > 0) return double.NaN;
        return Bracketed(f, lo, hi);
    }

    // Bisection between the bracket end with f's sign at lo and the candidate, shrinking onto the sign change until
    // the midpoint no longer differs from an end (adjacent doubles).
    private static double Polish(Func<double, double> f, double lo, double flo, double hi, double candidate)
    {
        if (candidate > Math.Min(lo, hi) && candidate < Math.Max(lo, hi))
        {
            double fc = f(candidate);
            if (fc == 0) return candidate;
            if (Math.Sign(fc) == Math.Sign(flo)) { lo = candidate; flo = fc; } else hi = candidate;
        }
        for (int i = 0; i < 2200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) break;
            double fm = f(mid);
            if (fm == 0) return mid;
            if (Math.Sign(fm) == Math.Sign(flo)) { lo = mid; flo = fm; } else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
