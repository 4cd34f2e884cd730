namespace CohortAnalysis.Descriptive;

/// <summary>An estimate that is the mean of a sample it also describes (SD, median, quartiles, range), such as a
/// change-from-baseline cell; the renderers add those statistics as columns.</summary>
public interface IDescribedSample
{
    /// <summary>The description of the sample.</summary>
    Summary Summary { get; }
}
