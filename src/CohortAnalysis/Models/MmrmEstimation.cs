using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace CohortAnalysis.Models;

/// <summary>One maximisation of the MMRM likelihood for one covariance structure, with what inference needs afterwards:
/// β̂, (XᵀV̂⁻¹X)⁻¹, the Hessian in θ, and per-L Satterthwaite, between-within and residual df.</summary>
internal sealed class MmrmEstimation
{
    private readonly MmrmLikelihood _likelihood;
    private readonly double[,] _thetaCovariance; // 2·H⁻¹: asymptotic covariance of θ̂ (inverse observed information)

    private MmrmEstimation(MmrmDesign design, CovarianceStructure structure, MmrmLikelihood likelihood, LikelihoodMaximizer.Outcome outcome)
    {
        Design = design;
        Structure = structure;
        _likelihood = likelihood;
        Outcome = outcome;
        Beta = Vector<double>.Build.DenseOfArray((double[])likelihood.Beta.Clone());
        Covariance = Matrix<double>.Build.DenseOfArray(likelihood.FixedCovariance());
        int k = outcome.Theta.Length;
        _thetaCovariance = new double[k, k];
        for (int j = 0; j < k; j++)
        {
            var e = new double[k];
            e[j] = 2;
            double[]? col = LikelihoodMaximizer.SolvePositiveDefinite(outcome.Hessian, e);
            for (int i = 0; i < k; i++) _thetaCovariance[i, j] = col?[i] ?? double.NaN;
        }
        Sigma = Enumerable.Range(0, likelihood.GroupCount).Select(g => (double[])likelihood.Sigma(g).Clone()).ToArray();
        Natural = Enumerable.Range(0, likelihood.GroupCount)
            .Select(g => likelihood.Covariance.Natural(outcome.Theta.AsSpan(g * likelihood.Covariance.Count, likelihood.Covariance.Count)))
            .ToArray();
    }

    public MmrmDesign Design { get; }
    /// <summary>The likelihood, its state at θ̂ (tests move it to check sensitivity).</summary>
    internal MmrmLikelihood Likelihood => _likelihood;
    public CovarianceStructure Structure { get; }
    public LikelihoodMaximizer.Outcome Outcome { get; }
    public bool Reml => _likelihood.Reml;
    public Vector<double> Beta { get; }
    /// <summary>Model-based covariance of β̂: (XᵀV̂⁻¹X)⁻¹.</summary>
    public Matrix<double> Covariance { get; }
    /// <summary>Σ̂ per covariance group (T×T, row-major).</summary>
    public double[][] Sigma { get; }
    /// <summary>Covariance parameters per group in SAS's names.</summary>
    public IReadOnlyList<(string Name, double Value)>[] Natural { get; }
    public int ParameterCount => _likelihood.ParameterCount;
    public double Minus2LogLikelihood => Outcome.Value;

    /// <summary>Fits one structure, starting from the residual covariance of an OLS fit.</summary>
    public static MmrmEstimation Fit(MmrmDesign design, CovarianceStructure structure, bool reml) => Fit(design, structure, reml, null);

    /// <summary>Fits one structure from <paramref name="start"/> (θ of the same structure and visits, e.g. the estimates on
    /// similar data: a warm start), or from the residual covariance of an OLS fit when null.</summary>
    public static MmrmEstimation Fit(MmrmDesign design, CovarianceStructure structure, bool reml, double[]? start)
    {
        var cov = new CovarianceParameterization(structure, design.VisitTimes);
        int groups = design.GroupLabels.Length;
        for (int g = 0; g < groups; g++)
        {
            int n = design.SubjectGroup.Count(s => s == g);
            if (n < cov.Count)
                throw new ModelSpecificationException(string.Create(CultureInfo.InvariantCulture,
                    $"{(groups > 1 ? $"Group {design.GroupLabels[g]} has" : "The data have")} {n} subjects, fewer than the {cov.Count} parameters of the {Describe(structure)} covariance over {cov.T} visits; choose a structure with fewer parameters."));
        }
        var likelihood = new MmrmLikelihood(design.SubjectStart, design.Visit, design.Y, design.X, design.Frame.ColumnCount,
            design.SubjectGroup, groups, cov, reml);
        if (start is not null && start.Length != cov.Count * groups)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{start.Length} starting values for the {cov.Count * groups} covariance parameters."), nameof(start));
        if (start is null)
        {
            start = new double[cov.Count * groups];
            for (int g = 0; g < groups; g++)
                cov.Start(design.ResidualCovariance(groups > 1 ? g : -1)).CopyTo(start, g * cov.Count);
        }
        LikelihoodMaximizer.Outcome outcome = LikelihoodMaximizer.Minimize(likelihood, start);
        // Minimize leaves the likelihood's state (factors, ∂Σ/∂θ, B_ab) at θ̂.
        return new MmrmEstimation(design, structure, likelihood, outcome);
    }

