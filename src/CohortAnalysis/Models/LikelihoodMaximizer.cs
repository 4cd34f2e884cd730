namespace CohortAnalysis.Models;

/// <summary>Minimises −2 log-likelihood over the unconstrained covariance parameters by Newton–Raphson on the exact
/// gradient and exact Hessian (<see cref="MmrmLikelihood.Hessian"/>), with a backtracking (Armijo) line search; when
/// the Hessian is not positive definite (far from the optimum) the step uses the average-information matrix, made
/// positive definite by a ridge if needed. Converged when the relative criterion gᵀH⁻¹g/|f| (SAS PROC MIXED's
/// relative Hessian criterion) falls below 1e-10 with H the exact, positive-definite Hessian (SAS uses 1e-8).</summary>
/// <remarks>Reference: Nocedal &amp; Wright (2006), Numerical Optimization, 2nd ed., §3.1 (line search), §3.4 (Newton
/// with Hessian modification); Gilmour, Thompson &amp; Cullis (1995) (average information). The Hessian is returned for the
/// covariance of θ̂ (2H⁻¹ for −2ℓ), which Satterthwaite and Kenward–Roger df need.</remarks>
internal static class LikelihoodMaximizer
{
    /// <summary>Outcome of a minimisation.</summary>
    internal sealed record Outcome(double[] Theta, double Value, double[,] Hessian, int Iterations, bool Converged, double Criterion, string Note);

    private const double Tolerance = 1e-10;

    public static Outcome Minimize(MmrmLikelihood likelihood, double[] start, int maxIterations = 200)
    {
        int k = start.Length;
        double[] x = (double[])start.Clone();
        var g = new double[k];
        var gNew = new double[k];
        var xNew = new double[k];
        double f = likelihood.Evaluate(x, g);
        if (!double.IsFinite(f)) return Fail(x, "the starting values do not give a positive-definite covariance matrix");
        double[,] hessian = new double[k, k];
        double criterion = double.NaN;
        int iteration = 0;
        for (; iteration <= maxIterations; iteration++)
        {
            (hessian, double[,] ai) = likelihood.Hessian(x);
            double[]? newton = SolvePositiveDefinite(hessian, g);
            criterion = newton is null ? double.NaN : Dot(g, newton) / Math.Max(1, Math.Abs(f));
            if (newton is not null && criterion < Tolerance * 1e-2) break;
            if (iteration == maxIterations) break;
            double[] step = newton ?? Regularised(ai, g) ?? g.Select(v => v / Math.Max(1, Math.Abs(f))).ToArray();
            double slope = -Dot(g, step);
            if (!(slope < 0)) { step = g.Select(v => v / Math.Max(1, Math.Abs(f))).ToArray(); slope = -Dot(g, step); }
            double longest = step.Max(Math.Abs);
            double length = longest > 1 ? 1 / longest : 1;
            double fNew = double.NaN;
            bool accepted = false;
            for (int tries = 0; tries < 50; tries++, length *= 0.5)
            {
                for (int i = 0; i < k; i++) xNew[i] = x[i] - length * step[i];
                fNew = likelihood.Evaluate(xNew, gNew);
                if (double.IsFinite(fNew) && fNew <= f + 1e-4 * length * slope) { accepted = true; break; }
            }
            if (!accepted)
            {
                // No decrease possible: at the optimum to rounding (the criterion is then tiny) or stuck.
                likelihood.Evaluate(x, g);
                if (newton is not null && criterion < Tolerance) { hessian = likelihood.Hessian(x).Hessian; break; }
                return new Outcome(x, f, hessian, iteration, false, criterion,
                    "the line search found no decrease of the likelihood (a boundary or flat optimum)");
            }
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            f = fNew;
        }
        double[]? last = SolvePositiveDefinite(hessian, g);
        criterion = last is null ? double.NaN : Dot(g, last) / Math.Max(1, Math.Abs(f));
        bool converged = last is not null && criterion < Tolerance;
        string note = converged ? "" : last is null
            ? "the Hessian of the likelihood is not positive definite at the end of the iterations (a boundary or flat optimum)"
            : FormattableString.Invariant($"the relative gradient criterion is {criterion:E2} after {iteration} iterations (limit {Tolerance:E0})");
        return new Outcome(x, f, hessian, iteration, converged, criterion, note);
    }

    /// <summary>(AI + λ·diag)⁻¹g with the smallest λ (from 0, then growing) that makes the matrix positive definite.</summary>
    private static double[]? Regularised(double[,] ai, double[] g)
    {
        int k = g.Length;
        double scale = 0;
        for (int i = 0; i < k; i++) scale = Math.Max(scale, Math.Abs(ai[i, i]));
        if (!(scale > 0) || !double.IsFinite(scale)) return null;
        var m = (double[,])ai.Clone();
        for (double lambda = 0; lambda < 1e3 * scale; lambda = lambda == 0 ? 1e-8 * scale : lambda * 10)
        {
            for (int i = 0; i < k; i++) m[i, i] = ai[i, i] + lambda;
            double[]? step = SolvePositiveDefinite(m, g);
            if (step is not null) return step;
        }
        return null;
    }

    /// <summary>H⁻¹b by Cholesky, or null when H is not positive definite (or not finite).</summary>
    public static double[]? SolvePositiveDefinite(double[,] h, double[] b)
    {
        int k = b.Length;
        var a = new double[k * k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) a[i * k + j] = h[i, j];
        if (a.Any(v => !double.IsFinite(v))) return null;
        double[]? l = CovarianceParameterization.Cholesky(a, k);
        if (l is null) return null;
        var z = new double[k];
        for (int r = 0; r < k; r++)
        {
            double v = b[r];
            for (int c = 0; c < r; c++) v -= l[r * k + c] * z[c];
            z[r] = v / l[r * k + r];
        }
        var x = new double[k];
        for (int r = k - 1; r >= 0; r--)
        {
            double v = z[r];
            for (int c = r + 1; c < k; c++) v -= l[c * k + r] * x[c];
            x[r] = v / l[r * k + r];
        }
        return x;
    }

    private static Outcome Fail(double[] x, string note) => new(x, double.NaN, new double[x.Length, x.Length], 0, false, double.NaN, note);

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
