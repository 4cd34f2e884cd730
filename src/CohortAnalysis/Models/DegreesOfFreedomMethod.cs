namespace CohortAnalysis.Models;

/// <summary>Denominator degrees of freedom of t tests and intervals for fixed effects of a mixed model.</summary>
public enum DegreesOfFreedomMethod
{
    /// <summary>Satterthwaite (1946) approximation from the delta-method variance of L·C(θ̂)·Lᵀ with the inverse observed
    /// information of θ̂ (SAS <c>DDFM=SATTERTHWAITE</c>, R mmrm <c>method = "Satterthwaite"</c>).</summary>
    Satterthwaite,
    /// <summary>Kenward &amp; Roger (1997): the small-sample bias-adjusted covariance Φ_A of β̂ (derivatives in SAS's
    /// covariance parameters, second-derivative terms included, W the inverse observed information) and their df,
    /// which for one contrast are the Satterthwaite df (SAS <c>DDFM=KENWARDROGER</c>; pbkrtest for lmer, which uses the
    /// expected information, agrees in balanced designs). REML only.</summary>
    KenwardRoger,
    /// <summary>Between-within: between-subject df for effects constant within subjects, within-subject df otherwise
    /// (SAS <c>DDFM=BW</c>, R mmrm <c>method = "Between-Within"</c>).</summary>
    BetweenWithin,
    /// <summary>Residual: n − rank(X) (SAS <c>DDFM=RESIDUAL</c>, R mmrm <c>method = "Residual"</c>).</summary>
    Residual,
    /// <summary>Kenward–Roger without the second-derivative terms Rᵢⱼ (SAS <c>DDFM=KR(FIRSTORDER)</c>, whose SE method
    /// SAS reports as Prasad–Rao–Jeske–Kackar–Harville); identical to <see cref="KenwardRoger"/> for UN, CS and Toeplitz,
    /// which are linear in their parameters. REML only.</summary>
    KenwardRogerFirstOrder,
}
