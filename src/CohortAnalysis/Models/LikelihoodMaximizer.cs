namespace CohortAnalysis.Models;

/// <summary>Minimises −2 log-likelihood over the unconstrained covariance parameters: BFGS with backtracking (Armijo)
/// line search on the exact gradient, then Newton steps on a Hessian obtained by central differences of the exact
/// gradient, until the relative gradient criterion gᵀH⁻¹g/|f| falls below 1e-10 (SAS PROC MIXED uses 1e-8).</summary>
/// <remarks>Reference: Nocedal &amp; Wright (2006), Numerical Optimization, 2nd ed., §6.1 (BFGS) and §3.1 (line search).
/// The Hessian is returned for the covariance of θ̂ (2H⁻¹ for −2ℓ), which Satterthwaite df need.</remarks>
internal static class LikelihoodMaximizer
{
    /// <summary>Outcome of a minimisation.</summary>
    internal sealed record Outcome(double[] Theta, double Value, double[,] Hessian, int Iterations, bool Converged, double Criterion, string Note);

    public static Outcome Minimize(MmrmLikelihood likelihood, double[] start, int maxIterations = 500)
    {
        int k = start.Length;
        double[] x = (double[])start.Clone();
        var g = new double[k];
        double f = likelihood.Evaluate(x, g);
        if (!double.IsFinite(f)) return Fail(x, "the starting values do not give a positive-definite covariance matrix");
        var h = Identity(k);
        bool scaled = false;
        int iteration = 0;
        var gNew = new double[k];
        for (; iteration < maxIterations; iteration++)
        {
            double[] d = Multiply(h, g, -1);
            double slope = Dot(g, d);
            if (!(slope < 0)) { h = Identity(k); d = g.Select(v => -v).ToArray(); slope = Dot(g, d); }
            double longest = d.Max(Math.Abs);
            double step = longest > 2 ? 2 / longest : 1;
            double fNew = double.NaN;
            double[] xNew = x;
            for (int tries = 0; tries < 60; tries++, step *= 0.5)
            {
                xNew = x.Select((v, i) => v + step * d[i]).ToArray();
                fNew = likelihood.Evaluate(xNew, gNew);
                if (double.IsFinite(fNew) && fNew <= f + 1e-4 * step * slope) break;
            }
            if (!(double.IsFinite(fNew) && fNew <= f + 1e-4 * step * slope)) break; // no descent: hand over to Newton
            double[] s = xNew.Select((v, i) => v - x[i]).ToArray();
            double[] yv = gNew.Select((v, i) => v - g[i]).ToArray();
            double sy = Dot(s, yv);
            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(yv, yv)))
            {
                if (!scaled) { h = Identity(k, sy / Dot(yv, yv)); scaled = true; }
                UpdateInverseHessian(h, s, yv, sy);
            }
            double change = f - fNew;
            x = xNew; f = fNew; Array.Copy(gNew, g, k);
            if (change < 1e-11 * (1 + Math.Abs(f)) && g.Max(Math.Abs) < 1e-4) break;
        }

        // Newton polish on the central-difference Hessian of the exact gradient.
        double[,] hessian = Hessian(likelihood, x);
        double criterion = double.NaN;
        for (int newton = 0; newton < 20; newton++)
        {
            f = likelihood.Evaluate(x, g);
            double[]? step = SolvePositiveDefinite(hessian, g);
            if (step is null)
                return new Outcome(x, f, hessian, iteration + newton, false, double.NaN,
                    "the Hessian of the likelihood is not positive definite at the end of the iterations (a boundary or flat optimum)");
            criterion = Dot(g, step) / Math.Max(1, Math.Abs(f));
            if (criterion < 1e-14 || step.Max(Math.Abs) < 1e-12) break;
            double[] xNew = x.Select((v, i) => v - step[i]).ToArray();
            double fNew = likelihood.Evaluate(xNew, null);
            if (!(double.IsFinite(fNew) && fNew <= f + 1e-9 * Math.Abs(f))) break;
            x = xNew;
            hessian = Hessian(likelihood, x);
            iteration++;
        }
        f = likelihood.Evaluate(x, g);
        double[]? last = SolvePositiveDefinite(hessian, g);
        criterion = last is null ? double.NaN : Dot(g, last) / Math.Max(1, Math.Abs(f));
        bool converged = last is not null && criterion < 1e-10 && iteration < maxIterations;
        string note = converged ? "" : last is null
            ? "the Hessian of the likelihood is not positive definite at the end of the iterations"
            : $"the relative gradient criterion is {criterion:E2} after {iteration} iterations (limit 1e-10)";
        return new Outcome(x, f, hessian, iteration, converged, criterion, note);
    }

    /// <summary>Central differences of the exact gradient (step 1e-4 per coordinate), symmetrised.</summary>
    public static double[,] Hessian(MmrmLikelihood likelihood, double[] x)
    {
        int k = x.Length;
        var hessian = new double[k, k];
        var plus = new double[k];
        var minus = new double[k];
        double[] point = (double[])x.Clone();
        for (int j = 0; j < k; j++)
        {
            double h = 1e-4 * Math.Max(1, Math.Abs(x[j]));
            point[j] = x[j] + h;
            double fp = likelihood.Evaluate(point, plus);
            point[j] = x[j] - h;
            double fm = likelihood.Evaluate(point, minus);
            point[j] = x[j];
            if (!double.IsFinite(fp) || !double.IsFinite(fm))
            {
                for (int i = 0; i < k; i++) hessian[i, j] = double.NaN;
                continue;
            }
            for (int i = 0; i < k; i++) hessian[i, j] = (plus[i] - minus[i]) / (2 * h);
        }
        for (int i = 0; i < k; i++)
            for (int j = 0; j < i; j++) hessian[i, j] = hessian[j, i] = (hessian[i, j] + hessian[j, i]) / 2;
        likelihood.Evaluate(x, plus); // leave the likelihood's state at x
        return hessian;
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

    private static void UpdateInverseHessian(double[,] h, double[] s, double[] y, double sy)
    {
        int k = s.Length;
        double[] hy = Multiply(h, y, 1);
        double yhy = Dot(y, hy);
        double rho = 1 / sy;
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                h[i, j] += (1 + yhy * rho) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
    }

    private static double[,] Identity(int k, double scale = 1)
    {
        var m = new double[k, k];
        for (int i = 0; i < k; i++) m[i, i] = scale;
        return m;
    }

    private static double[] Multiply(double[,] m, double[] v, double sign)
    {
        var r = new double[v.Length];
        for (int i = 0; i < v.Length; i++)
        {
            double s = 0;
            for (int j = 0; j < v.Length; j++) s += m[i, j] * v[j];
            r[i] = sign * s;
        }
        return r;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