    /// <summary>Satterthwaite df for L·β: 2(LCLᵀ)² / (gᵀ Cov(θ̂) g), g = ∂(LCLᵀ)/∂θ (SAS DDFM=SATTERTHWAITE).</summary>
    public double Satterthwaite(double[] l)
    {
        double variance = LinearEstimate.Quadratic(l, Covariance);
        double[] g = _likelihood.VarianceGradient(l);
        double v = 0;
        for (int i = 0; i < g.Length; i++)
            for (int j = 0; j < g.Length; j++) v += g[i] * _thetaCovariance[i, j] * g[j];
        return 2 * variance * variance / v;
    }

    /// <summary>n − rank(X) (SAS DDFM=RESIDUAL).</summary>
    public double ResidualDf => Design.Y.Length - Design.Frame.ColumnCount;

    /// <summary>Between-within df for L·β: the smallest df of the coefficients L involves, where a coefficient whose column
    /// is constant within every subject gets the between-subject df (subjects − rank of those columns) and any other the
    /// within-subject df (observations − subjects − rank of the within columns) (Schluchter &amp; Elashoff 1990; SAS DDFM=BW
    /// without its partition of within-subject df by effect, as R mmrm).</summary>
    public double BetweenWithin(double[] l)
    {
        bool[] between = BetweenColumns();
        int nb = between.Count(b => b), nw = between.Length - nb;
        double dfBetween = Design.SubjectCount - nb;
        double dfWithin = Design.Y.Length - Design.SubjectCount - nw;
        double df = double.PositiveInfinity;
        for (int j = 0; j < l.Length; j++)
            if (l[j] != 0) df = Math.Min(df, between[j] ? dfBetween : dfWithin);
        return double.IsPositiveInfinity(df) ? dfBetween : df;
    }

    private bool[] _between = [];

    private bool[] BetweenColumns()
    {
        if (_between.Length > 0) return _between;
        int p = Design.Frame.ColumnCount;
        var result = new bool[p];
        for (int j = 0; j < p; j++)
        {
            bool constant = true;
            for (int i = 0; i < Design.SubjectCount && constant; i++)
                for (int o = Design.SubjectStart[i] + 1; o < Design.SubjectStart[i + 1]; o++)
                    if (Design.X[o * p + j] != Design.X[Design.SubjectStart[i] * p + j]) { constant = false; break; }
            result[j] = constant;
        }
        return _between = result;
    }

    /// <summary>Empirical (sandwich) covariance C·(Σ XᵢᵀWᵢrᵢrᵢᵀWᵢXᵢ)·C (Liang &amp; Zeger 1986; SAS EMPIRICAL).</summary>
    public Matrix<double> EmpiricalCovariance()
    {
        Matrix<double> meat = Matrix<double>.Build.DenseOfArray(_likelihood.ScoreOuterProduct());
        return Covariance * meat * Covariance;
    }

