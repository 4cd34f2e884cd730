namespace CohortAnalysis.Resampling;

/// <summary>Which bootstrap confidence interval to form from the replicates.</summary>
public enum BootstrapInterval
{
    /// <summary>Percentile interval: quantiles of the replicates (R boot <c>type = "perc"</c>; scipy <c>method="percentile"</c>).</summary>
    Percentile,
    /// <summary>Basic (reverse percentile) interval: 2θ̂ − quantiles (R boot <c>type = "basic"</c>; scipy <c>method="basic"</c>).</summary>
    Basic,
    /// <summary>Bias-corrected and accelerated interval, acceleration from the jackknife (Efron 1987; R boot <c>type = "bca"</c>;
    /// scipy <c>method="BCa"</c>, scipy's default).</summary>
    Bca,
}
