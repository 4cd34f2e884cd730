namespace CohortAnalysis.Models;

/// <summary>The (restricted) log-likelihood of an MMRM with β profiled out, its exact gradient in θ, and the per-subject
/// factors needed afterwards for LS means and Satterthwaite degrees of freedom.</summary>
/// <remarks>
/// <para>With Σᵢ the covariance of subject i's observed visits (rows and columns of Σ_g(θ) for the subject's group g),
/// Wᵢ = Σᵢ⁻¹, A = Σ XᵢᵀWᵢXᵢ and β̂ = A⁻¹ΣXᵢᵀWᵢyᵢ:
/// −2ℓ_ML = n·log 2π + Σ log|Σᵢ| + Σ rᵢᵀWᵢrᵢ and −2ℓ_REML = (n−p)·log 2π + Σ log|Σᵢ| + log|A| + Σ rᵢᵀWᵢrᵢ
/// (SAS PROC MIXED's constants). Each Σᵢ is factored once (Cholesky, Σᵢ = LᵢLᵢᵀ); the fixed effects are solved on the
/// whitened rows Lᵢ⁻¹Xᵢ, so no n×n matrix and no explicit inverse of A is formed.</para>
/// <para>Gradient (envelope theorem for β̂): ∂(−2ℓ)/∂θₖ = Σᵢ tr(Mᵢ ∂Σᵢ/∂θₖ) with Mᵢ = Wᵢ − WᵢrᵢrᵢᵀWᵢ − [REML] WᵢXᵢA⁻¹XᵢᵀWᵢ;
/// the Mᵢ are summed into one T×T matrix per group, so the cost is O(Σ nᵢ²p + nᵢp²) per evaluation whatever the
/// number of covariance parameters. Reference: Harville (1977) JASA 72:320-338; Wolfinger, Tobias &amp; Sall (1994)
/// SIAM J Sci Comput 15:1294-1310.</para>
/// <para>Not thread-safe: it keeps the factors of the last evaluation.</para>
/// </remarks>
internal sealed class MmrmLikelihood
{
    private readonly int _p, _t, _k, _groups;
    private readonly int[] _start, _visit, _group, _lOffset;
    private readonly double[] _y, _x;
    private readonly CovarianceParameterization _cov;
    private readonly double[][] _sigma;
    private readonly double[][][] _dSigma;
    private readonly double[] _l, _xt, _yt, _a, _b, _la, _beta;
    private readonly double[][] _g;

    /// <param name="subjectStart">Subject i's observations are [start[i], start[i+1]), sorted by visit.</param>
    /// <param name="visit">Per observation: visit index 0..T−1.</param>
    /// <param name="y">Per observation: response.</param>
    /// <param name="x">Design, observations × p, row-major.</param>
    /// <param name="p">Number of fixed-effect columns.</param>
    /// <param name="subjectGroup">Per subject: covariance group (0 when one covariance for all).</param>
    /// <param name="groups">Number of covariance groups.</param>
    /// <param name="covariance">The structure's parameterisation (per group).</param>
    /// <param name="reml">REML (true) or ML.</param>
    public MmrmLikelihood(int[] subjectStart, int[] visit, double[] y, double[] x, int p, int[] subjectGroup, int groups,
        CovarianceParameterization covariance, bool reml)
    {
        _start = subjectStart; _visit = visit; _y = y; _x = x; _p = p; _group = subjectGroup; _groups = groups;
        _cov = covariance; _t = covariance.T; _k = covariance.Count; Reml = reml;
        int subjects = subjectStart.Length - 1;
        _lOffset = new int[subjects + 1];
        for (int i = 0; i < subjects; i++) { int m = subjectStart[i + 1] - subjectStart[i]; _lOffset[i + 1] = _lOffset[i] + m * m; }
        _l = new double[_lOffset[subjects]];
        _xt = new double[x.Length];
        _yt = new double[y.Length];
        _a = new double[p * p]; _b = new double[p]; _la = new double[p * p]; _beta = new double[p];
        _sigma = Enumerable.Range(0, groups).Select(_ => new double[_t * _t]).ToArray();
        _dSigma = Enumerable.Range(0, groups).Select(_ => Enumerable.Range(0, _k).Select(_ => new double[_t * _t]).ToArray()).ToArray();
        _g = Enumerable.Range(0, groups).Select(_ => new double[_t * _t]).ToArray();
    }

