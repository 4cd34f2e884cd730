using CohortAnalysis.Resampling;

namespace CohortAnalysis.EffectSizes;

/// <summary>Effect sizes with confidence intervals: static verbs named after the index, each returning an
/// <see cref="EffectSizeEstimate"/> with value, CI, n, method and reference.</summary>
/// <remarks>
/// <para>Every estimator has a <see cref="ReadOnlySpan{T}"/> core; <see cref="IEnumerable{T}"/> overloads copy and
/// delegate; summary-statistic overloads (<see cref="SampleSummary"/>, <see cref="PairedSummary"/>) serve tables built
/// per visit and arm. Values must be finite (remove missing values first: nothing is dropped silently).</para>
/// <para>All members are thread-safe and deterministic (bootstrap intervals are seeded; see
/// <see cref="Resampling.BootstrapOptions"/>).</para>
/// </remarks>
public static partial class EffectSize
{
    /// <summary>Cohen's d for two independent groups (or d_z for paired data): the standardized mean difference.</summary>
    /// <remarks>
    /// <para>d = (x̄ − ȳ − μ) / s, where s is the pooled SD √(((n₁−1)s₁² + (n₂−1)s₂²) / (n₁+n₂−2)), or √((s₁² + s₂²)/2)
    /// when <see cref="StandardizedDifferenceOptions.PooledSd"/> is false (then the CI uses Welch df and
    /// hn = 2(n₂s₁² + n₁s₂²)/(n₁n₂(s₁² + s₂²)), as effectsize). With <see cref="StandardizedDifferenceOptions.Paired"/>,
    /// d_z = mean(x − y − μ)/sd(x − y) with df = n − 1.</para>
    /// <para>CI (default): inversion of the noncentral t distribution of t = (x̄ − ȳ − μ)/SE with df n₁+n₂−2, scaled by
    /// √(1/n₁ + 1/n₂), as R effectsize <c>cohens_d(x, y)</c> (but solved to ~1e-15 by a bracketed root finder; effectsize's
    /// <c>optim</c> is good to ~1e-7). Alternatives: normal with the Hedges–Olkin variance 1/n₁ + 1/n₂ + d²/(2N), or a
    /// stratified bootstrap (<see cref="StandardizedDifferenceOptions.CiMethod"/>).</para>
    /// <para>The sign is mean(x) − mean(y): pass the treatment first and the reference second.</para>
    /// <para>References: Cohen, J. (1988). Statistical Power Analysis for the Behavioral Sciences, 2nd ed.
    /// Hedges, L. V. &amp; Olkin, I. (1985). Statistical Methods for Meta-Analysis. Steiger &amp; Fouladi (1997).</para>
    /// </remarks>
    /// <param name="x">First (treatment) group, or the first member of each pair.</param>
    /// <param name="y">Second (reference) group, or the second member of each pair.</param>
    /// <param name="options">Options; <see cref="StandardizedDifferenceOptions.Default"/> (R effectsize defaults) when null.</param>
    /// <exception cref="ArgumentException">A group has fewer than two values or a non-finite value, both groups have zero
    /// variance, paired data have unequal lengths, or an option is out of range.</exception>
    /// <param name="progress">Progress of a bootstrap CI (ignored for the other CI methods).</param>
    /// <param name="cancellationToken">Stops a bootstrap CI between chunks of replicates (<see cref="OperationCanceledException"/>).</param>
    public static EffectSizeEstimate CohensD(ReadOnlySpan<double> x, ReadOnlySpan<double> y, StandardizedDifferenceOptions? options = null,
        IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TwoSampleRaw(x, y, Standardized.D, options ?? StandardizedDifferenceOptions.Default, progress, cancellationToken);

    /// <summary>Cohen's d for two independent groups (or d_z for paired data); see the span overload.</summary>
    /// <param name="x">First (treatment) group.</param>
    /// <param name="y">Second (reference) group.</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    public static EffectSizeEstimate CohensD(IEnumerable<double> x, IEnumerable<double> y, StandardizedDifferenceOptions? options = null) =>
        CohensD(ToArray(x, nameof(x)), ToArray(y, nameof(y)), options);

    /// <summary>Cohen's d for arrays (resolves the span / enumerable overloads for C# 12 callers); see the span overload.</summary>
    /// <param name="x">First (treatment) group.</param>
    /// <param name="y">Second (reference) group.</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    public static EffectSizeEstimate CohensD(double[] x, double[] y, StandardizedDifferenceOptions? options = null) =>
        CohensD(AsSpan(x, nameof(x)), AsSpan(y, nameof(y)), options);

    /// <summary>Cohen's d for two independent groups from summary statistics (mean, SD, n per group).</summary>
    /// <remarks>As the span overload (noncentral-t or normal CI; bootstrap needs raw data). Borenstein et al. (2009) ch. 4
    /// example: 103 (5.5, 50) vs 100 (4.5, 50) gives d = 0.5970.</remarks>
    /// <param name="x">First (treatment) group.</param>
    /// <param name="y">Second (reference) group.</param>
    /// <param name="options">Options; R effectsize defaults when null. <c>Paired</c> must be false (use the <see cref="PairedSummary"/> overload).</param>
    public static EffectSizeEstimate CohensD(SampleSummary x, SampleSummary y, StandardizedDifferenceOptions? options = null) =>
        Independent(x, y, Standardized.D, RequireUnpaired(options ?? StandardizedDifferenceOptions.Default));

    /// <summary>One-sample Cohen's d: (x̄ − μ)/s with df = n − 1 and a noncentral-t CI, as effectsize <c>cohens_d(x, mu = μ)</c>.</summary>
    /// <param name="x">The values.</param>
    /// <param name="options">Options; <see cref="StandardizedDifferenceOptions.Mu"/> is the reference value.</param>
    public static EffectSizeEstimate CohensD(ReadOnlySpan<double> x, StandardizedDifferenceOptions? options = null)
    {
        options ??= StandardizedDifferenceOptions.Default;
        SampleChecks.RequireGroup(x, "x");
        double[] raw = x.ToArray();
        return PairedZ(SampleSummary.Of(raw), Standardized.D, options, raw, [], oneSample: true);
    }

    /// <summary>d_z from a summary of paired data: mean(x − y − μ) / SD(x − y), SD(x − y) = √(s_x² + s_y² − 2 r s_x s_y).</summary>
    /// <remarks>Noncentral-t CI with df = n − 1 (effectsize <c>cohens_d(paired = TRUE)</c>). For other standardizers see
    /// <see cref="RepeatedMeasuresD(PairedSummary, RepeatedMeasuresOptions?)"/>.</remarks>
    /// <param name="pairs">Means, SDs, correlation and n of the pairs.</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    public static EffectSizeEstimate CohensD(PairedSummary pairs, StandardizedDifferenceOptions? options = null) =>
        PairedZ(DifferenceSummary(pairs), Standardized.D, options ?? StandardizedDifferenceOptions.Default);

    /// <summary>Hedges' g: Cohen's d times the small-sample factor J(df), for independent groups (or g_z for paired data).</summary>
    /// <remarks>
    /// <para>g = J(df)·d with J(df) = Γ(df/2) / (√(df/2) Γ((df − 1)/2)) (exact, default; R effectsize and metafor use it) or
    /// 1 − 3/(4df − 1) (<see cref="HedgesCorrection.Approximate"/>; Borenstein et al. 2009, pingouin). df = n₁ + n₂ − 2
    /// (Welch df when <c>PooledSd = false</c>, n − 1 when paired). J multiplies the estimate and both CI limits, as effectsize.</para>
    /// <para>CI: as <see cref="CohensD(ReadOnlySpan{double}, ReadOnlySpan{double}, StandardizedDifferenceOptions?, IProgress{BootstrapProgress}?, CancellationToken)"/>; the
    /// normal CI uses metafor's "LS" variance 1/n₁ + 1/n₂ + g²/(2N).</para>
    /// <para>References: Hedges, L. V. (1981). J Educ Stat 6:107-128. Hedges &amp; Olkin (1985).</para>
    /// </remarks>
    /// <param name="x">First (treatment) group, or the first member of each pair.</param>
    /// <param name="y">Second (reference) group, or the second member of each pair.</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    /// <exception cref="ArgumentException">As <see cref="CohensD(ReadOnlySpan{double}, ReadOnlySpan{double}, StandardizedDifferenceOptions?, IProgress{BootstrapProgress}?, CancellationToken)"/>.</exception>
    /// <param name="progress">Progress of a bootstrap CI (ignored for the other CI methods).</param>
    /// <param name="cancellationToken">Stops a bootstrap CI between chunks of replicates (<see cref="OperationCanceledException"/>).</param>
    public static EffectSizeEstimate HedgesG(ReadOnlySpan<double> x, ReadOnlySpan<double> y, StandardizedDifferenceOptions? options = null,
        IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TwoSampleRaw(x, y, Standardized.G, options ?? StandardizedDifferenceOptions.Default, progress, cancellationToken);

    /// <summary>Hedges' g; see the span overload.</summary>
    /// <param name="x">First (treatment) group.</param>
    /// <param name="y">Second (reference) group.</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    public static EffectSizeEstimate HedgesG(IEnumerable<double> x, IEnumerable<double> y, StandardizedDifferenceOptions? options = null) =>
        HedgesG(ToArray(x, nameof(x)), ToArray(y, nameof(y)), options);

    /// <summary>Hedges' g for arrays; see the span overload.</summary>
    /// <param name="x">First (treatment) group.</param>
    /// <param name="y">Second (reference) group.</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    public static EffectSizeEstimate HedgesG(double[] x, double[] y, StandardizedDifferenceOptions? options = null) =>
        HedgesG(AsSpan(x, nameof(x)), AsSpan(y, nameof(y)), options);

    /// <summary>Hedges' g from summary statistics (metafor <c>escalc("SMD")</c> with the noncentral-t CI of effectsize).</summary>
    /// <param name="x">First (treatment) group.</param>
    /// <param name="y">Second (reference) group.</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    public static EffectSizeEstimate HedgesG(SampleSummary x, SampleSummary y, StandardizedDifferenceOptions? options = null) =>
        Independent(x, y, Standardized.G, RequireUnpaired(options ?? StandardizedDifferenceOptions.Default));

    /// <summary>g_z from a summary of paired data: J(n − 1)·d_z.</summary>
    /// <param name="pairs">Means, SDs, correlation and n of the pairs.</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    public static EffectSizeEstimate HedgesG(PairedSummary pairs, StandardizedDifferenceOptions? options = null) =>
        PairedZ(DifferenceSummary(pairs), Standardized.G, options ?? StandardizedDifferenceOptions.Default);

    /// <summary>Glass's Δ: the mean difference standardized by the SD of the control group only.</summary>
    /// <remarks>
    /// <para>Δ = (x̄ − ȳ − μ) / s_y (control = y by default; <see cref="StandardizedDifferenceOptions.GlassControlGroup"/>
    /// selects x). CI: noncentral t with df = n_y − 1 and hn = 1/n_y + s_x²/(n_x s_y²), as R effectsize <c>glass_delta</c>.</para>
    /// <para>Unadjusted by default, as effectsize 0.8.3; set <see cref="StandardizedDifferenceOptions.Adjust"/> for J(n_y − 1)·Δ,
    /// the default of effectsize ≥ 0.8.7 and of metafor <c>"SMD1"</c>.</para>
    /// <para>Reference: Glass, McGaw &amp; Smith (1981). Meta-Analysis in Social Research.</para>
    /// </remarks>
    /// <param name="x">Treatment group.</param>
    /// <param name="y">Control group (by default).</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    /// <exception cref="ArgumentException">A group has fewer than two values, the control SD is zero, or <c>Paired</c> is set.</exception>
    /// <param name="progress">Progress of a bootstrap CI (ignored for the other CI methods).</param>
    /// <param name="cancellationToken">Stops a bootstrap CI between chunks of replicates (<see cref="OperationCanceledException"/>).</param>
    public static EffectSizeEstimate GlassDelta(ReadOnlySpan<double> x, ReadOnlySpan<double> y, StandardizedDifferenceOptions? options = null,
        IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TwoSampleRaw(x, y, Standardized.Glass, RequireUnpaired(options ?? StandardizedDifferenceOptions.Default), progress, cancellationToken);

    /// <summary>Glass's Δ; see the span overload.</summary>
    /// <param name="x">Treatment group.</param>
    /// <param name="y">Control group (by default).</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    public static EffectSizeEstimate GlassDelta(IEnumerable<double> x, IEnumerable<double> y, StandardizedDifferenceOptions? options = null) =>
        GlassDelta(ToArray(x, nameof(x)), ToArray(y, nameof(y)), options);

    /// <summary>Glass's Δ for arrays; see the span overload.</summary>
    /// <param name="x">Treatment group.</param>
    /// <param name="y">Control group (by default).</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    public static EffectSizeEstimate GlassDelta(double[] x, double[] y, StandardizedDifferenceOptions? options = null) =>
        GlassDelta(AsSpan(x, nameof(x)), AsSpan(y, nameof(y)), options);

    /// <summary>Glass's Δ from summary statistics.</summary>
    /// <param name="x">Treatment group.</param>
    /// <param name="y">Control group (by default).</param>
    /// <param name="options">Options; R effectsize defaults when null.</param>
    public static EffectSizeEstimate GlassDelta(SampleSummary x, SampleSummary y, StandardizedDifferenceOptions? options = null) =>
        Independent(x, y, Standardized.Glass, RequireUnpaired(options ?? StandardizedDifferenceOptions.Default));

    /// <summary>d_z (or g_z) of paired values: mean(x − y − μ)/SD(x − y) = t/√n, times J(n − 1) for g_z; the CI method
    /// of <paramref name="options"/> (noncentral t by default, as R effectsize <c>cohens_d(x, y, paired = TRUE)</c>).</summary>
    internal static EffectSizeEstimate PairedD(double[] x, double[] y, bool hedges, StandardizedDifferenceOptions options,
        IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TwoSampleRaw(x, y, hedges ? Standardized.G : Standardized.D, options with { Paired = true }, progress, cancellationToken);

    private static EffectSizeEstimate TwoSampleRaw(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Standardized kind, StandardizedDifferenceOptions o,
        IProgress<BootstrapProgress>? progress, CancellationToken cancellationToken)
    {
        Guard.NotNull(o);
        if (o.Paired)
        {
            if (kind == Standardized.Glass) throw new ArgumentException("Glass's delta is for independent groups; Paired must be false.", "options");
            SampleChecks.RequirePairs(x, y);
            var diff = new double[x.Length];
            SampleChecks.Differences(x, y, diff);
            return PairedZ(SampleSummary.Of(diff), kind, o, x.ToArray(), y.ToArray(), false, progress, cancellationToken);
        }
        SampleChecks.RequireGroup(x, "x");
        SampleChecks.RequireGroup(y, "y");
        return Independent(SampleSummary.Of(x), SampleSummary.Of(y), kind, o,
            Intervals.IsBootstrap(o.CiMethod) ? x.ToArray() : null, Intervals.IsBootstrap(o.CiMethod) ? y.ToArray() : null, progress, cancellationToken);
    }

    private static StandardizedDifferenceOptions RequireUnpaired(StandardizedDifferenceOptions o)
    {
        Guard.NotNull(o);
        if (o.Paired) throw new ArgumentException("Paired = true needs paired data: pass both spans or a PairedSummary.", "options");
        return o;
    }

    private static SampleSummary DifferenceSummary(PairedSummary p)
    {
        if (p.N < 2 || !(p.Correlation >= -1 && p.Correlation <= 1))
            throw new ArgumentException(FormattableString.Invariant($"Paired summary needs n ≥ 2 and a correlation in [-1, 1]; got n = {p.N}, r = {p.Correlation}."), "pairs");
        return new SampleSummary(p.MeanX - p.MeanY, p.SdDifference, p.N);
    }

    private static double[] ToArray(IEnumerable<double> values, string name)
    {
        Guard.NotNull(values, name);
        return values as double[] ?? values.ToArray();
    }

    private static ReadOnlySpan<double> AsSpan(double[] values, string name)
    {
        Guard.NotNull(values, name);
        return values;
    }
}
