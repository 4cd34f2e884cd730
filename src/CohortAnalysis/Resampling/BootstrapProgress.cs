namespace CohortAnalysis.Resampling;

/// <summary>Progress of a bootstrap run, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Completed">Replicates finished so far.</param>
/// <param name="Total">Replicates requested.</param>
public readonly record struct BootstrapProgress(int Completed, int Total)
{
    /// <summary>Completed / Total, between 0 and 1.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;
}
