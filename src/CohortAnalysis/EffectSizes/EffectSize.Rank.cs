using MathNet.Numerics.Distributions;

namespace CohortAnalysis.EffectSizes;

public static partial class EffectSize
{
    /// <summary>Rank-biserial correlation: independent groups (Mann–Whitney) or paired (signed-rank) data.</summary>
    /// <remarks>
    /// <para>Independent: r = (U₁ − U₂)/(n₁n₂) with average ranks of x − μ and y pooled (Kerby 2014); equals Cliff's δ.
    /// Paired (<see cref="EffectSizeOptions.Paired"/>): on d = x − y − μ with zeros dropped, r = (W₊ − W₋)/(n_d(n_d + 1)/2).</para>
    /// <para>CI: tanh(atanh(r) ± z·SE) with SE = √((n₁ + n₂ + 1)/(3n₁n₂)), or for paired data
    /// SE = √((2n_d³ + 3n_d² + n_d)/6)/(n_d(n_d + 1)/2); r = ±1 gives [±1, ±1]. As R effectsize <c>rank_biserial</c>.</para>
    /// </remarks>
    /// <param name="x">First group (or first member of each pair).</param>
    /// <param name="y">Second group (or second member of each pair).</param>
    /// <param name="options">Mu, Paired, CiLevel, Alternative; effectsize defaults when null.</param>
    /// <exception cref="ArgumentException">A group is empty, a value is not finite, or paired lengths differ.</exception>
    public static EffectSizeEstimate RankBiserial(ReadOnlySpan<double> x, ReadOnlySpan<double> y, EffectSizeOptions? options = null)
    {
        options ??= EffectSizeOptions.Default;
        return options.Paired ? PairedRankBiserial(x, y, options) : IndependentRankBiserial(x, y, options, EffectSizeIndex.RankBiserial);
    }

    /// <summary>Rank-biserial correlation; see the span overload.</summary>
    /// <param name="x">First group.</param>
    /// <param name="y">Second group.</param>
    /// <param name="options">Options; defaults when null.</param>
    public static EffectSizeEstimate RankBiserial(IEnumerable<double> x, IEnumerable<double> y, EffectSizeOptions? options = null) =>
        RankBiserial(ToArray(x, nameof(x)), ToArray(y, nameof(y)), options);

    /// <summary>Rank-biserial correlation for arrays; see the span overload.</summary>
    /// <param name="x">First group.</param>
    /// <param name="y">Second group.</param>
    /// <param name="options">Options; defaults when null.</param>
    public static EffectSizeEstimate RankBiserial(double[] x, double[] y, EffectSizeOptions? options = null) =>
        RankBiserial(AsSpan(x, nameof(x)), AsSpan(y, nameof(y)), options);

    /// <summary>Cliff's δ = P(X &gt; Y) − P(X &lt; Y), the independent-groups rank-biserial correlation (Cliff 1993).</summary>
    /// <remarks>Computed and interval-estimated exactly as <see cref="RankBiserial(ReadOnlySpan{double}, ReadOnlySpan{double}, EffectSizeOptions?)"/>,
    /// as R effectsize <c>cliffs_delta</c> (which refuses paired data; so does this).</remarks>
    /// <param name="x">First group.</param>
    /// <param name="y">Second group.</param>
    /// <param name="options">Mu, CiLevel, Alternative; defaults when null.</param>
    public static EffectSizeEstimate CliffsDelta(ReadOnlySpan<double> x, ReadOnlySpan<double> y, EffectSizeOptions? options = null)
    {
        options ??= EffectSizeOptions.Default;
        if (options.Paired) throw new ArgumentException("Cliff's delta is for independent groups; use RankBiserial with Paired = true.", nameof(options));
        return IndependentRankBiserial(x, y, options, EffectSizeIndex.CliffsDelta);
    }

    /// <summary>Probability of superiority (common-language effect size), parametric: Φ(d/√2).</summary>
    /// <remarks>
    /// <para>d is Cohen's d with pooled SD (d_z for paired data, where effectsize also uses Φ(d_z/√2), not Φ(d_z)); the CI
    /// transforms the noncentral-t CI of d. As R effectsize <c>p_superiority(parametric = TRUE)</c> (McGraw &amp; Wong 1992).</para>
    /// </remarks>
    /// <param name="x">First group (or first member of each pair).</param>
    /// <param name="y">Second group (or second member of each pair).</param>
    /// <param name="options">Mu, Paired, CiLevel, Alternative, CiMethod (pooled SD is always used; no J); defaults when null.</param>
    public static EffectSizeEstimate ProbabilityOfSuperiority(ReadOnlySpan<double> x, ReadOnlySpan<double> y, StandardizedDifferenceOptions? options = null)
    {
        // Φ is monotone, so any CI of d (noncentral t by default, normal or bootstrap if asked) maps to a CI of P
        options = (options ?? StandardizedDifferenceOptions.Default) with { PooledSd = true, Adjust = false };
        EffectSizeEstimate d = CohensD(x, y, options);
        static double P(double v) => Normal.CDF(0, 1, v / Math.Sqrt(2));
        return new EffectSizeEstimate(EffectSizeIndex.ProbabilityOfSuperiority, P(d.Estimate),
            d.Ci with { Lower = P(d.Ci.Lower), Upper = P(d.Ci.Upper) }, d.Sizes,
            $"Phi({d.Name}/sqrt(2)); CI transformed from the {CiMethods.Describe(d.Ci.Method)} CI of {d.Name}", Citations.McGrawWong1992);
    }

