using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

/// <summary>The exact gradient and Hessian of the MMRM likelihood (σ-space formulas carried to θ by the hyper-dual
/// Jacobian) against central differences of the likelihood and of the exact gradient, on fev_data.</summary>
public sealed class MmrmDerivativeTests
{
    public static TheoryData<CovarianceStructure, bool, bool> Cases() => new()
    {
        { CovarianceStructure.Unstructured, true, false },
        { CovarianceStructure.Unstructured, false, false },
        { CovarianceStructure.HeterogeneousCompoundSymmetry, true, true },
        { CovarianceStructure.AnteDependence, false, true },
        { CovarianceStructure.SpatialExponential, true, false },
        { CovarianceStructure.Toeplitz, true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Derivatives_MatchCentralDifferences(CovarianceStructure structure, bool reml, bool group)
    {
        ModelData data = MmrmKnownData.Fev();
        MmrmDesign design = MmrmDesign.Build(data, "FEV1", "USUBJID", "AVISIT",
            [new("ARMCD"), new("AVISIT"), new("ARMCD", "AVISIT"), new("RACE"), new("FEV1_BL")], group ? "ARMCD" : null);
        var cov = new CovarianceParameterization(structure, design.VisitTimes);
        int groups = design.GroupLabels.Length;
        var likelihood = new MmrmLikelihood(design.SubjectStart, design.Visit, design.Y, design.X, design.Frame.ColumnCount,
            design.SubjectGroup, groups, cov, reml);
        var theta = new double[cov.Count * groups];
        for (int g = 0; g < groups; g++)
            cov.Start(design.ResidualCovariance(groups > 1 ? g : -1)).CopyTo(theta, g * cov.Count);
        for (int i = 0; i < theta.Length; i++) theta[i] += 0.05 * ((i % 3) - 1); // away from the optimum: H ≠ AI

        int k = theta.Length;
        var gradient = new double[k];
        likelihood.Evaluate(theta, gradient);
        double[,] hessian = likelihood.Hessian(theta).Hessian;
        var plus = new double[k];
        var minus = new double[k];
        for (int j = 0; j < k; j++)
        {
            double h = 1e-5;
            double[] tp = (double[])theta.Clone(), tm = (double[])theta.Clone();
            tp[j] += h; tm[j] -= h;
            double fp = likelihood.Evaluate(tp, plus), fm = likelihood.Evaluate(tm, minus);
            AssertClose.Absolute((fp - fm) / (2 * h), gradient[j], 1e-5 * (1 + Math.Abs(gradient[j])), $"gradient {j}");
            for (int i = 0; i < k; i++)
                AssertClose.Absolute((plus[i] - minus[i]) / (2 * h), hessian[i, j], 1e-5 * (1 + Math.Abs(hessian[i, j])), $"H[{i},{j}]");
        }
    }
}
