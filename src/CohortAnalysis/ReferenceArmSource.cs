namespace CohortAnalysis;

/// <summary>How the reference arm of a between-arm comparison was chosen. Every result says it, so a reader can tell a
/// requested comparison from a guessed one.</summary>
public enum ReferenceArmSource
{
    /// <summary>The estimate is not a between-arm comparison (a within-arm change, one arm's summary).</summary>
    NotApplicable,
    /// <summary>The user named it (<c>--reference ARM</c>, an options record's <c>Reference</c>).</summary>
    Given,
    /// <summary>Guessed: the only arm whose name contains "placebo" (any case).</summary>
    GuessedPlacebo,
    /// <summary>Guessed: no arm is named placebo, so the first arm in alphabetical (ordinal) order.</summary>
    GuessedFirstAlphabetical,
}
