namespace CohortAnalysis.Missing;

/// <summary>An intercurrent event of one subject: the last visit whose value is used and the strategy for the visits after it.</summary>
/// <remarks>Values observed after <paramref name="LastVisit"/> are not used (neither by the imputation model nor by the
/// analysis) and are imputed under <paramref name="Strategy"/>. Subjects without an event get the default rule of
/// <see cref="ImputationOptions.Strategy"/>. Immutable.</remarks>
/// <param name="Subject">Subject identifier (USUBJID).</param>
/// <param name="LastVisit">Study time (AVISITN) of the last visit used; null when no post-baseline value is used.</param>
/// <param name="Strategy">The strategy after it.</param>
public sealed record IntercurrentEvent(string Subject, double? LastVisit, ImputationStrategy Strategy);