    public bool Reml { get; }
    public int ObservationCount => _y.Length;
    public int SubjectCount => _start.Length - 1;
    public int FixedCount => _p;
    public int VisitCount => _t;
    public int GroupCount => _groups;
    /// <summary>Covariance parameters in total (per group × groups).</summary>
    public int ParameterCount => _k * _groups;
    public CovarianceParameterization Covariance => _cov;

    /// <summary>β̂ at the last evaluation.</summary>
    public double[] Beta => _beta;

    /// <summary>Σ_g at the last evaluation (T×T row-major).</summary>
    public double[] Sigma(int group) => _sigma[group];

    /// <summary>−2 log-likelihood at θ; +∞ when some Σᵢ is not positive definite. Fills the gradient when given.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, double[]? gradient)
    {
        for (int g = 0; g < _groups; g++)
        {
            _cov.Evaluate(theta.Slice(g * _k, _k), _sigma[g], gradient is null ? null : _dSigma[g]);
            foreach (double v in _sigma[g]) if (!double.IsFinite(v)) return double.PositiveInfinity;
        }
        Array.Clear(_a); Array.Clear(_b);
        double logDet = 0;
        int p = _p;
        for (int i = 0; i < SubjectCount; i++)
        {
            int s = _start[i], m = _start[i + 1] - s, lo = _lOffset[i];
            double[] sigma = _sigma[_group[i]];
            // Cholesky of the subject's block, in place in _l.
            for (int c = 0; c < m; c++)
            {
                int vc = _visit[s + c];
                double d = sigma[vc * _t + vc];
                for (int k = 0; k < c; k++) d -= _l[lo + c * m + k] * _l[lo + c * m + k];
                if (!(d > 0)) return double.PositiveInfinity;
                double lcc = Math.Sqrt(d);
                _l[lo + c * m + c] = lcc;
                logDet += 2 * Math.Log(lcc);
                for (int r = c + 1; r < m; r++)
                {
                    double v = sigma[_visit[s + r] * _t + vc];
                    for (int k = 0; k < c; k++) v -= _l[lo + r * m + k] * _l[lo + c * m + k];
                    _l[lo + r * m + c] = v / lcc;
                }
            }
            // Whitened rows: Xt = L⁻¹X, yt = L⁻¹y (forward substitution).
            for (int r = 0; r < m; r++)
            {
                int row = (s + r) * p;
                double yv = _y[s + r];
                for (int j = 0; j < p; j++) _xt[row + j] = _x[row + j];
                for (int k = 0; k < r; k++)
                {
                    double lrk = _l[lo + r * m + k];
                    int prev = (s + k) * p;
                    for (int j = 0; j < p; j++) _xt[row + j] -= lrk * _xt[prev + j];
                    yv -= lrk * _yt[s + k];
                }
                double inv = 1 / _l[lo + r * m + r];
                for (int j = 0; j < p; j++) _xt[row + j] *= inv;
                _yt[s + r] = yv * inv;
                for (int j = 0; j < p; j++)
                {
                    double xj = _xt[row + j];
                    if (xj == 0) continue;
                    for (int q = 0; q <= j; q++) _a[j * p + q] += xj * _xt[row + q];
                    _b[j] += xj * _yt[s + r];
                }
            }
        }
        for (int j = 0; j < p; j++) for (int q = 0; q < j; q++) _a[q * p + j] = _a[j * p + q];
        double[]? la = CovarianceParameterization.Cholesky(_a, p);
        if (la is null) return double.PositiveInfinity;
        Array.Copy(la, _la, la.Length);
        double logDetA = 0;
        for (int j = 0; j < p; j++) logDetA += 2 * Math.Log(_la[j * p + j]);
        SolveWithCholesky(_la, p, _b, _beta);
        double rss = 0;
        for (int o = 0; o < _y.Length; o++)
        {
            double r = _yt[o];
            for (int j = 0; j < p; j++) r -= _xt[o * p + j] * _beta[j];
            rss += r * r;
        }
        int n = _y.Length;
        double value = (Reml ? (n - p) : n) * Math.Log(2 * Math.PI) + logDet + rss + (Reml ? logDetA : 0);
        if (gradient is not null) Gradient(gradient);
        return value;
    }

