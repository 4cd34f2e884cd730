namespace CohortAnalysis.Missing;

/// <summary>What one pooled estimate is: its comparison, name and sizes, and whether it is an LS mean or a difference.</summary>
internal sealed record EstimateSlot(Comparison Comparison, string Name, EstimateSizes Sizes, bool IsDifference);

/// <summary>A complete-data analysis on arrays: estimates, variances and df in slot order for a sample of subjects.</summary>
internal interface ICompletedAnalysis
{
    /// <summary>Slots, known before the first call (ANCOVA) or fixed by the first call (user analysis).</summary>
    IReadOnlyList<EstimateSlot> Slots { get; }

    /// <summary>Analyses the subjects <paramref name="subjects"/> (indices into the data, repeats allowed) with completed
    /// values <paramref name="values"/> (n×T over all subjects).</summary>
    void Analyze(int[] subjects, double[] values, double[] estimates, double[] variances, double[] df);
}