    /// <summary>The Kenward–Roger adjusted covariance of β̂ (Kenward &amp; Roger 1997, eq. 3-4; SAS DDFM=KR):
    /// Φ_A = Φ + 2Φ{Σᵢⱼ Wᵢⱼ(Qᵢⱼ − PᵢΦPⱼ − ¼Rᵢⱼ)}Φ, with Φ = (XᵀV⁻¹X)⁻¹, Pᵢ = −XᵀV⁻¹VᵢV⁻¹X,
    /// Qᵢⱼ = XᵀV⁻¹VᵢV⁻¹VⱼV⁻¹X, Rᵢⱼ = XᵀV⁻¹VᵢⱼV⁻¹X, derivatives in SAS's covariance parameters φ (UN(i,j), CS and
    /// Residual, Var(i), …: the adjustment is not invariant to the parameterisation, SAS's is the one to match) and
    /// W = 2H_φ⁻¹ the inverse observed information of φ̂ (as SAS; pbkrtest uses the expected information, equal in
    /// balanced designs). <paramref name="firstOrder"/>: Rᵢⱼ dropped (SAS DDFM=KR(FIRSTORDER), the
    /// Prasad–Rao–Jeske–Kackar–Harville estimator); for the linear UN, CS and TOEP the two coincide.</summary>
    public Matrix<double> KenwardRogerCovariance(bool firstOrder) => KenwardRoger(firstOrder).Adjusted;

    private KenwardRogerParts? _kenwardRoger, _kenwardRogerFirstOrder;

    /// <summary>Φ_A with the Pᵢ and W it was built from, which the multi-df F test needs too; computed once per variant.</summary>
    private sealed record KenwardRogerParts(Matrix<double> Adjusted, Matrix<double>[] P, double[,] W);

    private KenwardRogerParts KenwardRoger(bool firstOrder) => firstOrder
        ? _kenwardRogerFirstOrder ??= ComputeKenwardRoger(true)
        : _kenwardRoger ??= ComputeKenwardRoger(false);

    /// <summary>The Kenward–Roger F test of H₀ Lβ = 0 for a q-row L (Kenward &amp; Roger 1997, §4; SAS DDFM=KR, pbkrtest
    /// <c>KRmodcomp</c>): F = (Lβ̂)ᵀ(LΦ_ALᵀ)⁻¹(Lβ̂)/q, scaled by λ and referred to F(q, m). With Θ = Lᵀ(LΦLᵀ)⁻¹L,
    /// A₁ = Σᵢⱼ Wᵢⱼ tr(ΘΦPᵢΦ) tr(ΘΦPⱼΦ), A₂ = Σᵢⱼ Wᵢⱼ tr(ΘΦPᵢΦΘΦPⱼΦ), B = (A₁ + 6A₂)/(2q),
    /// g = ((q + 1)A₁ − (q + 4)A₂)/((q + 2)A₂), c₁ = g/(3q + 2(1 − g)), c₂ = (q − g)/(3q + 2(1 − g)),
    /// c₃ = (q + 2 − g)/(3q + 2(1 − g)), E* = 1/(1 − A₂/q), V* = (2/q)(1 + c₁B)/((1 − c₂B)²(1 − c₃B)),
    /// ρ = V*/(2E*²): m = 4 + (q + 2)/(qρ − 1) and λ = m/(E*(m − 2)). For q = 1, λ = 1 and m is the Satterthwaite df.</summary>
    /// <returns>The scaled statistic λF, the denominator df m and the scale λ.</returns>
    public (double F, double DenominatorDf, double Scale) KenwardRogerTest(Matrix<double> l, bool firstOrder)
    {
        KenwardRogerParts kr = KenwardRoger(firstOrder);
        int q = l.RowCount;
        Matrix<double> phi = Covariance;
        Vector<double> lb = l * Beta;
        double f = lb.DotProduct((l * kr.Adjusted * l.Transpose()).Solve(lb)) / q;
        Matrix<double> theta = l.Transpose() * (l * phi * l.Transpose()).Inverse() * l;
        Matrix<double>[] m = kr.P.Select(pi => theta * phi * pi * phi).ToArray();
        double[] trace = m.Select(x => x.Trace()).ToArray();
        double a1 = 0, a2 = 0;
        for (int i = 0; i < m.Length; i++)
            for (int j = 0; j < m.Length; j++)
            {
                double w = kr.W[i, j];
                if (w == 0) continue;
                a1 += w * trace[i] * trace[j];
                a2 += w * TraceOfProduct(m[i], m[j]);
            }
        double b = (a1 + 6 * a2) / (2 * q);
        double g = ((q + 1) * a1 - (q + 4) * a2) / ((q + 2) * a2);
        double d = 3 * q + 2 * (1 - g);
        double c1 = g / d, c2 = (q - g) / d, c3 = (q + 2 - g) / d;
        double eStar = 1 / (1 - a2 / q);
        double vStar = 2.0 / q * (1 + c1 * b) / ((1 - c2 * b) * (1 - c2 * b) * (1 - c3 * b));
        double rho = vStar / (2 * eStar * eStar);
        double df = 4 + (q + 2) / (q * rho - 1);
        double lambda = df / (eStar * (df - 2));
        return (lambda * f, df, lambda);
    }

