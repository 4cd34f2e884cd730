namespace CohortAnalysis.Models;

/// <summary>Which covariance of the coefficient estimates a linear model's SEs and tests use.</summary>
/// <remarks>The heteroscedasticity-consistent (sandwich) estimators V = (XᵀX)⁻¹ Xᵀ diag(ωᵢ) X (XᵀX)⁻¹ differ in ωᵢ, with eᵢ the
/// residual and hᵢ the leverage (MacKinnon &amp; White 1985; Long &amp; Ervin 2000). R: <c>sandwich::vcovHC(fit, type = …)</c>;
/// SAS PROC REG <c>HCC HCCMETHOD=0..3</c>. The FDA guidance on covariate adjustment (2023) recommends considering them.</remarks>
public enum RobustCovariance
{
    /// <summary>Default: the model-based covariance s²(XᵀX)⁻¹ (R <c>vcov(lm)</c>; SAS PROC GLM).</summary>
    ModelBased,
    /// <summary>HC0, White (1980): ωᵢ = eᵢ². R <c>type = "HC0"</c>.</summary>
    Hc0,
    /// <summary>HC1: ωᵢ = eᵢ²·n/(n − p). R <c>type = "HC1"</c> (Stata <c>robust</c>).</summary>
    Hc1,
    /// <summary>HC2: ωᵢ = eᵢ²/(1 − hᵢ). R <c>type = "HC2"</c>.</summary>
    Hc2,
    /// <summary>HC3: ωᵢ = eᵢ²/(1 − hᵢ)². R <c>type = "HC3"</c> (the <c>vcovHC</c> default).</summary>
    Hc3,
}
