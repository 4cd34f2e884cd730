using CohortAnalysis.Inference;
using MathNet.Numerics.LinearAlgebra;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Models;

/// <summary>An estimable function L·β of a fitted linear model with its standard error, df, t test and t interval.</summary>
/// <param name="Estimate">L·β̂.</param>
/// <param name="StandardError">√(L·V·Lᵀ), V the covariance of β̂ used (model-based, Kenward–Roger adjusted or sandwich).</param>
/// <param name="DegreesOfFreedom">Denominator df from the model's df method.</param>
/// <param name="Statistic">t = estimate / SE.</param>
/// <param name="PValue">Two-sided p from Student's t with those df.</param>
/// <param name="Ci">estimate ± t₁₋α/₂(df)·SE.</param>
internal readonly record struct LinearEstimate(double Estimate, double StandardError, double DegreesOfFreedom,
    double Statistic, double PValue, ConfidenceInterval Ci)
{
    /// <summary>Estimates L·β with the given coefficient covariance and df function.</summary>
    /// <param name="l">The L vector.</param>
    /// <param name="beta">Fixed-effect estimates.</param>
    /// <param name="covariance">Covariance matrix of β̂.</param>
    /// <param name="degreesOfFreedom">df for this L (Satterthwaite, Kenward–Roger, residual, …).</param>
    /// <param name="ciLevel">Confidence level.</param>
    public static LinearEstimate Of(double[] l, Vector<double> beta, Matrix<double> covariance,
        Func<double[], double> degreesOfFreedom, double ciLevel)
    {
        double estimate = 0;
        for (int j = 0; j < l.Length; j++) estimate += l[j] * beta[j];
        double variance = Quadratic(l, covariance);
        double se = Math.Sqrt(Math.Max(variance, 0));
        double df = degreesOfFreedom(l);
        double t = estimate / se;
        double p = 2 * Distributions.StudentTCdf(-Math.Abs(t), df);
        double q = Distributions.StudentTQuantile(1 - (1 - ciLevel) / 2, df);
        return new LinearEstimate(estimate, se, df, t, p, new ConfidenceInterval(estimate - q * se, estimate + q * se, ciLevel, CiMethod.T));
    }

    /// <summary>l·M·lᵀ.</summary>
    public static double Quadratic(double[] l, Matrix<double> m)
    {
        double sum = 0;
        for (int i = 0; i < l.Length; i++)
        {
            if (l[i] == 0) continue;
            double row = 0;
            for (int j = 0; j < l.Length; j++) row += m[i, j] * l[j];
            sum += l[i] * row;
        }
        return sum;
    }
}
