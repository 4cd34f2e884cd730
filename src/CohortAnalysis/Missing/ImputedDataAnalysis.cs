namespace CohortAnalysis.Missing;

/// <summary>The built-in analysis of each completed (imputed) dataset, whose estimates are pooled.</summary>
public enum ImputedDataAnalysis
{
    /// <summary>ANCOVA at each visit: Y ~ ARM + BASE + covariates, LS means by arm and differences from the reference arm,
    /// model-based SE, df n − p (as <see cref="Models.Ancova.Fit"/>; rbmi's <c>ancova</c>).</summary>
    AncovaAtEachVisit,
    /// <summary>The MMRM over every visit: the imputation model's fixed effects (ARM×VISIT, BASE×VISIT, covariates) and
    /// covariance structure, REML, LS means by arm and visit and differences from the reference arm, model-based SE,
    /// Satterthwaite df (as <see cref="Models.Mmrm.Fit"/> with those options). Without covariates it gives the ANCOVA's
    /// estimates and SEs (complete data, the same regressors at every visit); with covariates, which the MMRM has as main
    /// effects, it does not.</summary>
    Mmrm,
}
