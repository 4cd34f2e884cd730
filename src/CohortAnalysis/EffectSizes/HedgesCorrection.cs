namespace CohortAnalysis.EffectSizes;

/// <summary>How the small-sample bias factor J(df) of Hedges' g is computed.</summary>
public enum HedgesCorrection
{
    /// <summary>No correction (J = 1): Cohen's d.</summary>
    None,
    /// <summary>Exact J(df) = Γ(df/2) / (√(df/2) Γ((df − 1)/2)) (Hedges 1981), via log-gamma; what R effectsize
    /// (<c>hedges_g</c>, <c>adjust = TRUE</c>) and metafor (<c>.cmicalc</c>) use.</summary>
    Exact,
    /// <summary>Approximation J ≈ 1 − 3/(4 df − 1) (Hedges 1981; Borenstein et al. 2009 eq. 4.22); for
    /// independent groups the same as pingouin's 1 − 3/(4(n₁ + n₂) − 9).</summary>
    Approximate,
}
