using System.Globalization;
using CohortAnalysis.Descriptive;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Inference;

/// <summary>Pearson and Spearman correlations with Fisher-z confidence intervals and p-values.</summary>
/// <remarks>Stateless and thread-safe. Pairs where x or y is NaN are missing: left out as R <c>cor.test</c> drops
/// incomplete cases, counted in <see cref="EstimateSizes.Missing"/> and named in the note.</remarks>
public static class Correlation
{
    /// <summary>Pearson's r with Fisher-z CI and t test, as R <c>cor.test(x, y)</c>.</summary>
    /// <remarks>
    /// <para>r = Σ(x − x̄)(y − ȳ)/√(Σ(x − x̄)²·Σ(y − ȳ)²). CI: tanh(atanh r ± z(1 − α/2)/√(n − 3)) (Fisher 1921),
    /// one-sided as R (other bound ±1); needs n ≥ 4. p: t = r√((n − 2)/(1 − r²)) with n − 2 df.</para>
    /// <para>Zero variance in x or y gives r = NaN with a note (no exception). The same estimate is available from a
    /// merged <see cref="RunningCorrelation"/>.</para>
    /// <para>Reference: Fisher, R. A. (1921). On the probable error of a coefficient of correlation. Metron 1:3-32.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">Lengths differ or fewer than three complete pairs.</exception>
    public static CorrelationEstimate Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y, CorrelationOptions? options = null)
    {
        options ??= CorrelationOptions.Default;
        (double[] a, double[] b, int missing) = CompletePairs(x, y);
        double r = PearsonOf(a, b);
        return FromCoefficient(CorrelationKind.Pearson, r, a.Length, missing, options);
    }

    /// <summary>Spearman's ρ (Pearson r of average ranks) with Fisher-z CI and t-approximation p-value.</summary>
    /// <remarks>
    /// <para>ρ = Pearson r of the ranks (ties get average ranks), as R <c>cor(x, y, method = "spearman")</c>.</para>
    /// <para>CI: tanh(atanh ρ ± z(1 − α/2)·SE) with SE = 1/√(n − 3) by default, or Bonett–Wright
    /// √((1 + ρ²/2)/(n − 3)) (<see cref="CorrelationOptions.CiMethod"/> = <see cref="CiMethod.FisherZBonettWright"/>).</para>
    /// <para>p: t = ρ√((n − 2)/(1 − ρ²)) with n − 2 df, which is R <c>cor.test(method = "spearman", exact = FALSE)</c>.
    /// R's default for untied n &lt; 1290 is the exact/Edgeworth AS 89 p-value instead; the two differ slightly for small n.</para>
    /// <para>References: Spearman, C. (1904). Am J Psychol 15:72-101. Bonett, D. G. &amp; Wright, T. A. (2000).
    /// Psychometrika 65:23-28. Fieller, Hartley &amp; Pearson (1957). Biometrika 44:470-481.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">Lengths differ or fewer than three complete pairs.</exception>
    public static CorrelationEstimate Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y, CorrelationOptions? options = null)
    {
        options ??= CorrelationOptions.Default;
        (double[] a, double[] b, int missing) = CompletePairs(x, y);
        double rho = PearsonOf(RankDistributions.AverageRanks(a).Ranks, RankDistributions.AverageRanks(b).Ranks);
        return FromCoefficient(CorrelationKind.Spearman, rho, a.Length, missing, options);
    }

    /// <summary>Array overload of <see cref="Pearson(ReadOnlySpan{double}, ReadOnlySpan{double}, CorrelationOptions?)"/> (unambiguous for C# 12 callers).</summary>
    public static CorrelationEstimate Pearson(double[] x, double[] y, CorrelationOptions? options = null) =>
        Pearson(TTest.Materialize(x).AsSpan(), TTest.Materialize(y).AsSpan(), options);

    /// <summary>Array overload of <see cref="Spearman(ReadOnlySpan{double}, ReadOnlySpan{double}, CorrelationOptions?)"/>.</summary>
    public static CorrelationEstimate Spearman(double[] x, double[] y, CorrelationOptions? options = null) =>
        Spearman(TTest.Materialize(x).AsSpan(), TTest.Materialize(y).AsSpan(), options);

    /// <summary>Convenience overload of <see cref="Pearson(ReadOnlySpan{double}, ReadOnlySpan{double}, CorrelationOptions?)"/>.</summary>
    public static CorrelationEstimate Pearson(IEnumerable<double> x, IEnumerable<double> y, CorrelationOptions? options = null) =>
        Pearson(TTest.Materialize(x).AsSpan(), TTest.Materialize(y).AsSpan(), options);

    /// <summary>Convenience overload of <see cref="Spearman(ReadOnlySpan{double}, ReadOnlySpan{double}, CorrelationOptions?)"/>.</summary>
    public static CorrelationEstimate Spearman(IEnumerable<double> x, IEnumerable<double> y, CorrelationOptions? options = null) =>
        Spearman(TTest.Materialize(x).AsSpan(), TTest.Materialize(y).AsSpan(), options);

    /// <summary>Builds the estimate (CI, t, p) from a coefficient and n.</summary>
    internal static CorrelationEstimate FromCoefficient(CorrelationKind kind, double r, int n, int missing, CorrelationOptions options)
    {
        Guard.CiLevel(options.CiLevel);
        if (kind == CorrelationKind.Pearson)
            CiMethods.Require(options.CiMethod, "Pearson's r", nameof(options), CiMethod.FisherZ);
        else
            CiMethods.Require(options.CiMethod, "Spearman's rho", nameof(options), CiMethod.FisherZ, CiMethod.FisherZBonettWright);
        if (n < 3)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A correlation test needs at least three complete pairs; there are n = {n}."));
        string note = "";
        double df = n - 2;
        double t = r * Math.Sqrt(df / (1 - r * r));
        double p = double.IsNaN(r) ? double.NaN
            : Sided.PValue(options.Alternative, Distributions.StudentTCdf(t, df), Distributions.StudentTUpper(t, df));
        bool bonett = options.CiMethod == CiMethod.FisherZBonettWright;
        ConfidenceInterval ci = ConfidenceInterval.NotEstimable(options.CiLevel, options.CiMethod);
        if (double.IsNaN(r)) note = "zero variance in x or y: the correlation is undefined";
        else if (n < 4) note = "n = 3: no Fisher-z interval (needs n >= 4)";
        else
        {
            double se = bonett ? Math.Sqrt((1 + r * r / 2) / (n - 3)) : 1 / Math.Sqrt(n - 3);
            double z = Math.Atanh(r);
            double q = Distributions.NormalQuantile(Sided.CriticalProbability(options.Alternative, options.CiLevel));
            (double lo, double hi) = Sided.Bounds(options.Alternative, z, q, se);
            ci = new ConfidenceInterval(Math.Tanh(lo), Math.Tanh(hi), options.CiLevel, options.CiMethod);
        }
        string method = kind == CorrelationKind.Pearson
            ? "Pearson r; Fisher z CI (SE 1/sqrt(n-3)); t test"
            : bonett ? "Spearman rho; Fisher z CI with Bonett-Wright SE sqrt((1+rho^2/2)/(n-3)); t approximation p"
                     : "Spearman rho; Fisher z CI (SE 1/sqrt(n-3)); t approximation p";
        string reference = kind == CorrelationKind.Pearson ? Citations.Fisher1921
            : bonett ? Citations.BonettWright2000 : Citations.Spearman1904;
        return new CorrelationEstimate(kind, r, ci, t, df, p, options.Alternative, EstimateSizes.Single(n, missing), method, reference,
            MissingNote.Append(note, missing, "pairs"));
    }

    private static double PearsonOf(double[] a, double[] b)
    {
        (double mx, _) = SampleMoments.MeanAndVariance(a);
        (double my, _) = SampleMoments.MeanAndVariance(b);
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double dx = a[i] - mx, dy = b[i] - my;
            sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0) return double.NaN;
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    private static (double[] X, double[] Y, int Missing) CompletePairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"x and y must have equal length; x has {x.Length} values, y has {y.Length}."));
        var a = new List<double>(x.Length);
        var b = new List<double>(x.Length);
        for (int i = 0; i < x.Length; i++)
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i])) { a.Add(x[i]); b.Add(y[i]); }
        return (a.ToArray(), b.ToArray(), x.Length - a.Count);
    }
}
