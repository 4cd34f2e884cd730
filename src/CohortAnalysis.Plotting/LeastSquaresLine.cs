namespace CohortAnalysis.Plotting;

/// <summary>Ordinary least-squares line y = a + b·x with Pearson's r, for annotating scatter plots.</summary>
/// <remarks>Immutable. Plotting needs only the line and r, so the fit lives here rather than in the statistics
/// library; <see cref="Slope"/>, <see cref="Intercept"/> and <see cref="R"/> are NaN when x or y has no spread
/// or fewer than two points are given.</remarks>
internal readonly record struct LeastSquaresLine(double Intercept, double Slope, double R, int N)
{
    /// <summary>Fits by centred sums (two passes), which stays accurate when values share a large offset.</summary>
    internal static LeastSquaresLine Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        if (n < 2)
            return new(double.NaN, double.NaN, double.NaN, n);
        double meanX = x.Average(), meanY = y.Average();
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0)
            return new(double.NaN, double.NaN, double.NaN, n);
        double slope = sxy / sxx;
        return new(meanY - slope * meanX, slope, sxy / Math.Sqrt(sxx * syy), n);
    }
}
