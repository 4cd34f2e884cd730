namespace CohortAnalysis.EffectSizes;

/// <summary>The standardizer of a repeated-measures (paired, within-subject) d; names follow R effectsize
/// <c>rm_d(method = …)</c> (≥ 0.8.7).</summary>
public enum RepeatedMeasuresMethod
{
    /// <summary>d_rm (effectsize <c>"rm"</c>, its default): SD_diff/√(2(1 − r)), i.e. d_z·√(2(1 − r)) (Cooper et al. 2009 eq. 12.21; Lakens 2013 eq. 9).</summary>
    Rm,
    /// <summary>d_z (effectsize <c>"z"</c>): SD of the differences (Hedges &amp; Olkin 1985 p. 86; metafor <c>"SMCC"</c>).</summary>
    Z,
    /// <summary>d_av (effectsize <c>"av"</c>): √((s_x² + s_y²)/2), the root mean square of the SDs (Algina &amp; Keselman 2003;
    /// metafor <c>"SMCRP"</c>; pingouin paired d). Lakens 2013, Cumming 2012 and MOTE use the arithmetic mean (s_x + s_y)/2
    /// under the same name: on Lakens's data 1.125880 (RMS) vs 1.128697 (arithmetic).</summary>
    Av,
    /// <summary>Becker's d_b (effectsize <c>"b"</c>): SD of y, the pre-test / reference condition (Becker 1988; metafor <c>"SMCR"</c>).</summary>
    B,
}
