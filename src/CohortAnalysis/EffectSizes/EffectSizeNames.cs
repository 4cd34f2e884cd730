namespace CohortAnalysis.EffectSizes;

/// <summary>Display names of the effect-size indices, as printed by <see cref="EffectSizeEstimate"/>.</summary>
internal static class EffectSizeNames
{
    public static string Of(EffectSizeIndex index) => index switch
    {
        EffectSizeIndex.CohensD => "Cohen's d",
        EffectSizeIndex.HedgesG => "Hedges' g",
        EffectSizeIndex.GlassDelta => "Glass's delta",
        EffectSizeIndex.GlassDeltaAdjusted => "Glass's delta (adjusted)",
        EffectSizeIndex.CohensDUnpooled => "Cohen's d (unpooled SD)",
        EffectSizeIndex.HedgesGUnpooled => "Hedges' g (unpooled SD)",
        EffectSizeIndex.Dz => "d_z",
        EffectSizeIndex.Gz => "g_z",
        EffectSizeIndex.Drm => "d_rm",
        EffectSizeIndex.Grm => "g_rm",
        EffectSizeIndex.Dav => "d_av",
        EffectSizeIndex.Gav => "g_av",
        EffectSizeIndex.Db => "Becker's d_b",
        EffectSizeIndex.Gb => "Becker's g_b",
        EffectSizeIndex.Smcc => "SMCC",
        EffectSizeIndex.Smcr => "SMCR",
        EffectSizeIndex.Dppc2 => "d_ppc2",
        EffectSizeIndex.Dppc1 => "d_ppc1",
        EffectSizeIndex.RankBiserial => "r (rank-biserial)",
        EffectSizeIndex.CliffsDelta => "Cliff's delta",
        EffectSizeIndex.ProbabilityOfSuperiority => "P(superiority)",
        EffectSizeIndex.ProbabilityOfSuperiorityNonparametric => "P(superiority, non-parametric)",
        EffectSizeIndex.CohensH => "Cohen's h",
        EffectSizeIndex.Phi => "phi",
        EffectSizeIndex.Correlation => "r",
        EffectSizeIndex.LogOddsRatio => "log OR",
        EffectSizeIndex.StandardizedLsMeanDifference => "standardized LS-mean difference",
        _ => index.ToString(),
    };
}
