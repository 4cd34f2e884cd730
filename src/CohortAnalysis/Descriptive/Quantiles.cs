using System.Globalization;

namespace CohortAnalysis.Descriptive;

/// <summary>Sample quantiles under a chosen <see cref="QuantileMethod"/>.</summary>
/// <remarks>Quantiles need the whole sample; unlike means and variances they cannot be merged from site summaries
/// (see <see cref="RunningSummary"/>). Stateless and thread-safe.</remarks>
public static class Quantiles
{
    // R quantile.default uses this fuzz so that n·p landing a hair off an integer is treated as the integer.
    private const double Fuzz = 4 * 2.220446049250313e-16; // 4 * .Machine$double.eps

    /// <summary>The <paramref name="probability"/> quantile of the values of <paramref name="values"/> that are not NaN.</summary>
    /// <remarks>
    /// <para>Follows R 4.2 <c>quantile(x, probs, type)</c> step by step (including its 4·ε fuzz), so results agree
    /// with R to the last bits; <see cref="QuantileMethod.SasDefinition5"/> is computed as R type 2.</para>
    /// <para>NaN values are ignored; an empty sample gives NaN. ±∞ are values, as in R: they sort to the ends, so a
    /// quantile at or interpolated towards an infinite value is infinite (and NaN between −∞ and +∞).</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> outside [0, 1].</exception>
    public static double Quantile(ReadOnlySpan<double> values, double probability, QuantileMethod method = QuantileMethod.SasDefinition5)
    {
        double[] sorted = SortedWithoutNaN(values);
        return OfSorted(sorted, probability, method);
    }

    /// <summary>The usual median: the middle value, or the average of the two middle values for even n.</summary>
    /// <remarks>Equals the 0.5 quantile under SAS PCTLDEF=5 and R types 2 and 5–9; R types 1, 3 and 4 can return a single order statistic instead.</remarks>
    public static double Median(ReadOnlySpan<double> values) => Quantile(values, 0.5, QuantileMethod.R7);

    /// <summary>The values without NaN in ascending order, −0 read as 0 (<see cref="Numerics.TotalOrderSort"/>).</summary>
    internal static double[] SortedWithoutNaN(ReadOnlySpan<double> values) => Numerics.TotalOrderSort.WithoutNaN(values);

    /// <summary>Quantile of an already sorted array with no NaN.</summary>
    internal static double OfSorted(double[] x, double p, QuantileMethod method)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p,
                string.Create(CultureInfo.InvariantCulture, $"probability = {p} must lie between 0 and 1."));
        int n = x.Length;
        if (n == 0) return double.NaN;
        int type = method == QuantileMethod.SasDefinition5 ? 2 : (int)method;
        if (type is < 1 or > 9) throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown quantile method.");

        if (type == 7)
        {
            // R's dedicated type-7 branch: index = 1 + (n − 1)p.
            double index = 1 + (n - 1) * p;
            int lo = (int)Math.Floor(index), hi = (int)Math.Ceiling(index);
            double q = x[lo - 1];
            double h = index - lo;
            if (index > lo && x[hi - 1] != q) q = (1 - h) * q + h * x[hi - 1];
            return q;
        }

        double nppm, hFrac;
        int j;
        if (type <= 3)
        {
            nppm = type == 3 ? n * p - 0.5 : n * p;
            j = (int)Math.Floor(nppm + Fuzz);
            hFrac = type switch
            {
                1 => nppm > j ? 1 : 0,
                2 => ((nppm > j ? 1 : 0) + 1) / 2.0,
                _ => nppm != j || j % 2 == 1 ? 1 : 0,
            };
        }
        else
        {
            (double a, double b) = type switch
            {
                4 => (0.0, 1.0),
                5 => (0.5, 0.5),
                6 => (0.0, 0.0),
                8 => (1.0 / 3, 1.0 / 3),
                _ => (3.0 / 8, 3.0 / 8),
            };
            nppm = a + p * (n + 1 - a - b);
            j = (int)Math.Floor(nppm + Fuzz);
            hFrac = nppm - j;
            if (Math.Abs(hFrac) < Fuzz) hFrac = 0;
        }
        // R pads x as c(x[1], x[1], x, x[n], x[n]) and reads x[j + 2] and x[j + 3] (1-based).
        // With that padding x[j + 2] is the j-th order statistic (clamped to the ends).
        double left = x[Math.Clamp(j - 1, 0, n - 1)], right = x[Math.Clamp(j, 0, n - 1)];
        if (hFrac == 1) return right;
        if (hFrac > 0 && hFrac < 1 && left != right) return (1 - hFrac) * left + hFrac * right;
        return left;
    }
}
