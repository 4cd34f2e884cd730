using MathNet.Numerics.LinearAlgebra;

namespace CohortAnalysis.Models;

/// <summary>Ordinary least squares on a <see cref="ModelFrame"/> by Householder QR (no normal equations).</summary>
/// <remarks>
/// <para>β̂ = R⁻¹Qᵀy from X = QR; residual variance s² = ‖y − Xβ̂‖²/(n − p); Cov(β̂) = s²·R⁻¹R⁻ᵀ, with R⁻¹ by
/// back-substitution. The frame has already refused rank-deficient designs.</para>
/// <para>Reference: Golub &amp; Van Loan (2013), Matrix Computations, 4th ed., §5.3.</para>
/// </remarks>
internal sealed class LeastSquares
{
    private LeastSquares(Vector<double> beta, Matrix<double> rInverse, Vector<double> residuals, int n, int p)
    {
        Beta = beta;
        Residuals = residuals;
        ResidualDf = n - p;
        ResidualVariance = residuals.DotProduct(residuals) / ResidualDf;
        UnscaledCovariance = rInverse * rInverse.Transpose();
        Covariance = UnscaledCovariance * ResidualVariance;
    }

    /// <summary>Coefficient estimates.</summary>
    public Vector<double> Beta { get; }

    /// <summary>y − Xβ̂ in frame row order.</summary>
    public Vector<double> Residuals { get; }

    /// <summary>n − p.</summary>
    public int ResidualDf { get; }

    /// <summary>s² = RSS/(n − p).</summary>
    public double ResidualVariance { get; }

    /// <summary>(XᵀX)⁻¹ = R⁻¹R⁻ᵀ (for sandwich estimators).</summary>
    public Matrix<double> UnscaledCovariance { get; }

    /// <summary>s²·(XᵀX)⁻¹.</summary>
    public Matrix<double> Covariance { get; }

    /// <summary>Fits y on the frame's design (y in frame row order).</summary>
    public static LeastSquares Fit(Matrix<double> x, Vector<double> y)
    {
        if (x.RowCount <= x.ColumnCount)
            throw new ModelSpecificationException($"Least squares needs more records ({x.RowCount}) than parameters ({x.ColumnCount}) to estimate a residual variance.");
        var qr = x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        Vector<double> beta = qr.Solve(y);
        Matrix<double> r = qr.R;
        Matrix<double> rInverse = UpperTriangularInverse(r);
        return new LeastSquares(beta, rInverse, y - x * beta, x.RowCount, x.ColumnCount);
    }

    /// <summary>Inverse of an upper-triangular matrix by back-substitution.</summary>
    public static Matrix<double> UpperTriangularInverse(Matrix<double> r)
    {
        int p = r.RowCount;
        Matrix<double> inv = Matrix<double>.Build.Dense(p, p);
        for (int j = 0; j < p; j++)
        {
            inv[j, j] = 1 / r[j, j];
            for (int i = j - 1; i >= 0; i--)
            {
                double s = 0;
                for (int k = i + 1; k <= j; k++) s += r[i, k] * inv[k, j];
                inv[i, j] = -s / r[i, i];
            }
        }
        return inv;
    }
}
