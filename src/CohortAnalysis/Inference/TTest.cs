using System.Globalization;
using CohortAnalysis.Descriptive;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Inference;

/// <summary>One-sample, paired and two-sample (Student and Welch) t tests with confidence intervals, as R <c>t.test</c>.</summary>
/// <remarks>Stateless and thread-safe. NaN values are missing: they are left out (pairs with a NaN on either side, for
/// paired tests), as R's <c>na.omit</c>, and counted in <see cref="EstimateSizes.Missing"/> with a note saying so.
/// Infinite values are data and are kept (they make the result infinite or NaN).
/// Arrays, lists and spans are all accepted; the <c>double[]</c> overloads exist so C# 12 callers passing arrays
/// are not ambiguous between the span and the sequence overloads.
/// Zero variance does not throw (R stops with "data are essentially constant"): SE = 0, the interval collapses to the
/// estimate, t is ±∞ (p = 0) or NaN when the estimate equals μ, and <see cref="TTestEstimate.Note"/> says so.</remarks>
public static class TTest
{
    /// <summary>One-sample t test of H₀: mean = μ, e.g. mean change from baseline within an arm.</summary>
    /// <remarks>
    /// <para>t = (x̄ − μ)/(s/√n), df = n − 1; CI x̄ ± t(1 − α/2, n − 1)·s/√n (one-sided: one bound infinite).</para>
    /// <para>Matches R <c>t.test(x, mu = Mu, conf.level = CiLevel, alternative = …)</c> and SAS PROC TTEST H0=.</para>
    /// <para>Reference: Student (1908). The probable error of a mean. Biometrika 6:1-25.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">Fewer than two non-missing values.</exception>
    public static TTestEstimate OneSample(ReadOnlySpan<double> x, TTestOptions? options = null)
    {
        options ??= TTestOptions.Default;
        Validate(options);
        (double[] values, int missing) = Finite(x);
        return OnValues(values, missing, "x", options, "One-sample t test");
    }

    /// <summary>Paired t test of H₀: mean(x − y) = μ, e.g. post vs baseline in the same subjects.</summary>
    /// <remarks>
    /// <para>The one-sample t test on d = x − y over complete pairs; df = n − 1. Matches R
    /// <c>t.test(x, y, paired = TRUE)</c> and SAS PROC TTEST PAIRED.</para>
    /// <para>Reference: Student (1908).</para>
    /// </remarks>
    /// <exception cref="ArgumentException">Lengths differ, or fewer than two complete pairs.</exception>
    public static TTestEstimate Paired(ReadOnlySpan<double> x, ReadOnlySpan<double> y, TTestOptions? options = null)
    {
        options ??= TTestOptions.Default;
        Validate(options);
        (double[] d, int missing) = PairedDifferences(x, y);
        return OnValues(d, missing, "pairs", options, "Paired t test");
    }

    // A paired test is the one-sample test on the differences: one body serves both.
    private static TTestEstimate OnValues(double[] values, int missing, string what, TTestOptions options, string method)
    {
        RequireAtLeastTwo(values.Length, what);
        (double mean, double variance) = SampleMoments.MeanAndVariance(values);
        double se = Math.Sqrt(variance / values.Length);
        return Build(mean, se, values.Length - 1, options, EstimateSizes.Single(values.Length, missing), method, Citations.Student1908);
    }

    /// <summary>Two-sample t test of H₀: mean(x) − mean(y) = μ, Welch (default) or Student (pooled variance).</summary>
    /// <remarks>
    /// <para>Welch: SE = √(s₁²/n₁ + s₂²/n₂), df = SE⁴ / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)) (Welch–Satterthwaite).</para>
    /// <para>Student (<see cref="TTestOptions.EqualVariance"/>): s_p² = ((n₁ − 1)s₁² + (n₂ − 1)s₂²)/(n₁ + n₂ − 2),
    /// SE = s_p·√(1/n₁ + 1/n₂), df = n₁ + n₂ − 2.</para>
    /// <para>CI (x̄ − ȳ) ± t(1 − α/2, df)·SE. Matches R <c>t.test(x, y, var.equal = …)</c>; SAS PROC TTEST
    /// prints both (Pooled and Satterthwaite rows).</para>
    /// <para>References: Welch, B. L. (1947). Biometrika 34:28-35. Student (1908).</para>
    /// </remarks>
    /// <exception cref="ArgumentException">Welch with a group of fewer than two values; Student with fewer than three
    /// values in total or an empty group.</exception>
    public static TTestEstimate TwoSample(ReadOnlySpan<double> x, ReadOnlySpan<double> y, TTestOptions? options = null)
    {
        options ??= TTestOptions.Default;
        Validate(options);
        (double[] a, int missingX) = Finite(x);
        (double[] b, int missingY) = Finite(y);
        int nx = a.Length, ny = b.Length;
        var n = EstimateSizes.Two(nx, ny, missingX + missingY);
        if (options.EqualVariance)
        {
            if (nx < 1 || ny < 1 || nx + ny < 3)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Student's t test needs at least one value per group and three in total; x has n = {nx}, y has n = {ny}."));
        }
        else
        {
            RequireAtLeastTwo(nx, "x");
            RequireAtLeastTwo(ny, "y");
        }
        (double mx, double vx) = SampleMoments.MeanAndVariance(a);
        (double my, double vy) = SampleMoments.MeanAndVariance(b);
        if (nx == 1) vx = 0;   // contributes no df to the pooled variance (as R)
        if (ny == 1) vy = 0;
        double diff = mx - my;
        if (options.EqualVariance)
        {
            double df = nx + ny - 2;
            double pooled = ((nx - 1) * vx + (ny - 1) * vy) / df;
            double se = Math.Sqrt(pooled * (1.0 / nx + 1.0 / ny));
            return Build(diff, se, df, options, n, "Two-sample t test (pooled variance)", Citations.Student1908);
        }
        else
        {
            double sx2 = vx / nx, sy2 = vy / ny;
            double se = Math.Sqrt(sx2 + sy2);
            double df = (sx2 + sy2) * (sx2 + sy2) / (sx2 * sx2 / (nx - 1) + sy2 * sy2 / (ny - 1));
            return Build(diff, se, df, options, n, "Welch two-sample t test", Citations.Welch1947);
        }
    }

