namespace CohortAnalysis.Resampling;

/// <summary>Sufficient statistics of one group — n, means and sums of squared and cross deviations of one or two
/// variables — that can drop one observation in O(1).</summary>
/// <remarks>
/// <para>Leaving out (xᵢ, yᵢ) from n values with means x̄, ȳ: x̄₍ᵢ₎ = (n x̄ − xᵢ)/(n − 1) and
/// Sxy₍ᵢ₎ = Sxy − n/(n − 1)·(xᵢ − x̄)(yᵢ − ȳ) (the reverse of Welford's update; Chan, Golub &amp; LeVeque 1983), so the
/// n leave-one-out values of a statistic of these moments cost O(n) in all instead of O(n²).</para>
/// <para>Immutable. Sums are formed about the two-pass means, as <see cref="SampleMoments"/>.</para>
/// </remarks>
internal readonly record struct GroupMoments(int N, double MeanX, double MeanY, double Sxx, double Syy, double Sxy)
{
    /// <summary>Sample variance (n − 1) of x.</summary>
    public double VarianceX => Sxx / (N - 1);

    /// <summary>Sample variance (n − 1) of y.</summary>
    public double VarianceY => Syy / (N - 1);

    /// <summary>Sample covariance (n − 1) of x and y.</summary>
    public double Covariance => Sxy / (N - 1);

    /// <summary>Moments of one variable (y moments are zero).</summary>
    public static GroupMoments Of(ReadOnlySpan<double> x) => Of(x, []);

    /// <summary>Moments of x and, when <paramref name="y"/> is not empty, of y and the pairs (x[i], y[i]).</summary>
    public static GroupMoments Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        bool paired = y.Length > 0;
        double mx = SampleMoments.Mean(x), my = paired ? SampleMoments.Mean(y) : 0;
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - mx;
            sxx += dx * dx;
            if (!paired) continue;
            double dy = y[i] - my;
            syy += dy * dy;
            sxy += dx * dy;
        }
        return new GroupMoments(x.Length, mx, my, sxx, syy, sxy);
    }

    /// <summary>The moments without observation (x, y) (use y = 0 for one variable).</summary>
    public GroupMoments Without(double x, double y = 0)
    {
        int m = N - 1;
        double dx = x - MeanX, dy = y - MeanY, w = (double)N / m;
        return new GroupMoments(m, MeanX - dx / m, MeanY - dy / m,
            Math.Max(0, Sxx - w * dx * dx), Math.Max(0, Syy - w * dy * dy), Sxy - w * dx * dy);
    }
}
