namespace CohortAnalysis.EffectSizes;

/// <summary>Which effect size a cohort-level analysis computes (the CLI's <c>--measure</c>).</summary>
public enum EffectSizeMeasure
{
    /// <summary>Cohen's d between arms (pooled SD; <c>cohens-d</c>).</summary>
    CohensD,
    /// <summary>Hedges' g between arms (exact J; <c>hedges-g</c>).</summary>
    HedgesG,
    /// <summary>Glass's Δ between arms, standardized by the reference arm's SD (<c>glass-delta</c>).</summary>
    GlassDelta,
    /// <summary>d_z within each arm: mean change / SD of change, t/√n (<c>d-z</c>); noncentral-t CI by default, as R
    /// effectsize <c>cohens_d(post, pre, paired = TRUE)</c>.</summary>
    Dz,
    /// <summary>d_av within each arm: mean change / √((s²_pre + s²_post)/2) (<c>d-av</c>).</summary>
    Dav,
    /// <summary>d_rm within each arm: corrected for the pre–post correlation (<c>d-rm</c>).</summary>
    Drm,
    /// <summary>Morris (2008) d_ppc2: difference in mean change over the pooled baseline SD (<c>d-ppc2</c>).</summary>
    Dppc2,
    /// <summary>Rank-biserial correlation between arms (<c>rank-biserial</c>).</summary>
    RankBiserial,
    /// <summary>Cliff's δ between arms (<c>cliffs-delta</c>).</summary>
    CliffsDelta,
    /// <summary>Common-language effect size / probability of superiority, Φ(d/√2) (<c>cles</c>).</summary>
    Cles,
    /// <summary>Cohen's h on the instrument's response proportions (<c>cohens-h</c>).</summary>
    CohensH,
    /// <summary>Morris (2008) d_ppc1: SMCR of the treatment arm minus SMCR of the reference arm (<c>d-ppc1</c>).</summary>
    Dppc1,
    /// <summary>g_z within each arm: d_z times Hedges' exact J(n − 1) (<c>g-z</c>), as R effectsize
    /// <c>hedges_g(post, pre, paired = TRUE)</c>.</summary>
    Gz,
}
