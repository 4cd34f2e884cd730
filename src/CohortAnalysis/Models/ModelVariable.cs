namespace CohortAnalysis.Models;

/// <summary>One column of a <see cref="ModelData"/>: a factor (categorical) or a numeric covariate.</summary>
internal abstract record ModelVariable(string Name);

/// <summary>A categorical variable: per record the index of its level (−1 when missing).</summary>
/// <param name="Name">Variable name as used in terms (e.g. "ARM", "VISIT").</param>
/// <param name="Codes">Per record: index into <paramref name="Levels"/>, or −1 when missing.</param>
/// <param name="Levels">Level labels in model order; the order fixes the treatment coding and the order of LS means.</param>
internal sealed record FactorVariable(string Name, int[] Codes, string[] Levels) : ModelVariable(Name)
{
    /// <summary>Index of a level by label (ordinal comparison), or −1.</summary>
    public int IndexOf(string level) => Array.IndexOf(Levels, level);
}

/// <summary>A continuous variable: per record its value (NaN when missing).</summary>
internal sealed record NumericVariable(string Name, double[] Values) : ModelVariable(Name);
