namespace CohortAnalysis.Missing;

/// <summary>How conditional mean imputation gets its standard error.</summary>
public enum ResamplingVariance
{
    /// <summary>Leave one subject out at a time, refit, re-impute, re-analyse: SE = √((n − 1)/n·Σ(θ₋ᵢ − θ̄)²)
    /// [jackknife] (rbmi <c>method_condmean(type = "jackknife")</c>).</summary>
    Jackknife,
    /// <summary>Bootstrap subjects stratified by arm, refit, re-impute, re-analyse: SE = SD of the bootstrap estimates
    /// [bootstrap] (rbmi <c>method_condmean(type = "bootstrap")</c>, <c>pool(type = "normal")</c>).</summary>
    Bootstrap,
}
