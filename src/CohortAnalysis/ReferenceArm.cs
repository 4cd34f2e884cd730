namespace CohortAnalysis;

/// <summary>Chooses the reference arm of between-arm comparisons, once, and says how it was chosen.</summary>
public static class ReferenceArm
{
    /// <summary>The reference arm among <paramref name="arms"/>: the one given, else the only arm whose name contains
    /// "placebo" (any case), else the first arm in ordinal order.</summary>
    /// <param name="arms">The cohort's arms.</param>
    /// <param name="given">The arm the user named, or null to guess.</param>
    /// <exception cref="ArgumentException">The given arm does not exist (the message lists the arms), or there are no arms.</exception>
    public static (string Arm, ReferenceArmSource Source) Resolve(IReadOnlyList<string> arms, string? given)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count == 0) throw new ArgumentException("The cohort has no arms.", nameof(arms));
        if (given is not null)
        {
            foreach (string arm in arms)
                if (string.Equals(arm, given, StringComparison.Ordinal)) return (arm, ReferenceArmSource.Given);
            throw new ArgumentException($"No arm '{given}' to use as the reference; arms are: {string.Join(", ", arms)}.", nameof(given));
        }
        var placebo = arms.Where(a => a.Contains("placebo", StringComparison.OrdinalIgnoreCase)).ToList();
        if (placebo.Count == 1) return (placebo[0], ReferenceArmSource.GuessedPlacebo);
        string first = (placebo.Count > 1 ? placebo : arms).OrderBy(a => a, StringComparer.Ordinal).First();
        return (first, ReferenceArmSource.GuessedFirstAlphabetical);
    }
}
