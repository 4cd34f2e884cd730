namespace CohortAnalysis;

/// <summary>One observation of a cohort: a subject's score on a parameter at a visit, with its derived change.</summary>
/// <remarks>An immutable view built on demand; the cohort itself stores columns, not these.</remarks>
/// <param name="Subject">Subject identifier (USUBJID).</param>
/// <param name="Arm">Treatment arm.</param>
/// <param name="Visit">Study visit.</param>
/// <param name="Parameter">Parameter code (PARAMCD).</param>
/// <param name="Value">The score (AVAL); NaN when missing.</param>
/// <param name="Baseline">The subject's baseline for this parameter (BASE); NaN when none.</param>
/// <param name="Change">Change from baseline (CHG); NaN at and before baseline or without a baseline.</param>
/// <param name="PercentChange">Percent change (PCHG = 100·CHG/|BASE|); NaN when CHG is missing or BASE = 0.</param>
/// <param name="Line">Source line (1-based, header = line 1), or 0 when built in code.</param>
public readonly record struct Observation(
    string Subject, string Arm, Visit Visit, string Parameter,
    double Value, double Baseline, double Change, double PercentChange, long Line);