    private void Gradient(double[] gradient)
    {
        int p = _p;
        foreach (double[] g in _g) Array.Clear(g);
        var rt = new double[_t];
        var w = new double[_t];
        var linv = new double[_t * _t];
        var u = new double[_t * p];
        var z = new double[p];
        for (int i = 0; i < SubjectCount; i++)
        {
            int s = _start[i], m = _start[i + 1] - s, lo = _lOffset[i];
            double[] gsum = _g[_group[i]];
            for (int r = 0; r < m; r++)
            {
                double v = _yt[s + r];
                for (int j = 0; j < p; j++) v -= _xt[(s + r) * p + j] * _beta[j];
                rt[r] = v;
            }
            BackSubstitute(lo, m, rt, w);
            InvertLower(lo, m, linv);
            if (Reml)
            {
                // U = L⁻ᵀ Z with rows z = LA⁻¹ xt, so that WXA⁻¹XᵀW = UUᵀ.
                for (int r = 0; r < m; r++)
                {
                    ForwardSolve(_la, p, _xt.AsSpan((s + r) * p, p), z);
                    Array.Copy(z, 0, u, r * p, p);
                }
                for (int r = m - 1; r >= 0; r--)
                {
                    for (int k = r + 1; k < m; k++)
                    {
                        double lkr = _l[lo + k * m + r];
                        for (int j = 0; j < p; j++) u[r * p + j] -= lkr * u[k * p + j];
                    }
                    double inv = 1 / _l[lo + r * m + r];
                    for (int j = 0; j < p; j++) u[r * p + j] *= inv;
                }
            }
            for (int a = 0; a < m; a++)
            {
                int va = _visit[s + a];
                for (int b = 0; b <= a; b++)
                {
                    double wab = 0;
                    for (int c = a; c < m; c++) wab += linv[c * m + a] * linv[c * m + b];
                    double mab = wab - w[a] * w[b];
                    if (Reml)
                    {
                        double uu = 0;
                        for (int j = 0; j < p; j++) uu += u[a * p + j] * u[b * p + j];
                        mab -= uu;
                    }
                    int vb = _visit[s + b];
                    gsum[va * _t + vb] += mab;
                    if (a != b) gsum[vb * _t + va] += mab;
                }
            }
        }
        for (int g = 0; g < _groups; g++)
            for (int k = 0; k < _k; k++)
            {
                double sum = 0;
                double[] d = _dSigma[g][k];
                for (int e = 0; e < d.Length; e++) sum += d[e] * _g[g][e];
                gradient[g * _k + k] = sum;
            }
    }

    /// <summary>(XᵀV⁻¹X)⁻¹ at the last evaluation.</summary>
    public double[,] FixedCovariance()
    {
        int p = _p;
        var c = new double[p, p];
        var e = new double[p];
        var col = new double[p];
        for (int j = 0; j < p; j++)
        {
            Array.Clear(e); e[j] = 1;
            SolveWithCholesky(_la, p, e, col);
            for (int i = 0; i < p; i++) c[i, j] = col[i];
        }
        return c;
    }

