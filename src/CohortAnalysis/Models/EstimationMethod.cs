namespace CohortAnalysis.Models;

/// <summary>How the covariance parameters of a mixed model are estimated.</summary>
public enum EstimationMethod
{
    /// <summary>Restricted maximum likelihood (SAS <c>METHOD=REML</c>, the default there and in R mmrm, nlme <c>method = "REML"</c>).</summary>
    Reml,
    /// <summary>Maximum likelihood (SAS <c>METHOD=ML</c>, R mmrm <c>reml = FALSE</c>).</summary>
    Ml,
}
