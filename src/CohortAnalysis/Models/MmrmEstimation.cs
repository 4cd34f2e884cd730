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
        int p = likelihood.FixedCount;
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
        _ = p;
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

    /// <summary>Fits one structure.</summary>
    public static MmrmEstimation Fit(MmrmDesign design, CovarianceStructure structure, bool reml)
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
        var start = new double[cov.Count * groups];
        for (int g = 0; g < groups; g++)
            cov.Start(design.ResidualCovariance(groups > 1 ? g : -1)).CopyTo(start, g * cov.Count);
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