    /// <summary>∂(lᵀ A⁻¹ l)/∂θ at the last evaluation (which must have computed the gradient, so ∂Σ/∂θ is current):
    /// uᵀ(Σᵢ XᵢᵀWᵢ ∂Σᵢ/∂θₖ WᵢXᵢ)u with u = A⁻¹l.</summary>
    public double[] VarianceGradient(double[] l)
    {
        int p = _p;
        var u = new double[p];
        SolveWithCholesky(_la, p, l, u);
        var h = Enumerable.Range(0, _groups).Select(_ => new double[_t * _t]).ToArray();
        var q = new double[_t];
        var a = new double[_t];
        for (int i = 0; i < SubjectCount; i++)
        {
            int s = _start[i], m = _start[i + 1] - s, lo = _lOffset[i];
            for (int r = 0; r < m; r++)
            {
                double v = 0;
                for (int j = 0; j < p; j++) v += _xt[(s + r) * p + j] * u[j];
                q[r] = v;
            }
            BackSubstitute(lo, m, q, a);
            double[] hg = h[_group[i]];
            for (int r = 0; r < m; r++)
                for (int c = 0; c < m; c++) hg[_visit[s + r] * _t + _visit[s + c]] += a[r] * a[c];
        }
        var grad = new double[ParameterCount];
        for (int g = 0; g < _groups; g++)
            for (int k = 0; k < _k; k++)
            {
                double sum = 0;
                double[] d = _dSigma[g][k];
                for (int e = 0; e < d.Length; e++) sum += d[e] * h[g][e];
                grad[g * _k + k] = sum;
            }
        return grad;
    }

    /// <summary>Σᵢ XᵢᵀWᵢrᵢrᵢᵀWᵢXᵢ at the last evaluation (the meat of the empirical sandwich).</summary>
    public double[,] ScoreOuterProduct()
    {
        int p = _p;
        var meat = new double[p, p];
        var s = new double[p];
        for (int i = 0; i < SubjectCount; i++)
        {
            Array.Clear(s);
            for (int o = _start[i]; o < _start[i + 1]; o++)
            {
                double r = _yt[o];
                for (int j = 0; j < p; j++) r -= _xt[o * p + j] * _beta[j];
                for (int j = 0; j < p; j++) s[j] += _xt[o * p + j] * r;
            }
            for (int j = 0; j < p; j++) for (int q = 0; q < p; q++) meat[j, q] += s[j] * s[q];
        }
        return meat;
    }

    private void BackSubstitute(int lo, int m, double[] rhs, double[] result)
    {
        for (int r = m - 1; r >= 0; r--)
        {
            double v = rhs[r];
            for (int k = r + 1; k < m; k++) v -= _l[lo + k * m + r] * result[k];
            result[r] = v / _l[lo + r * m + r];
        }
    }

    private void InvertLower(int lo, int m, double[] inv)
    {
        for (int c = 0; c < m; c++)
        {
            for (int r = 0; r < c; r++) inv[r * m + c] = 0;
            inv[c * m + c] = 1 / _l[lo + c * m + c];
            for (int r = c + 1; r < m; r++)
            {
                double v = 0;
                for (int k = c; k < r; k++) v -= _l[lo + r * m + k] * inv[k * m + c];
                inv[r * m + c] = v / _l[lo + r * m + r];
            }
        }
    }

    private static void ForwardSolve(double[] l, int n, ReadOnlySpan<double> rhs, double[] result)
    {
        for (int r = 0; r < n; r++)
        {
            double v = rhs[r];
            for (int k = 0; k < r; k++) v -= l[r * n + k] * result[k];
            result[r] = v / l[r * n + r];
        }
    }

    private static void SolveWithCholesky(double[] l, int n, IReadOnlyList<double> rhs, double[] result)
    {
        var z = new double[n];
        for (int r = 0; r < n; r++)
        {
            double v = rhs[r];
            for (int k = 0; k < r; k++) v -= l[r * n + k] * z[k];
            z[r] = v / l[r * n + r];
        }
        for (int r = n - 1; r >= 0; r--)
        {
            double v = z[r];
            for (int k = r + 1; k < n; k++) v -= l[k * n + r] * result[k];
            result[r] = v / l[r * n + r];
        }
    }
}
