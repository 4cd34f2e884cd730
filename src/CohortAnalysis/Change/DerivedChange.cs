namespace CohortAnalysis.Change;

/// <summary>CHG and PCHG of one record from its value and its subject's baseline record, after the BDS variables of the
/// CDISC ADaM Implementation Guide (CHG = AVAL − BASE; PCHG = 100 × (AVAL − BASE) / BASE), derived here for records after
/// the baseline visit only. One definition serves the load's file check, the cohort's columns and the trajectories' grid.</summary>
internal static class DerivedChange
{
    /// <summary>CHG: <paramref name="value"/> − <paramref name="baseline"/> at a visit after the baseline record's;
    /// NaN at or before it, or without a baseline.</summary>
    public static double Change(double value, double visit, double baseline, double baselineVisit) =>
        !double.IsNaN(baseline) && visit > baselineVisit ? value - baseline : double.NaN;

    /// <summary>PCHG = 100·CHG/|BASE|; NaN when CHG is missing or BASE is 0 (or missing). On the non-negative scales of
    /// trials this is ADaM's PCHG; the absolute value keeps the sign of the change when a baseline is negative.</summary>
    public static double PercentChange(double change, double baseline) =>
        baseline != 0 ? 100.0 * change / Math.Abs(baseline) : double.NaN;
}
