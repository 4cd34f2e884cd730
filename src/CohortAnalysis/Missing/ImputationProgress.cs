namespace CohortAnalysis.Missing;

/// <summary>Progress of an imputation run, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Stage">"posterior draws", "imputations", "jackknife" or "bootstrap" while the completed datasets are made,
/// then "analyses" while each is analysed (for a tipping point, once per δ: Total = datasets × grid size).</param>
/// <param name="Completed">Units of the stage finished so far.</param>
/// <param name="Total">Units in the stage.</param>
public readonly record struct ImputationProgress(string Stage, int Completed, int Total)
{
    /// <summary>Completed / Total, between 0 and 1.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;
}
