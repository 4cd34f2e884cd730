using CohortAnalysis.Resampling;

namespace CohortAnalysis.EffectSizes;

/// <summary>Options of Cohen's d, Hedges' g and Glass's Δ; the defaults are those of R effectsize 0.8.3
/// <c>cohens_d(x, y, pooled_sd = TRUE, mu = 0, paired = FALSE, ci = 0.95, alternative = "two.sided")</c>.</summary>
/// <remarks>Immutable; derive variants with <c>with</c>: <c>StandardizedDifferenceOptions.Default with { PooledSd = false }</c>.</remarks>
public sealed record StandardizedDifferenceOptions
{
    /// <summary>The defaults (R effectsize's).</summary>
    public static StandardizedDifferenceOptions Default { get; } = new();

    /// <value>Default <c>true</c>: pooled SD, as R effectsize <c>pooled_sd = TRUE</c>. <c>false</c> uses
    /// √((s₁² + s₂²)/2) with Welch df for the CI (effectsize <c>pooled_sd = FALSE</c>; metafor <c>"SMDH"</c>).</value>
    public bool PooledSd { get; init; } = true;

    /// <value>Default <c>false</c> (R <c>paired = FALSE</c>). <c>true</c> gives d_z = mean(x − y − μ)/sd(x − y)
    /// with df = n − 1, as effectsize <c>cohens_d(paired = TRUE)</c>, JASP and SPSS.</value>
    public bool Paired { get; init; }

    /// <value>Default 0 (R <c>mu = 0</c>): the null difference subtracted before standardizing.</value>
    public double Mu { get; init; }

    /// <value>Default 0.95, as R effectsize <c>ci = 0.95</c>. Always a confidence level, never an alpha.</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="Alternative.TwoSided"/> (R <c>alternative = "two.sided"</c>). One-sided intervals
    /// use level 2·CiLevel − 1 and an infinite bound, as effectsize.</value>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <value>Default <see cref="CiMethod.NoncentralT"/> (effectsize, MBESS <c>ci.smd</c>). Also
    /// <see cref="CiMethod.Normal"/> (Hedges–Olkin variance, as metafor), <see cref="CiMethod.BootstrapPercentile"/>,
    /// <see cref="CiMethod.BootstrapBasic"/>, <see cref="CiMethod.BootstrapBca"/> (raw data only; settings in <see cref="Bootstrap"/>).</value>
    public CiMethod CiMethod { get; init; } = CiMethod.NoncentralT;

    /// <value>Default <see cref="HedgesCorrection.Exact"/> (effectsize, metafor): how J is computed for Hedges' g
    /// and when <see cref="Adjust"/> is set.</value>
    public HedgesCorrection Correction { get; init; } = HedgesCorrection.Exact;

    /// <value>Default <c>false</c>, as effectsize 0.8.3 (its <c>glass_delta</c> is unadjusted). <c>true</c> applies J to
    /// Cohen's d and Glass's Δ too (effectsize ≥ 0.8.7 <c>adjust = TRUE</c>, the default of its <c>glass_delta</c>).
    /// <see cref="EffectSize.HedgesG(ReadOnlySpan{double}, ReadOnlySpan{double}, StandardizedDifferenceOptions?, IProgress{BootstrapProgress}?, CancellationToken)"/> always applies J.</value>
    public bool Adjust { get; init; }

    /// <value>Default <see cref="ControlGroup.Second"/>: Glass's Δ is standardized by the SD of y, as effectsize
    /// <c>glass_delta(x, y)</c>.</value>
    public ControlGroup GlassControlGroup { get; init; } = ControlGroup.Second;

    /// <value>Default <see cref="BootstrapOptions.Default"/>; used only when <see cref="CiMethod"/> is a bootstrap
    /// method (its <c>Interval</c>, <c>CiLevel</c> and <c>Alternative</c> are then taken from these options).</value>
    public BootstrapOptions Bootstrap { get; init; } = BootstrapOptions.Default;
}
