namespace CohortAnalysis.Models;

/// <summary>Denominator degrees of freedom of t tests and intervals for fixed effects of a mixed model.</summary>
public enum DegreesOfFreedomMethod
{
    /// <summary>Satterthwaite (1946) approximation from the delta-method variance of L·C(θ̂)·Lᵀ with the inverse observed
    /// information of θ̂ (SAS <c>DDFM=SATTERTHWAITE</c>, R mmrm <c>method = "Satterthwaite"</c>).</summary>
    Satterthwaite,
    /// <summary>Kenward &amp; Roger (1997): the small-sample adjusted covariance of β̂ and matching df (SAS
    /// <c>DDFM=KENWARDROGER</c>, R mmrm <c>method = "Kenward-Roger"</c>).</summary>
    KenwardRoger,
    /// <summary>Between-within: between-subject df for effects constant within subjects, within-subject df otherwise
    /// (SAS <c>DDFM=BW</c>, R mmrm <c>method = "Between-Within"</c>).</summary>
    BetweenWithin,
    /// <summary>Residual: n − rank(X) (SAS <c>DDFM=RESIDUAL</c>, R mmrm <c>method = "Residual"</c>).</summary>
    Residual,
}
