using CohortAnalysis.Inference;
using MathNet.Numerics.LinearAlgebra;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Models;

/// <summary>A least-squares fit on a model frame with the chosen coefficient covariance, estimable functions and Type III tests.</summary>
internal sealed class LinearModelFit
{
    public LinearModelFit(ModelFrame frame, double[] outcome, RobustCovariance covariance, double ciLevel)
    {
        Frame = frame;
        CovarianceType = covariance;
        CiLevel = ciLevel;
        Y = Vector<double>.Build.Dense(frame.Rows.Select(r => outcome[r]).ToArray());
        Fit = LeastSquares.Fit(frame.X, Y);
        Covariance = covariance == RobustCovariance.ModelBased
            ? Fit.Covariance
            : SandwichCovariance.Of(frame.X, Fit.Residuals, Fit.UnscaledCovariance, covariance);
    }

    public ModelFrame Frame { get; }
    public RobustCovariance CovarianceType { get; }
    public double CiLevel { get; }
    public Vector<double> Y { get; }
    public LeastSquares Fit { get; }
    public Matrix<double> Covariance { get; }
    public Vector<double> Fitted => Y - Fit.Residuals;

    public LinearEstimate Estimate(double[] l) => LinearEstimate.Of(l, Fit.Beta, Covariance, _ => Fit.ResidualDf, CiLevel);

    /// <summary>The Type III test of a term (see <see cref="TermTest"/>), from its hypothesis rows.</summary>
    public TermTest Test(string term, IReadOnlyList<double[]> hypothesis)
    {
        int q = hypothesis.Count;
        Matrix<double> l = Matrix<double>.Build.DenseOfRowArrays(hypothesis);
        Vector<double> lb = l * Fit.Beta;
        Matrix<double> middle = l * Covariance * l.Transpose();
        double wald = lb.DotProduct(middle.Solve(lb));
        double f = wald / q;
        double df2 = Fit.ResidualDf;
        double ss = CovarianceType == RobustCovariance.ModelBased ? f * q * Fit.ResidualVariance : double.NaN;
        double p = FUpper(f, q, df2);
        return new TermTest(term, q, df2, ss, f, p, "Type III F test, " + SandwichCovariance.Describe(CovarianceType));
    }

    /// <summary>P(F(d1, d2) ≥ f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2), computed directly so small p-values keep their digits.</summary>
    public static double FUpper(double f, double d1, double d2) =>
        f <= 0 ? 1 : Distributions.BetaCdf(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}