    /// <summary>The Satterthwaite F test of H₀ Lβ = 0 for a q-row L (Fai &amp; Cornelius 1996; SAS DDFM=SATTERTHWAITE,
    /// lmerTest): F = (Lβ̂)ᵀ(LΦLᵀ)⁻¹(Lβ̂)/q; with LΦLᵀ = PDPᵀ, νₖ the Satterthwaite df of the contrast PₖᵀL and
    /// E = Σ νₖ/(νₖ − 2), the denominator df are 2E/(E − q) (2 when some νₖ ≤ 2, as lmerTest).</summary>
    public (double F, double DenominatorDf) SatterthwaiteTest(Matrix<double> l)
    {
        int q = l.RowCount;
        Matrix<double> middle = l * Covariance * l.Transpose();
        Vector<double> lb = l * Beta;
        double f = lb.DotProduct(middle.Solve(lb)) / q;
        if (q == 1) return (f, Satterthwaite(l.Row(0).ToArray()));
        Matrix<double> vectors = middle.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenVectors;
        double e = 0;
        for (int k = 0; k < q; k++)
        {
            double nu = Satterthwaite((vectors.Column(k) * l).ToArray());
            if (!(nu > 2)) return (f, 2);
            e += nu / (nu - 2);
        }
        return (f, 2 * e / (e - q));
    }

    private static double TraceOfProduct(Matrix<double> a, Matrix<double> b)
    {
        double sum = 0;
        for (int r = 0; r < a.RowCount; r++)
            for (int c = 0; c < a.ColumnCount; c++) sum += a[r, c] * b[c, r];
        return sum;
    }

