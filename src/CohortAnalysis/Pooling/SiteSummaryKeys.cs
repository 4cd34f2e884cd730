namespace CohortAnalysis.Pooling;

/// <summary>The key of one change-summary cell of a <see cref="SiteSummary"/>: parameter × arm × visit × variable.</summary>
/// <param name="Parameter">Parameter code.</param>
/// <param name="Arm">Arm.</param>
/// <param name="Visit">Visit time.</param>
/// <param name="Variable">AVAL, CHG or PCHG.</param>
public readonly record struct SummaryKey(string Parameter, string Arm, double Visit, ChangeVariable Variable);

/// <summary>Which instrument rule a pooled responder tally counts.</summary>
public enum PooledResponderRule
{
    /// <summary>The instrument's response rule (e.g. MADRS ≥ 50 % reduction).</summary>
    Response,
    /// <summary>The instrument's remission rule (e.g. MADRS ≤ 10).</summary>
    Remission,
}

/// <summary>The key of one responder tally of a <see cref="SiteSummary"/>: parameter × rule × visit × arm.</summary>
/// <param name="Parameter">Parameter code.</param>
/// <param name="Rule">Response or remission.</param>
/// <param name="Visit">Visit time.</param>
/// <param name="Arm">Arm.</param>
public readonly record struct ResponderKey(string Parameter, PooledResponderRule Rule, double Visit, string Arm);

/// <summary>The key of one change correlation of a <see cref="SiteSummary"/>: the two parameters (CHG), the arm and the visit.</summary>
/// <param name="First">Parameter on x.</param>
/// <param name="Second">Parameter on y.</param>
/// <param name="Arm">Arm, or null for all subjects.</param>
/// <param name="Visit">Visit time.</param>
public readonly record struct CorrelationKey(string First, string Second, string? Arm, double Visit);
