namespace CohortAnalysis.Missing;

/// <summary>Why a subject has the strategy it has.</summary>
public enum StrategySource
{
    /// <summary>Every visit observed: nothing to impute after the last visit (intermittent gaps are MAR).</summary>
    Complete,
    /// <summary>Discontinued (a missing visit with nothing observed after it): <see cref="ImputationOptions.Strategy"/>.</summary>
    Dropout,
    /// <summary>An <see cref="IntercurrentEvent"/> given in <see cref="ImputationOptions.Events"/>.</summary>
    Event,
}

/// <summary>How one subject's missing values were imputed.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Subject">Subject identifier.</param>
/// <param name="Arm">The subject's arm.</param>
/// <param name="LastVisit">The last visit used; null when no post-baseline value is used.</param>
/// <param name="Strategy">The strategy after <paramref name="LastVisit"/>.</param>
/// <param name="Source">Where the strategy came from.</param>
/// <param name="ValuesImputed">Visits imputed (missing, or observed after the last visit used).</param>
/// <param name="ValuesDiscarded">Observed values after the last visit, not used.</param>
public sealed record SubjectStrategy(string Subject, string Arm, Visit? LastVisit, ImputationStrategy Strategy,
    StrategySource Source, int ValuesImputed, int ValuesDiscarded);
