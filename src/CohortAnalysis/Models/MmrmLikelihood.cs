namespace CohortAnalysis.Models;

/// <summary>The (restricted) log-likelihood of an MMRM with β profiled out, its exact gradient and exact Hessian in θ,
/// and the per-subject factors needed afterwards for LS means, Satterthwaite and Kenward–Roger df.</summary>
/// <remarks>
/// <para>With Σᵢ the covariance of subject i's observed visits (rows and columns of Σ_g(θ) for the subject's group g),
/// Wᵢ = Σᵢ⁻¹, A = Σ XᵢᵀWᵢXᵢ, C = A⁻¹ and β̂ = CΣXᵢᵀWᵢyᵢ:
/// −2ℓ_ML = n·log 2π + Σ log|Σᵢ| + Σ rᵢᵀWᵢrᵢ and −2ℓ_REML = (n−p)·log 2π + Σ log|Σᵢ| + log|A| + Σ rᵢᵀWᵢrᵢ
/// (SAS PROC MIXED's constants). Subjects are grouped by visit pattern (and covariance group): a pattern's Σ_P is
/// factored once (Σ_P = LLᵀ), its subjects' rows are whitened (L⁻¹Xᵢ, L⁻¹yᵢ), so no n×n matrix and no explicit
/// inverse of A is formed, and nothing is allocated per evaluation.</para>
/// <para>Derivatives are taken first in the entries of Σ_g (σ-space: Σ_g as a free T×T matrix, unit directions E_ab),
/// where they have closed forms, then carried to any parameterisation by its Jacobian J = ∂Σ/∂θ and second derivatives
/// (exact, hyper-dual). With P = V⁻¹ − V⁻¹XCXᵀV⁻¹ (block Pᵢⱼ = δᵢⱼWᵢ − GᵢCGⱼᵀ, Gᵢ = WᵢXᵢ) and wᵢ = Wᵢrᵢ = (Py)ᵢ:
/// ∂(−2ℓ)/∂Σ_ab = Σᵢ Mᵢ[a,b], Mᵢ = Wᵢ − wᵢwᵢᵀ − [REML] GᵢCGᵢᵀ;
/// ∂²(−2ℓ)/∂Σ_ab∂Σ_cd = −tr(P E_ab P E_cd) + 2 yᵀP E_ab P E_cd Py, where (REML)
/// tr(P E_ab P E_cd) = Σᵢ (W_bc W_da − W_da K_bc − K_da W_bc) + tr(C B_ab C B_cd), Kᵢ = GᵢCGᵢᵀ, B_ab = Σᵢ Gᵢ[a,·]ᵀGᵢ[b,·]
/// (ML: the first term only), and yᵀP E_ab P E_cd Py = Σᵢ W_ac wᵢ[b]wᵢ[d] − z_abᵀ C z_cd, z_ab = Σᵢ Gᵢ[a,·]ᵀwᵢ[b].
/// In θ: H = Jᵀ F J + Σ_ab ∂(−2ℓ)/∂Σ_ab · ∂²Σ_ab/∂θ∂θᵀ. The second term of F alone (JᵀF₂J, positive semi-definite) is
/// the average information matrix (Gilmour, Thompson &amp; Cullis 1995), used when H is not positive definite.</para>
/// <para>References: Harville (1977) JASA 72:320-338; Wolfinger, Tobias &amp; Sall (1994) SIAM J Sci Comput
/// 15:1294-1310; Gilmour, Thompson &amp; Cullis (1995) Biometrics 51:1440-1450.</para>
/// <para>Not thread-safe: it keeps the factors of the last evaluation.</para>
/// </remarks>
internal sealed class MmrmLikelihood
{
    private readonly int _p, _t, _k, _groups, _s;
    private readonly int[] _start, _visit, _group;
    private readonly double[] _y, _x;
    private readonly CovarianceParameterization _cov;
    private readonly Pattern[] _patterns;
    private readonly double[][] _sigma;
    private readonly double[][][] _dSigma;
    private readonly double[][] _gsum;
    private readonly double[] _xt, _yt, _rt, _a, _b, _la, _beta, _c, _z;
    private double[][]? _bMatrices; // B_s (p×p) per σ-space index, from the last Hessian
    private double[]? _f;           // ∂²(−2ℓ)/∂Σ∂Σ (S×S), from the last Hessian
    private bool _gradientCurrent;

