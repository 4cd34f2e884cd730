namespace CohortAnalysis;

/// <summary>Which quantity a change-from-baseline summary row describes.</summary>
public enum ChangeVariable
{
    /// <summary>The observed score (ADaM AVAL); the only row at and before baseline.</summary>
    Value,
    /// <summary>Change from baseline (CHG = AVAL − BASE).</summary>
    Change,
    /// <summary>Percent change from baseline (PCHG = 100·CHG/|BASE|).</summary>
    PercentChange,
}
