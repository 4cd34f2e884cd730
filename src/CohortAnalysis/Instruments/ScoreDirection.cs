namespace CohortAnalysis.Instruments;

/// <summary>Which way a score moves when the patient gets worse.</summary>
public enum ScoreDirection
{
    /// <summary>Higher scores mean more severe symptoms (all built-in depression and pain instruments).</summary>
    HigherIsWorse,
    /// <summary>Higher scores mean better health (e.g. a quality-of-life index).</summary>
    HigherIsBetter,
}
