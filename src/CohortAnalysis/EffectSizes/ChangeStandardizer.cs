namespace CohortAnalysis.EffectSizes;

/// <summary>The standardizer of a single-arm standardized mean change, with metafor's measure names.</summary>
public enum ChangeStandardizer
{
    /// <summary>Change-score standardization: SD of the differences (metafor <c>escalc("SMCC")</c>; Gibbons et al. 1993).</summary>
    ChangeScore,
    /// <summary>Raw-score standardization: SD of the pre-test (metafor <c>escalc("SMCR")</c> with sd1i = pre-test SD; Becker 1988).</summary>
    RawScore,
}
