using System.Globalization;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Inference;

/// <summary>Wilcoxon signed-rank (one-sample / paired) and Wilcoxon rank-sum = Mann–Whitney U tests, as R <c>wilcox.test</c>.</summary>
/// <remarks>Stateless and thread-safe. NaN values are missing: left out (pairs with a NaN on either side, for paired
/// tests) as R's <c>na.omit</c>, and counted in <see cref="EstimateSizes.Missing"/> with a note. The result is a test:
/// its <see cref="RankTestResult.Estimate"/> is NaN and the statistic and p-value carry the answer.
/// Ties use average ranks; ties are detected by exact equality, as in R.</remarks>
public static class RankTest
{
    /// <summary>Wilcoxon signed-rank test of H₀: the distribution of x − μ is symmetric about 0.</summary>
    /// <remarks>
    /// <para>Differences d = x − μ equal to zero are dropped (R's behaviour; the count is reported). V = Σ ranks of |d|
    /// over d &gt; 0 (R's statistic V).</para>
    /// <para>p: exact (R <c>psignrank</c>) when n &lt; 50 with no ties and no zeros (see <see cref="RankTestOptions.Exact"/>);
    /// otherwise normal: z = (V − n(n+1)/4 − c)/σ, σ² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48, c = ½·sign (continuity).
    /// The result's <see cref="RankTestResult.PValueMethod"/> says which was used.</para>
    /// <para>Reference: Wilcoxon, F. (1945). Individual comparisons by ranking methods. Biometrics Bulletin 1:80-83.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">No non-missing value, or every difference equals μ.</exception>
    public static RankTestResult WilcoxonSignedRank(ReadOnlySpan<double> x, RankTestOptions? options = null)
    {
        options ??= RankTestOptions.Default;
        Guard.Finite(options.Mu);
        (double[] values, int missing) = TTest.Finite(x);
        return SignedRank(values, missing, "values", options, "Wilcoxon signed-rank test");
    }

    /// <summary>Paired Wilcoxon signed-rank test on x − y (complete pairs), e.g. post vs baseline in the same subjects.</summary>
    /// <remarks>The one-sample test on the paired differences, as R <c>wilcox.test(x, y, paired = TRUE)</c>; see
    /// <see cref="WilcoxonSignedRank(ReadOnlySpan{double}, RankTestOptions?)"/>. Reference: Wilcoxon (1945).</remarks>
    /// <exception cref="ArgumentException">Lengths differ, no complete pair, or every difference equals μ.</exception>
    public static RankTestResult WilcoxonSignedRank(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RankTestOptions? options = null)
    {
        options ??= RankTestOptions.Default;
        Guard.Finite(options.Mu);
        (double[] d, int missing) = TTest.PairedDifferences(x, y);
        return SignedRank(d, missing, "pairs", options, "Wilcoxon signed-rank test (paired)");
    }