    private KenwardRogerParts ComputeKenwardRoger(bool firstOrder)
    {
        MmrmLikelihood lik = _likelihood;
        CovarianceParameterization cov = lik.Covariance;
        int p = lik.FixedCount, k = cov.Count, groups = lik.GroupCount, kk = k * groups, t = lik.VisitCount, tt = t * t, S = groups * tt;
        var d1 = new double[groups][][];
        var d2 = new double[groups][][];
        var sigma = new double[tt];
        for (int g = 0; g < groups; g++)
        {
            double[] phi = Natural[g].Select(n => n.Value).ToArray();
            if (phi.Length != k) throw new NotSupportedException($"Kenward-Roger needs the {Describe(Structure)} structure over at least two visits.");
            d1[g] = Enumerable.Range(0, k).Select(_ => new double[tt]).ToArray();
            d2[g] = Enumerable.Range(0, k * k).Select(_ => new double[tt]).ToArray();
            cov.EvaluateNatural(phi, sigma, d1[g], d2[g]);
        }
        double[] f = lik.SigmaHessian;
        double[][] gs = lik.SigmaGradient;
        var h = new double[kk, kk];
        for (int a = 0; a < kk; a++)
            for (int b = 0; b < kk; b++)
            {
                int g1 = a / k, i = a % k, g2 = b / k, j = b % k;
                double sum = 0;
                double[] ji = d1[g1][i], jj = d1[g2][j];
                for (int e1 = 0; e1 < tt; e1++)
                {
                    if (ji[e1] == 0) continue;
                    int row = (g1 * tt + e1) * S + g2 * tt;
                    double hf = 0;
                    for (int e2 = 0; e2 < tt; e2++) hf += f[row + e2] * jj[e2];
                    sum += ji[e1] * hf;
                }
                if (g1 == g2) for (int e = 0; e < tt; e++) sum += gs[g1][e] * d2[g1][i * k + j][e];
                h[a, b] = sum;
            }
        var w = new double[kk, kk];
        for (int j = 0; j < kk; j++)
        {
            var e = new double[kk];
            e[j] = 2;
            double[] col = LikelihoodMaximizer.SolvePositiveDefinite(h, e)
                ?? throw new ModelFitException("Kenward-Roger: the information matrix of the covariance parameters is not positive definite.");
            for (int i = 0; i < kk; i++) w[i, j] = col[i];
        }
        double[][] bm = lik.SigmaDesignDerivatives;
        Matrix<double> SumOver(double[] weights, int g)
        {
            var m = Matrix<double>.Build.Dense(p, p);
            for (int e = 0; e < tt; e++)
            {
                double c = weights[e];
                double[] b = bm[g * tt + e];
                if (c == 0 || b.Length == 0) continue;
                for (int r = 0; r < p; r++) for (int q = 0; q < p; q++) m[r, q] += c * b[r * p + q];
            }
            return m;
        }
        Matrix<double>[] pk = Enumerable.Range(0, kk).Select(a => -SumOver(d1[a / k][a % k], a / k)).ToArray();
        Matrix<double> phiM = Covariance;
        Matrix<double> inner = Matrix<double>.Build.Dense(p, p);
        for (int a = 0; a < kk; a++)
            for (int b = 0; b < kk; b++)
            {
                if (w[a, b] == 0) continue;
                Matrix<double> term = -(pk[a] * phiM * pk[b]);
                if (!firstOrder && a / k == b / k) term -= 0.25 * SumOver(d2[a / k][(a % k) * k + b % k], a / k);
                inner += w[a, b] * term;
            }
        foreach (var (group, visits, wm, gg) in lik.PatternProducts())
        {
            int m = visits.Length;
            var v = new double[k][];
            for (int i = 0; i < k; i++)
            {
                v[i] = new double[m * m];
                for (int r = 0; r < m; r++) for (int c = 0; c < m; c++) v[i][r * m + c] = d1[group][i][visits[r] * t + visits[c]];
            }
            var vw = new double[k][];
            for (int i = 0; i < k; i++)
            {
                vw[i] = new double[m * m];
                for (int r = 0; r < m; r++)
                    for (int c = 0; c < m; c++)
                    {
                        double sum = 0;
                        for (int q = 0; q < m; q++) sum += v[i][r * m + q] * wm[q * m + c];
                        vw[i][r * m + c] = sum;
                    }
            }
            var coef = new double[m * m];
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++)
                {
                    double wij = w[group * k + i, group * k + j];
                    if (wij == 0) continue;
                    for (int r = 0; r < m; r++)
                        for (int c = 0; c < m; c++)
                        {
                            double sum = 0;
                            for (int q = 0; q < m; q++) sum += vw[i][r * m + q] * v[j][q * m + c];
                            coef[r * m + c] += wij * sum;
                        }
                }
            for (int e = 0; e < m * m; e++)
            {
                if (coef[e] == 0) continue;
                double[] block = gg[e];
                for (int r = 0; r < p; r++) for (int q = 0; q < p; q++) inner[r, q] += coef[e] * block[r * p + q];
            }
        }
        Matrix<double> adjusted = phiM + 2 * (phiM * inner * phiM);
        return new KenwardRogerParts((adjusted + adjusted.Transpose()) / 2, pk, w);
    }

    internal static string Describe(CovarianceStructure structure) => structure switch
    {
        CovarianceStructure.Unstructured => "unstructured",
        CovarianceStructure.CompoundSymmetry => "compound-symmetric",
        CovarianceStructure.HeterogeneousCompoundSymmetry => "heterogeneous compound-symmetric",
        CovarianceStructure.Autoregressive => "AR(1)",
        CovarianceStructure.HeterogeneousAutoregressive => "heterogeneous AR(1)",
        CovarianceStructure.Toeplitz => "Toeplitz",
        CovarianceStructure.HeterogeneousToeplitz => "heterogeneous Toeplitz",
        CovarianceStructure.AnteDependence => "ante-dependence",
        CovarianceStructure.SpatialExponential => "spatial exponential",
        _ => structure.ToString(),
    };
}
