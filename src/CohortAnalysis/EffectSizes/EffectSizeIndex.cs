namespace CohortAnalysis.EffectSizes;

/// <summary>Which effect size an <see cref="EffectSizeEstimate"/> holds; each member's doc names its standardizer
/// and its R spelling, so "paired d" is never ambiguous.</summary>
public enum EffectSizeIndex
{
    /// <summary>Cohen's d, two independent groups, pooled SD (R effectsize <c>cohens_d</c>, column <c>Cohens_d</c>).</summary>
    CohensD,
    /// <summary>Hedges' g: Cohen's d times the small-sample factor J (R effectsize <c>hedges_g</c>; metafor <c>"SMD"</c>).</summary>
    HedgesG,
    /// <summary>Glass's Δ: mean difference over the SD of the control group only (R effectsize <c>glass_delta</c>; metafor <c>"SMD1"</c>).</summary>
    GlassDelta,
    /// <summary>Glass's Δ with the small-sample factor J (R effectsize ≥ 0.8.7 <c>glass_delta(adjust = TRUE)</c>).</summary>
    GlassDeltaAdjusted,
    /// <summary>d for unequal variances: mean difference over √((s₁² + s₂²)/2) (R effectsize <c>cohens_d(pooled_sd = FALSE)</c>; metafor <c>"SMDH"</c> before J).</summary>
    CohensDUnpooled,
    /// <summary>As <see cref="CohensDUnpooled"/> with the small-sample factor J (R effectsize <c>hedges_g(pooled_sd = FALSE)</c>).</summary>
    HedgesGUnpooled,
    /// <summary>d_z: mean difference over the SD of the differences (R effectsize <c>cohens_d(paired = TRUE)</c>, <c>rm_d(method = "z")</c>; metafor <c>"SMCC"</c> before J).</summary>
    Dz,
    /// <summary>d_z with the small-sample factor J(n − 1) (R effectsize <c>hedges_g(paired = TRUE)</c>; metafor <c>"SMCC"</c>).</summary>
    Gz,
    /// <summary>d_rm: d_z·√(2(1 − r)), i.e. standardized by SD_diff/√(2(1 − r)) (R effectsize <c>rm_d(method = "rm")</c>; Lakens 2013 eq. 9).</summary>
    Drm,
    /// <summary>d_rm with the small-sample factor J(n − 1).</summary>
    Grm,
    /// <summary>d_av: mean difference over the root mean square of the two SDs √((s₁² + s₂²)/2) (R effectsize <c>rm_d(method = "av")</c>; metafor <c>"SMCRP"</c>). Not the arithmetic mean of the SDs used by Lakens 2013 and Cumming 2012.</summary>
    Dav,
    /// <summary>d_av with the small-sample factor J(n − 1).</summary>
    Gav,
    /// <summary>Becker's d_b: mean change over the SD of the pre-test / reference condition (R effectsize <c>rm_d(method = "b")</c>; metafor <c>"SMCR"</c> before J).</summary>
    Db,
    /// <summary>Becker's d_b with the small-sample factor J(n − 1) (metafor <c>"SMCR"</c>).</summary>
    Gb,
    /// <summary>Standardized mean change, change-score standardizer, with J(n − 1) (metafor <c>escalc("SMCC")</c>).</summary>
    Smcc,
    /// <summary>Standardized mean change, raw-score (pre-test SD) standardizer, with J(n − 1) (metafor <c>escalc("SMCR")</c>).</summary>
    Smcr,
    /// <summary>Morris (2008) d_ppc2: difference in mean change over the pooled pre-test SD, with c(n_T + n_C − 2).</summary>
    Dppc2,
    /// <summary>Rank-biserial correlation (R effectsize <c>rank_biserial</c>).</summary>
    RankBiserial,
    /// <summary>Cliff's δ = the independent-groups rank-biserial correlation (R effectsize <c>cliffs_delta</c>).</summary>
    CliffsDelta,
    /// <summary>Probability of superiority (common-language effect size), parametric Φ(d/√2) (R effectsize <c>p_superiority(parametric = TRUE)</c>).</summary>
    ProbabilityOfSuperiority,
    /// <summary>Probability of superiority, non-parametric (r_rb + 1)/2 = Vargha–Delaney A (R effectsize <c>p_superiority(parametric = FALSE)</c>).</summary>
    ProbabilityOfSuperiorityNonparametric,
    /// <summary>Cohen's h: difference of arcsine-transformed proportions (R effectsize <c>cohens_h</c>).</summary>
    CohensH,
    /// <summary>φ coefficient of a 2 × 2 table (signed).</summary>
    Phi,
    /// <summary>A correlation r (e.g. converted from d).</summary>
    Correlation,
    /// <summary>A log odds ratio (e.g. converted from d).</summary>
    LogOddsRatio,
    /// <summary>A model-based standardized difference: an LS-mean difference (or other contrast) divided by an SD.</summary>
    StandardizedLsMeanDifference,
    /// <summary>Morris (2008) d_ppc1: the difference of the arms' raw-score standardized mean changes (SMCR_T − SMCR_C).</summary>
    Dppc1,
}