    /// <summary>Wilcoxon rank-sum / Mann–Whitney U test of H₀: x − μ and y have the same distribution.</summary>
    /// <remarks>
    /// <para>W = Σ ranks of (x − μ) in the pooled sample − n₁(n₁+1)/2 (R's statistic W, the Mann–Whitney U of x).</para>
    /// <para>p: exact (R <c>pwilcox</c>) when both n &lt; 50 and there are no ties (see <see cref="RankTestOptions.Exact"/>);
    /// otherwise normal: z = (W − n₁n₂/2 − c)/σ, σ² = n₁n₂/12·((N + 1) − Σ(t³ − t)/(N(N − 1))), c = ½·sign (continuity).</para>
    /// <para>References: Mann, H. B. &amp; Whitney, D. R. (1947). Ann Math Stat 18:50-60. Wilcoxon (1945).</para>
    /// </remarks>
    /// <exception cref="ArgumentException">A group has no non-missing value.</exception>
    public static RankTestResult MannWhitney(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RankTestOptions? options = null)
    {
        options ??= RankTestOptions.Default;
        Guard.Finite(options.Mu);
        (double[] a, int missingX) = TTest.Finite(x);
        (double[] b, int missingY) = TTest.Finite(y);
        int m = a.Length, n = b.Length;
        if (m < 1 || n < 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The rank-sum test needs at least one non-missing value per group; x has n = {m}, y has n = {n}."));
        var pooled = new double[m + n];
        for (int i = 0; i < m; i++) pooled[i] = a[i] - options.Mu;
        b.CopyTo(pooled, m);
        (double[] ranks, List<int> ties) = RankDistributions.AverageRanks(pooled);
        double sumX = 0;
        for (int i = 0; i < m; i++) sumX += ranks[i];
        double w = sumX - m * (m + 1) / 2.0;
        bool hasTies = ties.Count != m + n;
        bool exact = (options.Exact ?? (m < 50 && n < 50)) && !hasTies;
        double p, z = double.NaN;
        if (exact)
        {
            double lower = RankDistributions.RankSumCdf(w, m, n);
            double upper = 1 - RankDistributions.RankSumCdf(w - 1, m, n);
            p = options.Alternative switch
            {
                Alternative.Less => lower,
                Alternative.Greater => upper,
                // R: the tail on the side W lies, doubled.
                _ => Math.Min(1, 2 * (w > m * n / 2.0 ? upper : lower)),
            };
        }
        else
        {
            int total = m + n;
            double tieSum = 0;
            foreach (int t in ties) tieSum += (double)t * t * t - t;
            double sigma = Math.Sqrt(m * (double)n / 12 * ((total + 1) - tieSum / (total * (total - 1.0))));
            (p, z) = NormalP(w - m * (double)n / 2, sigma, options);
        }
        string how = exact ? "exact p" : "normal approximation" + (options.ContinuityCorrection ? " with continuity correction" : "");
        return new RankTestResult("W", w, p, exact ? RankPValueMethod.Exact : RankPValueMethod.NormalApproximation, z,
            options.Alternative, options.Mu, EstimateSizes.Two(m, n, missingX + missingY), hasTies,
            $"Wilcoxon rank-sum (Mann-Whitney U) test, {how}", Citations.MannWhitney1947, MissingNote.Of(missingX + missingY, "values"));
    }

    /// <summary>Array overload of <see cref="WilcoxonSignedRank(ReadOnlySpan{double}, RankTestOptions?)"/> (unambiguous for C# 12 callers).</summary>
    public static RankTestResult WilcoxonSignedRank(double[] x, RankTestOptions? options = null) =>
        WilcoxonSignedRank(TTest.Materialize(x).AsSpan(), options);

    /// <summary>Array overload of <see cref="WilcoxonSignedRank(ReadOnlySpan{double}, ReadOnlySpan{double}, RankTestOptions?)"/>.</summary>
    public static RankTestResult WilcoxonSignedRank(double[] x, double[] y, RankTestOptions? options = null) =>
        WilcoxonSignedRank(TTest.Materialize(x).AsSpan(), TTest.Materialize(y).AsSpan(), options);

    /// <summary>Array overload of <see cref="MannWhitney(ReadOnlySpan{double}, ReadOnlySpan{double}, RankTestOptions?)"/>.</summary>
    public static RankTestResult MannWhitney(double[] x, double[] y, RankTestOptions? options = null) =>
        MannWhitney(TTest.Materialize(x).AsSpan(), TTest.Materialize(y).AsSpan(), options);

    /// <summary>Convenience overload of <see cref="WilcoxonSignedRank(ReadOnlySpan{double}, RankTestOptions?)"/>.</summary>
    public static RankTestResult WilcoxonSignedRank(IEnumerable<double> x, RankTestOptions? options = null) =>
        WilcoxonSignedRank(TTest.Materialize(x).AsSpan(), options);

    /// <summary>Convenience overload of <see cref="WilcoxonSignedRank(ReadOnlySpan{double}, ReadOnlySpan{double}, RankTestOptions?)"/>.</summary>
    public static RankTestResult WilcoxonSignedRank(IEnumerable<double> x, IEnumerable<double> y, RankTestOptions? options = null) =>
        WilcoxonSignedRank(TTest.Materialize(x).AsSpan(), TTest.Materialize(y).AsSpan(), options);

    /// <summary>Convenience overload of <see cref="MannWhitney(ReadOnlySpan{double}, ReadOnlySpan{double}, RankTestOptions?)"/>.</summary>
    public static RankTestResult MannWhitney(IEnumerable<double> x, IEnumerable<double> y, RankTestOptions? options = null) =>
        MannWhitney(TTest.Materialize(x).AsSpan(), TTest.Materialize(y).AsSpan(), options);

    private static RankTestResult SignedRank(double[] values, int missing, string what, RankTestOptions options, string name)
    {
        var d = new List<double>(values.Length);
        int zeros = 0;
        foreach (double value in values)
        {
            double shifted = value - options.Mu;
            if (shifted == 0) zeros++; else d.Add(shifted);
        }
        int n = d.Count;
        if (n == 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The signed-rank test needs at least one difference not equal to mu; {values.Length} values, {zeros} equal to mu = {options.Mu}."));
        var abs = new double[n];
        for (int i = 0; i < n; i++) abs[i] = Math.Abs(d[i]);
        (double[] ranks, List<int> ties) = RankDistributions.AverageRanks(abs);
        double v = 0;
        for (int i = 0; i < n; i++) if (d[i] > 0) v += ranks[i];
        bool hasTies = ties.Count != n;
        bool exact = (options.Exact ?? n < 50) && !hasTies && zeros == 0;
        double p, z = double.NaN;
        if (exact)
        {
            double lower = RankDistributions.SignedRankCdf(v, n);
            double upper = 1 - RankDistributions.SignedRankCdf(v - 1, n);
            p = options.Alternative switch
            {
                Alternative.Less => lower,
                Alternative.Greater => upper,
                _ => Math.Min(1, 2 * (v > n * (n + 1) / 4.0 ? upper : lower)),
            };
        }
        else
        {
            double tieSum = 0;
            foreach (int t in ties) tieSum += (double)t * t * t - t;
            double sigma = Math.Sqrt(n * (n + 1.0) * (2 * n + 1) / 24 - tieSum / 48);
            (p, z) = NormalP(v - n * (n + 1.0) / 4, sigma, options);
        }
        string how = exact ? "exact p" : "normal approximation" + (options.ContinuityCorrection ? " with continuity correction" : "");
        return new RankTestResult("V", v, p, exact ? RankPValueMethod.Exact : RankPValueMethod.NormalApproximation, z,
            options.Alternative, options.Mu, EstimateSizes.Single(n, missing, zeros), hasTies, $"{name}, {how}", Citations.Wilcoxon1945,
            MissingNote.Append(zeros == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
                $"{zeros} differences equal to mu = {options.Mu} left out before ranking (R's behaviour; counted as excluded)"), missing, what));
    }

    /// <summary>R's normal approximation: continuity correction ½·sign(z) two-sided, +½ greater, −½ less.</summary>
    private static (double P, double Z) NormalP(double centered, double sigma, RankTestOptions options)
    {
        double correction = 0;
        if (options.ContinuityCorrection)
            correction = options.Alternative switch
            {
                Alternative.Greater => 0.5,
                Alternative.Less => -0.5,
                _ => Math.Sign(centered) * 0.5,
            };
        double z = (centered - correction) / sigma;
        double p = Sided.PValue(options.Alternative, Distributions.NormalCdf(z), Distributions.NormalUpper(z));
        return (p, z);
    }
}