    /// <summary>Array overload of <see cref="OneSample(ReadOnlySpan{double}, TTestOptions?)"/>.</summary>
    public static TTestEstimate OneSample(double[] x, TTestOptions? options = null) =>
        OneSample(Materialize(x).AsSpan(), options);

    /// <summary>Array overload of <see cref="Paired(ReadOnlySpan{double}, ReadOnlySpan{double}, TTestOptions?)"/>.</summary>
    public static TTestEstimate Paired(double[] x, double[] y, TTestOptions? options = null) =>
        Paired(Materialize(x).AsSpan(), Materialize(y).AsSpan(), options);

    /// <summary>Array overload of <see cref="TwoSample(ReadOnlySpan{double}, ReadOnlySpan{double}, TTestOptions?)"/>.</summary>
    public static TTestEstimate TwoSample(double[] x, double[] y, TTestOptions? options = null) =>
        TwoSample(Materialize(x).AsSpan(), Materialize(y).AsSpan(), options);

    /// <summary>Convenience overload of <see cref="OneSample(ReadOnlySpan{double}, TTestOptions?)"/>.</summary>
    public static TTestEstimate OneSample(IEnumerable<double> x, TTestOptions? options = null) =>
        OneSample(Materialize(x).AsSpan(), options);

    /// <summary>Convenience overload of <see cref="Paired(ReadOnlySpan{double}, ReadOnlySpan{double}, TTestOptions?)"/>.</summary>
    public static TTestEstimate Paired(IEnumerable<double> x, IEnumerable<double> y, TTestOptions? options = null) =>
        Paired(Materialize(x).AsSpan(), Materialize(y).AsSpan(), options);

    /// <summary>Convenience overload of <see cref="TwoSample(ReadOnlySpan{double}, ReadOnlySpan{double}, TTestOptions?)"/>.</summary>
    public static TTestEstimate TwoSample(IEnumerable<double> x, IEnumerable<double> y, TTestOptions? options = null) =>
        TwoSample(Materialize(x).AsSpan(), Materialize(y).AsSpan(), options);

    private static TTestEstimate Build(double estimate, double se, double df, TTestOptions o, EstimateSizes n, string method, string reference)
    {
        double q = Distributions.StudentTQuantile(Sided.CriticalProbability(o.Alternative, o.CiLevel), df);
        (double lo, double hi) = Sided.Bounds(o.Alternative, estimate, q, se);
        var ci = new ConfidenceInterval(lo, hi, o.CiLevel, CiMethod.T);
        string note = "";
        double t, p;
        if (se == 0)
        {
            note = "zero variance: the data are constant, so the interval is a point and t is not finite (R t.test stops here)";
            t = estimate == o.Mu ? double.NaN : (estimate > o.Mu ? double.PositiveInfinity : double.NegativeInfinity);
            p = double.IsNaN(t) ? double.NaN : Sided.PValue(o.Alternative, t < 0 ? 0 : 1, t > 0 ? 0 : 1);
            if (o.Alternative == Alternative.Less) ci = ci with { Lower = double.NegativeInfinity, Upper = estimate };
            else if (o.Alternative == Alternative.Greater) ci = ci with { Lower = estimate, Upper = double.PositiveInfinity };
            else ci = ci with { Lower = estimate, Upper = estimate };
        }
        else
        {
            t = (estimate - o.Mu) / se;
            p = Sided.PValue(o.Alternative, Distributions.StudentTCdf(t, df), Distributions.StudentTUpper(t, df));
        }
        return new TTestEstimate(estimate, ci, se, t, df, p, o.Mu, o.Alternative, n, method, reference, MissingNote.Append(note, n.Missing, method.StartsWith("Paired", StringComparison.Ordinal) ? "pairs" : "values"));
    }

    private static void Validate(TTestOptions o)
    {
        Guard.CiLevel(o.CiLevel);
        Guard.Finite(o.Mu);
    }

    private static void RequireAtLeastTwo(int n, string group)
    {
        if (n < 2)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A t test needs at least two non-missing values in {group}; it has n = {n}."));
    }

    /// <summary>The non-NaN values and how many NaN values were left out.</summary>
    internal static (double[] Values, int Missing) Finite(ReadOnlySpan<double> x)
    {
        var list = new List<double>(x.Length);
        foreach (double v in x) if (!double.IsNaN(v)) list.Add(v);
        return (list.ToArray(), x.Length - list.Count);
    }

    /// <summary>x − y over pairs where neither is NaN (R's complete.cases for paired tests), and the count of incomplete pairs.</summary>
    internal static (double[] Differences, int Missing) PairedDifferences(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Paired samples must have equal length; x has {x.Length} values, y has {y.Length}."));
        var d = new List<double>(x.Length);
        for (int i = 0; i < x.Length; i++)
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i])) d.Add(x[i] - y[i]);
        return (d.ToArray(), x.Length - d.Count);
    }

    internal static double[] Materialize(IEnumerable<double> x)
    {
        Guard.NotNull(x);
        return x as double[] ?? x.ToArray();
    }
}