    /// <summary>Probability of superiority, non-parametric: (r_rb + 1)/2 = P(X &gt; Y) + ½P(X = Y) (Vargha–Delaney A).</summary>
    /// <remarks>CI transformed from the rank-biserial CI, as R effectsize <c>p_superiority(parametric = FALSE)</c>.</remarks>
    /// <param name="x">First group (or first member of each pair).</param>
    /// <param name="y">Second group (or second member of each pair).</param>
    /// <param name="options">Mu, Paired, CiLevel, Alternative; defaults when null.</param>
    public static EffectSizeEstimate ProbabilityOfSuperiorityNonparametric(ReadOnlySpan<double> x, ReadOnlySpan<double> y, EffectSizeOptions? options = null)
    {
        EffectSizeEstimate r = RankBiserial(x, y, options);
        static double P(double v) => (v + 1) / 2;
        return new EffectSizeEstimate(EffectSizeIndex.ProbabilityOfSuperiorityNonparametric, P(r.Estimate),
            r.Ci with { Lower = P(r.Ci.Lower), Upper = P(r.Ci.Upper) }, r.Sizes,
            "(rank-biserial r + 1)/2; CI transformed from the Fisher-z CI of r", Citations.VarghaDelaney2000);
    }

    private static EffectSizeEstimate IndependentRankBiserial(ReadOnlySpan<double> x, ReadOnlySpan<double> y, EffectSizeOptions o, EffectSizeIndex index)
    {
        Guard.CiLevel(o.CiLevel, "CiLevel");
        Guard.Finite(o.Mu, "Mu");
        SampleChecks.RequireFinite(x, "x");
        SampleChecks.RequireFinite(y, "y");
        if (x.Length < 1 || y.Length < 1) throw new ArgumentException("Each group needs at least one value.", x.Length < 1 ? "x" : "y");
        int n1 = x.Length, n2 = y.Length;
        var pooled = new double[n1 + n2];
        for (int i = 0; i < n1; i++) pooled[i] = x[i] - o.Mu;
        y.CopyTo(pooled.AsSpan(n1));
        double[] ranks = Ranks.Average(pooled);
        double r1 = 0;
        for (int i = 0; i < n1; i++) r1 += ranks[i];
        double u1 = r1 - n1 * (n1 + 1.0) / 2;
        double product = (double)n1 * n2;
        double r = (2 * u1 - product) / product;
        double se = Math.Sqrt((n1 + n2 + 1.0) / (3.0 * product));
        (double lo, double hi) = FisherZ(r, se, o);
        return new EffectSizeEstimate(index, r, new ConfidenceInterval(lo, hi, o.CiLevel, CiMethod.FisherZ), new GroupSizes(n1, n2),
            "(U1 - U2)/(n1 n2) with average ranks; CI tanh(atanh(r) +/- z SE), SE = sqrt((n1 + n2 + 1)/(3 n1 n2))",
            index == EffectSizeIndex.CliffsDelta ? Citations.Cliff1993 : Citations.Kerby2014);
    }

    private static EffectSizeEstimate PairedRankBiserial(ReadOnlySpan<double> x, ReadOnlySpan<double> y, EffectSizeOptions o)
    {
        Guard.CiLevel(o.CiLevel, "CiLevel");
        Guard.Finite(o.Mu, "Mu");
        SampleChecks.RequirePairs(x, y);
        var nonzero = new List<double>(x.Length);
        for (int i = 0; i < x.Length; i++) { double d = x[i] - y[i] - o.Mu; if (d != 0) nonzero.Add(d); }
        int nd = nonzero.Count;
        double[] abs = nonzero.Select(Math.Abs).ToArray();
        double[] ranks = Ranks.Average(abs);
        double plus = 0, minus = 0;
        for (int i = 0; i < nd; i++) { if (nonzero[i] > 0) plus += ranks[i]; else minus += ranks[i]; }
        double max = nd * (nd + 1.0) / 2;
        double r = nd == 0 ? double.NaN : (plus - minus) / max;
        double se = Math.Sqrt((2.0 * nd * nd * nd + 3.0 * nd * nd + nd) / 6) / max;
        (double lo, double hi) = FisherZ(r, se, o);
        return new EffectSizeEstimate(EffectSizeIndex.RankBiserial, r, new ConfidenceInterval(lo, hi, o.CiLevel, CiMethod.FisherZ),
            GroupSizes.Single(x.Length),
            FormattableString.Invariant($"signed-rank (W+ - W-)/(nd(nd + 1)/2), {x.Length - nd} zero differences dropped (nd = {nd}); CI by Fisher z"),
            Citations.Kerby2014);
    }

    private static (double, double) FisherZ(double r, double se, EffectSizeOptions o)
    {
        double z = Intervals.Z(o.CiLevel, o.Alternative);
        double f = Math.Atanh(r);
        return Intervals.Sided(Math.Tanh(f - z * se), Math.Tanh(f + z * se), o.Alternative, -1, 1);
    }
}
