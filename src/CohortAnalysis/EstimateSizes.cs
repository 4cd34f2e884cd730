using System.Globalization;

namespace CohortAnalysis;

/// <summary>How many observations (or subjects, or pairs) an estimate used, per group, and how many it left out.</summary>
/// <remarks>Immutable. <see cref="Missing"/> counts values that were absent at the analysis cell (e.g. a subject without a
/// value at the visit); <see cref="Excluded"/> counts values that were present but not used (non-finite values refused by
/// policy, subjects outside the analysis set). Rows excluded when the file was read are counted in the cohort's
/// <see cref="DataQualityReport"/>, not here.</remarks>
/// <param name="Groups">The sizes used: treatment vs reference for a between-arm estimate, one group otherwise.</param>
/// <param name="Missing">Values missing at the analysis cell.</param>
/// <param name="Excluded">Values present but left out, with the reason in the estimate's note.</param>
public readonly record struct EstimateSizes(GroupSizes Groups, int Missing = 0, int Excluded = 0)
{
    /// <summary>Sizes of a one-group (one-sample, paired, within-arm) estimate.</summary>
    public static EstimateSizes Single(int n, int missing = 0, int excluded = 0) => new(GroupSizes.Single(n), missing, excluded);

    /// <summary>Sizes of a two-group estimate.</summary>
    public static EstimateSizes Two(int treatment, int reference, int missing = 0, int excluded = 0) => new(new GroupSizes(treatment, reference), missing, excluded);

    /// <summary>Sizes with nothing missing or excluded.</summary>
    public static implicit operator EstimateSizes(GroupSizes groups) => new(groups);

    /// <summary>Total number of values used.</summary>
    public int Used => Groups.Total;

    /// <summary>"n = 40 vs 38", followed by the missing and excluded counts when there are any.</summary>
    public override string ToString()
    {
        string text = "n = " + Groups.ToString();
        if (Missing > 0) text += string.Create(CultureInfo.InvariantCulture, $", {Missing} missing");
        if (Excluded > 0) text += string.Create(CultureInfo.InvariantCulture, $", {Excluded} excluded");
        return text;
    }
}
