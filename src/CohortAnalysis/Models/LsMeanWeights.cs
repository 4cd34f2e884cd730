namespace CohortAnalysis.Models;

/// <summary>How LS means average over the levels of categorical covariates not in the LS-mean specification.</summary>
public enum LsMeanWeights
{
    /// <summary>Each combination of levels weighted equally: SAS <c>LSMEANS</c> default, R emmeans <c>weights = "equal"</c>.</summary>
    Equal,
    /// <summary>Weighted by the frequency of each combination of levels among the records analysed: R emmeans
    /// <c>weights = "proportional"</c> (tern.mmrm's choice), SAS <c>LSMEANS / OM</c>.</summary>
    Proportional,
}