    private sealed class Pattern(int group, int[] visits, int[] subjects)
    {
        public int Group { get; } = group;
        public int[] Visits { get; } = visits;
        public int[] Subjects { get; } = subjects;
        public double[] L { get; } = new double[visits.Length * visits.Length];
        public double[] Linv { get; } = new double[visits.Length * visits.Length];
        /// <summary>Σᵢ r̃ᵢr̃ᵢᵀ and Σᵢ X̃ᵢCX̃ᵢᵀ over the pattern's subjects, whitened (from the last gradient).</summary>
        public double[] R { get; } = new double[visits.Length * visits.Length];
        public double[] K { get; } = new double[visits.Length * visits.Length];
    }

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
        _s = groups * _t * _t;
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = new List<string>();
        for (int i = 0; i < SubjectCount; i++)
        {
            string key = subjectGroup[i] + ":" + string.Join(",", visit[subjectStart[i]..subjectStart[i + 1]]);
            if (!byKey.TryGetValue(key, out List<int>? list)) { byKey[key] = list = []; keys.Add(key); }
            list.Add(i);
        }
        _patterns = keys.Select(key =>
        {
            int first = byKey[key][0];
            return new Pattern(subjectGroup[first], visit[subjectStart[first]..subjectStart[first + 1]], byKey[key].ToArray());
        }).ToArray();
        _xt = new double[x.Length];
        _yt = new double[y.Length];
        _rt = new double[y.Length];
        _a = new double[p * p]; _b = new double[p]; _la = new double[p * p]; _beta = new double[p]; _c = new double[p * p];
        _z = new double[p];
        _sigma = Enumerable.Range(0, groups).Select(_ => new double[_t * _t]).ToArray();
        _dSigma = Enumerable.Range(0, groups).Select(_ => Enumerable.Range(0, _k).Select(_ => new double[_t * _t]).ToArray()).ToArray();
        _gsum = Enumerable.Range(0, groups).Select(_ => new double[_t * _t]).ToArray();
    }

    public bool Reml { get; }
    public int ObservationCount => _y.Length;
    public int SubjectCount => _start.Length - 1;
    public int FixedCount => _p;
    public int VisitCount => _t;
    public int GroupCount => _groups;
    /// <summary>Distinct (group, visit pattern) combinations.</summary>
    public int PatternCount => _patterns.Length;
    /// <summary>Covariance parameters in total (per group × groups).</summary>
    public int ParameterCount => _k * _groups;
    public CovarianceParameterization Covariance => _cov;

    private double[] _theta = [];

    /// <summary>θ of the last evaluation.</summary>
    public double[] CurrentTheta => _theta;

    /// <summary>β̂ at the last evaluation.</summary>
    public double[] Beta => _beta;

    /// <summary>Σ_g at the last evaluation (T×T row-major).</summary>
    public double[] Sigma(int group) => _sigma[group];

    /// <summary>−2 log-likelihood at θ; +∞ when some Σᵢ or A is not positive definite. Fills the gradient when given.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, double[]? gradient)
    {
        _gradientCurrent = false;
        _bMatrices = null;
        if (_theta.Length != theta.Length) _theta = new double[theta.Length];
        theta.CopyTo(_theta);
        for (int g = 0; g < _groups; g++)
        {
            _cov.Evaluate(theta.Slice(g * _k, _k), _sigma[g], gradient is null ? null : _dSigma[g]);
            foreach (double v in _sigma[g]) if (!double.IsFinite(v)) return double.PositiveInfinity;
        }
        Array.Clear(_a); Array.Clear(_b);
        double logDet = 0;
        int p = _p;
        foreach (Pattern pattern in _patterns)
        {
            double ld = FactorPattern(pattern);
            if (double.IsNaN(ld)) return double.PositiveInfinity;
            logDet += ld * pattern.Subjects.Length;
            int m = pattern.Visits.Length;
            double[] l = pattern.L;
            foreach (int i in pattern.Subjects)
            {
                int s = _start[i];
                for (int r = 0; r < m; r++)
                {
                    int row = (s + r) * p;
                    double yv = _y[s + r];
                    Span<double> xr = _xt.AsSpan(row, p);
                    _x.AsSpan(row, p).CopyTo(xr);
                    for (int k = 0; k < r; k++)
                    {
                        double lrk = l[r * m + k];
                        ReadOnlySpan<double> prev = _xt.AsSpan((s + k) * p, p);
                        for (int j = 0; j < p; j++) xr[j] -= lrk * prev[j];
                        yv -= lrk * _yt[s + k];
                    }
                    double inv = 1 / l[r * m + r];
                    for (int j = 0; j < p; j++) xr[j] *= inv;
                    double yr = yv * inv;
                    _yt[s + r] = yr;
                    for (int j = 0; j < p; j++)
                    {
                        double xj = xr[j];
                        if (xj == 0) continue;
                        int aj = j * p;
                        for (int q = 0; q <= j; q++) _a[aj + q] += xj * xr[q];
                        _b[j] += xj * yr;
                    }
                }
            }
        }
        for (int j = 0; j < p; j++) for (int q = 0; q < j; q++) _a[q * p + j] = _a[j * p + q];
        if (!CovarianceParameterization.CholeskyInto(_a, p, _la)) return double.PositiveInfinity;
        double logDetA = 0;
        for (int j = 0; j < p; j++) logDetA += 2 * Math.Log(_la[j * p + j]);
        SolveWithCholesky(_la, p, _b, _beta);
        double rss = 0;
        for (int o = 0; o < _y.Length; o++)
        {
            double r = _yt[o];
            ReadOnlySpan<double> xo = _xt.AsSpan(o * p, p);
            for (int j = 0; j < p; j++) r -= xo[j] * _beta[j];
            _rt[o] = r;
            rss += r * r;
        }
        int n = _y.Length;
        double value = (Reml ? (n - p) : n) * Math.Log(2 * Math.PI) + logDet + rss + (Reml ? logDetA : 0);
        if (gradient is not null) Gradient(gradient);
        return value;
    }

    /// <summary>Cholesky factor and its inverse of the pattern's Σ_P; returns log|Σ_P|, or NaN when not positive definite.</summary>
    private double FactorPattern(Pattern pattern)
    {
        int m = pattern.Visits.Length;
        double[] sigma = _sigma[pattern.Group], l = pattern.L, inv = pattern.Linv;
        int[] v = pattern.Visits;
        double logDet = 0;
        for (int c = 0; c < m; c++)
        {
            double d = sigma[v[c] * _t + v[c]];
            for (int k = 0; k < c; k++) d -= l[c * m + k] * l[c * m + k];
            if (!(d > 0)) return double.NaN;
            double lcc = Math.Sqrt(d);
            l[c * m + c] = lcc;
            logDet += 2 * Math.Log(lcc);
            for (int r = c + 1; r < m; r++)
            {
                double x = sigma[v[r] * _t + v[c]];
                for (int k = 0; k < c; k++) x -= l[r * m + k] * l[c * m + k];
                l[r * m + c] = x / lcc;
            }
            for (int r = 0; r < c; r++) l[r * m + c] = 0;
        }
        for (int c = 0; c < m; c++)
        {
            for (int r = 0; r < c; r++) inv[r * m + c] = 0;
            inv[c * m + c] = 1 / l[c * m + c];
            for (int r = c + 1; r < m; r++)
            {
                double x = 0;
                for (int k = c; k < r; k++) x -= l[r * m + k] * inv[k * m + c];
                inv[r * m + c] = x / l[r * m + r];
            }
        }
        return logDet;
    }

    private void Gradient(double[] gradient)
    {
        int p = _p;
        foreach (double[] g in _gsum) Array.Clear(g);
        foreach (Pattern pattern in _patterns)
        {
            int m = pattern.Visits.Length;
            double[] rr = pattern.R, kk = pattern.K;
            Array.Clear(rr); Array.Clear(kk);
            foreach (int i in pattern.Subjects)
            {
                int s = _start[i];
                for (int a = 0; a < m; a++)
                    for (int b = 0; b <= a; b++) rr[a * m + b] += _rt[s + a] * _rt[s + b];
                if (!Reml) continue;
                // K̃ = Σ X̃CX̃ᵀ = Σ (L_A⁻¹x̃)(L_A⁻¹x̃)ᵀ, with the solved rows kept in _zrows.
                EnsureRows(m);
                for (int a = 0; a < m; a++)
                {
                    ForwardSolve(_la, p, _xt.AsSpan((s + a) * p, p), _zrows.AsSpan(a * p, p));
                    for (int b = 0; b <= a; b++)
                    {
                        double dot = 0;
                        ReadOnlySpan<double> za = _zrows.AsSpan(a * p, p), zb = _zrows.AsSpan(b * p, p);
                        for (int j = 0; j < p; j++) dot += za[j] * zb[j];
                        kk[a * m + b] += dot;
                    }
                }
            }
            for (int a = 0; a < m; a++)
                for (int b = 0; b < a; b++) { rr[b * m + a] = rr[a * m + b]; kk[b * m + a] = kk[a * m + b]; }
            // M = L⁻ᵀ (n I − R̃ − K̃) L⁻¹ in the T×T gradient matrix of the group.
            int n = pattern.Subjects.Length;
            double[] inv = pattern.Linv, gsum = _gsum[pattern.Group];
            for (int a = 0; a < m; a++)
                for (int b = 0; b <= a; b++)
                {
                    double sum = 0;
                    for (int r = a; r < m; r++)
                        for (int c = b; c < m; c++)
                        {
                            double nrc = (r == c ? n : 0) - rr[r * m + c] - kk[r * m + c];
                            sum += inv[r * m + a] * nrc * inv[c * m + b];
                        }
                    int va = pattern.Visits[a], vb = pattern.Visits[b];
                    gsum[va * _t + vb] += sum;
                    if (a != b) gsum[vb * _t + va] += sum;
                }
        }
        for (int g = 0; g < _groups; g++)
            for (int k = 0; k < _k; k++) gradient[g * _k + k] = Dot(_dSigma[g][k], _gsum[g]);
        _gradientCurrent = true;
    }

    private double[] _zrows = [];
    private void EnsureRows(int m) { if (_zrows.Length < m * _p) _zrows = new double[m * _p]; }

    /// <summary>Exact Hessian of −2ℓ in θ and the average-information matrix at the last evaluation (which must have
    /// computed the gradient at <paramref name="theta"/>). Keeps B_ab for <see cref="VarianceGradient"/>.</summary>
    public (double[,] Hessian, double[,] AverageInformation) Hessian(ReadOnlySpan<double> theta)
    {
        if (!_gradientCurrent) throw new InvalidOperationException("Evaluate with a gradient first.");
        SigmaSpace(out double[] f, out double[] f2);
        _f = f;
        int kk = ParameterCount, t2 = _t * _t;
        var second = Enumerable.Range(0, _k * _k).Select(_ => new double[t2]).ToArray();
        var sigma = new double[t2];
        var hessian = new double[kk, kk];
        var ai = new double[kk, kk];
        // Jᵀ F J over the σ-space indices s = g·T² + e; parameter g·k + j moves only group g.
        var fj = new double[_s];
        var f2j = new double[_s];
        for (int g2 = 0; g2 < _groups; g2++)
            for (int l = 0; l < _k; l++)
            {
                double[] jl = _dSigma[g2][l];
                int col = g2 * _k + l, off2 = g2 * t2;
                for (int s = 0; s < _s; s++)
                {
                    double a = 0, b = 0;
                    int row = s * _s + off2;
                    for (int e = 0; e < t2; e++)
                    {
                        if (jl[e] == 0) continue;
                        a += f[row + e] * jl[e];
                        b += f2[row + e] * jl[e];
                    }
                    fj[s] = a; f2j[s] = b;
                }
                for (int g1 = 0; g1 < _groups; g1++)
                    for (int k = 0; k < _k; k++)
                    {
                        double[] jk = _dSigma[g1][k];
                        double a = 0, b = 0;
                        int off1 = g1 * t2;
                        for (int e = 0; e < t2; e++) { a += jk[e] * fj[off1 + e]; b += jk[e] * f2j[off1 + e]; }
                        hessian[g1 * _k + k, col] = a;
                        ai[g1 * _k + k, col] = b;
                    }
            }
        for (int g = 0; g < _groups; g++)
        {
            _cov.Evaluate(theta.Slice(g * _k, _k), sigma, null, second);
            for (int k = 0; k < _k; k++)
                for (int l = 0; l < _k; l++) hessian[g * _k + k, g * _k + l] += Dot(second[k * _k + l], _gsum[g]);
        }
        for (int i = 0; i < kk; i++)
            for (int j = 0; j < i; j++)
            {
                hessian[i, j] = hessian[j, i] = (hessian[i, j] + hessian[j, i]) / 2;
                ai[i, j] = ai[j, i] = (ai[i, j] + ai[j, i]) / 2;
            }
        return (hessian, ai);
    }

    /// <summary>The σ-space second derivatives F = −T₁ + 2T₂ and T₂ (S×S, row-major; S = groups·T²) and the B_ab matrices.</summary>
    private void SigmaSpace(out double[] f, out double[] t2Out)
    {
        int p = _p, t = _t, tt = t * t, S = _s;
        var t1 = new double[S * S];
        var t2 = new double[S * S];
        var z = new double[S * p];
        var b = new double[S][];
        for (int s = 0; s < S; s++) b[s] = [];
        var c = _c;
        InverseFromCholesky(_la, p, c);
        double[] gRows = [], w = [], wm = [], om = [], km = [];
        foreach (Pattern pattern in _patterns)
        {
            int m = pattern.Visits.Length, n = pattern.Subjects.Length, off = pattern.Group * tt;
            int[] v = pattern.Visits;
            double[] inv = pattern.Linv;
            if (gRows.Length < m * p) gRows = new double[m * p];
            if (w.Length < m) w = new double[m];
            if (wm.Length < m * m) { wm = new double[m * m]; om = new double[m * m]; km = new double[m * m]; }
            // W = L⁻ᵀL⁻¹, Ω = L⁻ᵀR̃L⁻¹, K = L⁻ᵀK̃L⁻¹.
            for (int a = 0; a < m; a++)
                for (int bb = 0; bb < m; bb++)
                {
                    double sw = 0, so = 0, sk = 0;
                    int lo = Math.Max(a, bb);
                    for (int r = lo; r < m; r++) sw += inv[r * m + a] * inv[r * m + bb];
                    for (int r = a; r < m; r++)
                        for (int q = bb; q < m; q++)
                        {
                            double f1 = inv[r * m + a] * inv[q * m + bb];
                            so += f1 * pattern.R[r * m + q];
                            sk += f1 * pattern.K[r * m + q];
                        }
                    wm[a * m + bb] = sw; om[a * m + bb] = so; km[a * m + bb] = Reml ? sk : 0;
                }
            foreach (int i in pattern.Subjects)
            {
                int s0 = _start[i];
                // Gᵢ = L⁻ᵀX̃ᵢ (rows a), wᵢ = L⁻ᵀr̃ᵢ.
                for (int a = 0; a < m; a++)
                {
                    Span<double> ga = gRows.AsSpan(a * p, p);
                    ga.Clear();
                    double wa = 0;
                    for (int r = a; r < m; r++)
                    {
                        double lra = inv[r * m + a];
                        ReadOnlySpan<double> xr = _xt.AsSpan((s0 + r) * p, p);
                        for (int j = 0; j < p; j++) ga[j] += lra * xr[j];
                        wa += lra * _rt[s0 + r];
                    }
                    w[a] = wa;
                }
                for (int a = 0; a < m; a++)
                {
                    ReadOnlySpan<double> ga = gRows.AsSpan(a * p, p);
                    for (int bb = 0; bb < m; bb++)
                    {
                        int s = off + v[a] * t + v[bb];
                        double wb = w[bb];
                        Span<double> zs = z.AsSpan(s * p, p);
                        for (int j = 0; j < p; j++) zs[j] += ga[j] * wb;
                        if (bb > a) continue;
                        if (b[s].Length == 0) b[s] = new double[p * p];
                        double[] bs = b[s];
                        ReadOnlySpan<double> gb = gRows.AsSpan(bb * p, p);
                        for (int j = 0; j < p; j++)
                        {
                            double gj = ga[j];
                            if (gj == 0) continue;
                            int row = j * p;
                            for (int q = 0; q < p; q++) bs[row + q] += gj * gb[q];
                        }
                    }
                }
            }
            // Pattern-local 4-index terms.
            for (int a = 0; a < m; a++)
                for (int bb = 0; bb < m; bb++)
                {
                    int s = off + v[a] * t + v[bb];
                    for (int cc = 0; cc < m; cc++)
                        for (int d = 0; d < m; d++)
                        {
                            int u = off + v[cc] * t + v[d];
                            t1[s * S + u] += n * wm[bb * m + cc] * wm[d * m + a] - wm[d * m + a] * km[bb * m + cc] - km[d * m + a] * wm[bb * m + cc];
                            t2[s * S + u] += wm[a * m + cc] * om[bb * m + d];
                        }
                }
        }
        // B_ba = B_abᵀ.
        for (int g = 0; g < _groups; g++)
            for (int a = 0; a < t; a++)
                for (int bb = 0; bb < a; bb++)
                {
                    int s = g * tt + a * t + bb, sT = g * tt + bb * t + a;
                    if (b[s].Length == 0) continue;
                    var bt = new double[p * p];
                    for (int j = 0; j < p; j++) for (int q = 0; q < p; q++) bt[q * p + j] = b[s][j * p + q];
                    b[sT] = bt;
                }
        // Global terms through C: T₂ −= z_sᵀCz_u; T₁ += tr(C B_s C B_u) (REML).
        var cz = new double[S * p];
        for (int s = 0; s < S; s++) MultiplyInto(c, p, z.AsSpan(s * p, p), cz.AsSpan(s * p, p));
        for (int s = 0; s < S; s++)
            for (int u = 0; u < S; u++)
            {
                double dot = 0;
                ReadOnlySpan<double> zs = z.AsSpan(s * p, p), cu = cz.AsSpan(u * p, p);
                for (int j = 0; j < p; j++) dot += zs[j] * cu[j];
                t2[s * S + u] -= dot;
            }
        if (Reml)
        {
            var d = new double[S][];
            for (int s = 0; s < S; s++) d[s] = b[s].Length == 0 ? [] : MatrixProduct(c, b[s], p);
            for (int s = 0; s < S; s++)
            {
                if (d[s].Length == 0) continue;
                for (int u = 0; u <= s; u++)
                {
                    if (d[u].Length == 0) continue;
                    double tr = 0;
                    double[] ds = d[s], du = d[u];
                    for (int i = 0; i < p; i++)
                        for (int j = 0; j < p; j++) tr += ds[i * p + j] * du[j * p + i];
                    t1[s * S + u] += tr;
                    if (u != s) t1[u * S + s] += tr;
                }
            }
        }
        f = new double[S * S];
        for (int e = 0; e < f.Length; e++) f[e] = -t1[e] + 2 * t2[e];
        t2Out = t2;
        _bMatrices = b;
    }

    /// <summary>(XᵀV⁻¹X)⁻¹ at the last evaluation.</summary>
    public double[,] FixedCovariance()
    {
        int p = _p;
        InverseFromCholesky(_la, p, _c);
        var c = new double[p, p];
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) c[i, j] = _c[i * p + j];
        return c;
    }

    /// <summary>∂(lᵀA⁻¹l)/∂θ at the last <see cref="Hessian"/>: Σ_ab J_ab,k uᵀB_ab u with u = A⁻¹l.</summary>
    public double[] VarianceGradient(double[] l)
    {
        double[] b = SigmaVarianceGradient(l);
        int tt = _t * _t;
        var grad = new double[ParameterCount];
        for (int g = 0; g < _groups; g++)
            for (int k = 0; k < _k; k++) grad[g * _k + k] = Dot(_dSigma[g][k], b.AsSpan(g * tt, tt));
        return grad;
    }

    /// <summary>∂(lᵀA⁻¹l)/∂Σ_ab for every σ-space index (groups·T²).</summary>
    public double[] SigmaVarianceGradient(double[] l)
    {
        double[][] bm = _bMatrices ?? throw new InvalidOperationException("Compute the Hessian first.");
        int p = _p;
        var u = new double[p];
        SolveWithCholesky(_la, p, l, u);
        var result = new double[_s];
        var bu = new double[p];
        for (int s = 0; s < _s; s++)
        {
            if (bm[s].Length == 0) continue;
            MultiplyInto(bm[s], p, u, bu);
            result[s] = Dot(u, bu);
        }
        return result;
    }

    /// <summary>B_ab = Σᵢ Gᵢ[a,·]ᵀGᵢ[b,·] (p×p row-major; empty when no subject has both visits) per σ-space index,
    /// at the last <see cref="Hessian"/>: ∂A/∂Σ_ab = −B_ab.</summary>
    public double[][] SigmaDesignDerivatives => _bMatrices ?? throw new InvalidOperationException("Compute the Hessian first.");

    /// <summary>∂²(−2ℓ)/∂Σ_ab∂Σ_cd (S×S row-major, S = groups·T²) at the last <see cref="Hessian"/>.</summary>
    public double[] SigmaHessian => _f ?? throw new InvalidOperationException("Compute the Hessian first.");

    /// <summary>∂(−2ℓ)/∂Σ_ab per group (T×T) at the last evaluation with a gradient.</summary>
    public double[][] SigmaGradient => _gsum;

    /// <summary>∂Σ_g/∂θ at the last evaluation with a gradient: [group][k] → T×T row-major.</summary>
    public double[][][] Jacobian => _dSigma;

    /// <summary>For each pattern: its group, visits, and Σᵢ Gᵢ[a,·]ᵀGᵢ[d,·] (m² blocks of p×p) and W_P, at the last
    /// evaluation; used by the Kenward–Roger adjustment.</summary>
    public IEnumerable<(int Group, int[] Visits, double[] W, double[][] GG)> PatternProducts()
    {
        int p = _p;
        foreach (Pattern pattern in _patterns)
        {
            int m = pattern.Visits.Length;
            double[] inv = pattern.Linv;
            var wm = new double[m * m];
            for (int a = 0; a < m; a++)
                for (int b = 0; b < m; b++)
                {
                    double sw = 0;
                    for (int r = Math.Max(a, b); r < m; r++) sw += inv[r * m + a] * inv[r * m + b];
                    wm[a * m + b] = sw;
                }
            var gg = Enumerable.Range(0, m * m).Select(_ => new double[p * p]).ToArray();
            var g = new double[m * p];
            foreach (int i in pattern.Subjects)
            {
                int s0 = _start[i];
                Array.Clear(g);
                for (int a = 0; a < m; a++)
                    for (int r = a; r < m; r++)
                    {
                        double lra = inv[r * m + a];
                        for (int j = 0; j < p; j++) g[a * p + j] += lra * _xt[(s0 + r) * p + j];
                    }
                for (int a = 0; a < m; a++)
                    for (int d = 0; d < m; d++)
                    {
                        double[] block = gg[a * m + d];
                        for (int j = 0; j < p; j++)
                        {
                            double gj = g[a * p + j];
                            if (gj == 0) continue;
                            for (int q = 0; q < p; q++) block[j * p + q] += gj * g[d * p + q];
                        }
                    }
            }
            yield return (pattern.Group, pattern.Visits, wm, gg);
        }
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
                for (int j = 0; j < p; j++) s[j] += _xt[o * p + j] * _rt[o];
            for (int j = 0; j < p; j++) for (int q = 0; q < p; q++) meat[j, q] += s[j] * s[q];
        }
        return meat;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static void MultiplyInto(double[] m, int n, ReadOnlySpan<double> v, Span<double> result)
    {
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += m[i * n + j] * v[j];
            result[i] = s;
        }
    }

    private static double[] MatrixProduct(double[] a, double[] b, int n)
    {
        var r = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                double aik = a[i * n + k];
                if (aik == 0) continue;
                for (int j = 0; j < n; j++) r[i * n + j] += aik * b[k * n + j];
            }
        return r;
    }

    private static void InverseFromCholesky(double[] l, int n, double[] inverse)
    {
        var e = new double[n];
        var col = new double[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(e); e[j] = 1;
            SolveWithCholesky(l, n, e, col);
            for (int i = 0; i < n; i++) inverse[i * n + j] = col[i];
        }
    }

    private static void ForwardSolve(double[] l, int n, ReadOnlySpan<double> rhs, Span<double> result)
    {
        for (int r = 0; r < n; r++)
        {
            double v = rhs[r];
            for (int k = 0; k < r; k++) v -= l[r * n + k] * result[k];
            result[r] = v / l[r * n + r];
        }
    }

    /// <summary>Solves LLᵀx = rhs given the lower Cholesky factor L (n × n, row-major).</summary>
    internal static void SolveWithCholesky(double[] l, int n, IReadOnlyList<double> rhs, double[] result)
    {
        Span<double> z = n <= 256 ? stackalloc double[n] : new double[n];
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
