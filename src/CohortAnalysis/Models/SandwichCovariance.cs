using MathNet.Numerics.LinearAlgebra;

namespace CohortAnalysis.Models;

/// <summary>Heteroscedasticity-consistent covariance of least-squares coefficients (HC0–HC3).</summary>
/// <remarks>V = (XᵀX)⁻¹ Xᵀ diag(ωᵢ) X (XᵀX)⁻¹; ωᵢ as in <see cref="RobustCovariance"/>; leverage hᵢ = xᵢᵀ(XᵀX)⁻¹xᵢ.
/// References: White (1980) Econometrica 48:817-838; MacKinnon &amp; White (1985) J Econom 29:305-325; Long &amp; Ervin (2000)
/// Am Stat 54:217-224; Zeileis (2004) J Stat Softw 11(10), R package sandwich.</remarks>
internal static class SandwichCovariance
{
    public static Matrix<double> Of(Matrix<double> x, Vector<double> residuals, Matrix<double> unscaledCovariance, RobustCovariance type)
    {
        int n = x.RowCount, p = x.ColumnCount;
        double[] h = Leverages(x, unscaledCovariance);
        Matrix<double> meat = Matrix<double>.Build.Dense(p, p);
        var row = new double[p];
        for (int i = 0; i < n; i++)
        {
            double e2 = residuals[i] * residuals[i];
            double omega = type switch
            {
                RobustCovariance.Hc0 => e2,
                RobustCovariance.Hc1 => e2 * n / (n - p),
                RobustCovariance.Hc2 => e2 / (1 - h[i]),
                RobustCovariance.Hc3 => e2 / ((1 - h[i]) * (1 - h[i])),
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a sandwich estimator."),
            };
            for (int j = 0; j < p; j++) row[j] = x[i, j];
            for (int j = 0; j < p; j++)
            {
                double a = omega * row[j];
                if (a == 0) continue;
                for (int k = 0; k < p; k++) meat[j, k] += a * row[k];
            }
        }
        return unscaledCovariance * meat * unscaledCovariance;
    }

    public static double[] Leverages(Matrix<double> x, Matrix<double> unscaledCovariance)
    {
        var h = new double[x.RowCount];
        for (int i = 0; i < x.RowCount; i++)
        {
            Vector<double> xi = x.Row(i);
            h[i] = xi.DotProduct(unscaledCovariance * xi);
        }
        return h;
    }

    public static string Describe(RobustCovariance type) => type switch
    {
        RobustCovariance.ModelBased => "model-based covariance",
        RobustCovariance.Hc0 => "HC0 sandwich covariance",
        RobustCovariance.Hc1 => "HC1 sandwich covariance",
        RobustCovariance.Hc2 => "HC2 sandwich covariance",
        RobustCovariance.Hc3 => "HC3 sandwich covariance",
        _ => type.ToString(),
    };
}
