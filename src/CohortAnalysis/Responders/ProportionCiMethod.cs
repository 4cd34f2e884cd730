namespace CohortAnalysis.Responders;

/// <summary>Confidence interval for one proportion (a response or remission rate).</summary>
public enum ProportionCiMethod
{
    /// <summary>Wilson score interval (default): R <c>prop.test(x, n, correct = FALSE)</c>, SAS BINOMIAL(WILSON),
    /// statsmodels <c>"wilson"</c>. Good coverage and never outside [0, 1].</summary>
    Wilson,
    /// <summary>Clopper–Pearson exact interval: R <c>binom.test</c>, SAS BINOMIAL(EXACT), statsmodels <c>"beta"</c>.</summary>
    ClopperPearson,
    /// <summary>Agresti–Coull: Wald interval around p̃ = (x + z²/2)/(n + z²) with ñ = n + z²; clipped to [0, 1]
    /// (statsmodels <c>"agresti_coull"</c>, SAS BINOMIAL(AGRESTICOULL)).</summary>
    AgrestiCoull,
    /// <summary>Wald p ± z√(p(1 − p)/n), clipped to [0, 1]; collapses to a point at 0 or n responders (SAS BINOMIAL default
    /// "asymptotic", statsmodels <c>"normal"</c>). Offered for comparison only.</summary>
    Wald,
}
