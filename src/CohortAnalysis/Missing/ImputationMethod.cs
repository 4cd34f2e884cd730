namespace CohortAnalysis.Missing;

/// <summary>How the imputation model's parameters are handled when the missing values are filled in.</summary>
public enum ImputationMethod
{
    /// <summary>Bayesian multiple imputation: each imputed dataset uses its own draw of (β, Σ) from the posterior
    /// [bayes] (rbmi <c>method_bayes</c>; here by Gibbs data augmentation, see <see cref="MultipleImputation"/>).</summary>
    Bayesian,
    /// <summary>Approximate Bayesian (bootstrap) multiple imputation: each imputed dataset refits the model on a
    /// bootstrap sample of subjects, stratified by arm [approx-bayes] (rbmi <c>method_approxbayes</c>).</summary>
    ApproximateBayesian,
    /// <summary>Conditional mean imputation: missing values replaced by their conditional expectation under the REML
    /// fit, SE by jackknife or bootstrap [conditional-mean] (rbmi <c>method_condmean</c>). Deterministic with the jackknife.</summary>
    ConditionalMean,
}
