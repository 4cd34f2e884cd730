namespace CohortAnalysis.Missing;

/// <summary>A <see cref="CompleteDataAnalysis"/> behind <see cref="ICompletedAnalysis"/>: its slots are fixed by the
/// first call; later calls must return the same estimates (names and comparisons) in the same order.</summary>
internal sealed class UserAnalysis(ImputationData data, CompleteDataAnalysis analysis) : ICompletedAnalysis
{
    private EstimateSlot[]? _slots;
    private readonly object _gate = new();

    public IReadOnlyList<EstimateSlot> Slots => _slots ?? throw new InvalidOperationException("The user analysis has not run yet.");

    /// <summary>Runs the analysis once to fix its slots.</summary>
    public void Initialize(int[] subjects, double[] values)
    {
        IReadOnlyList<CompleteDataEstimate> first = analysis(new CompletedDataset(data, subjects, values))
            ?? throw new InvalidOperationException("The analysis returned null; return its estimates.");
        if (first.Count == 0) throw new InvalidOperationException("The analysis returned no estimates.");
        lock (_gate) _slots = first.Select(e => new EstimateSlot(e.Comparison, e.Name, default, false)).ToArray();
    }

    public void Analyze(int[] subjects, double[] values, double[] estimates, double[] variances, double[] df)
    {
        IReadOnlyList<CompleteDataEstimate> result = analysis(new CompletedDataset(data, subjects, values))
            ?? throw new InvalidOperationException("The analysis returned null; return its estimates.");
        EstimateSlot[] slots = _slots!;
        if (result.Count != slots.Length)
            throw new InvalidOperationException($"The analysis returned {result.Count} estimates on one completed dataset and {slots.Length} on the first; it must return the same estimates every time.");
        for (int s = 0; s < slots.Length; s++)
        {
            CompleteDataEstimate e = result[s];
            if (e.Name != slots[s].Name || e.Comparison != slots[s].Comparison)
                throw new InvalidOperationException($"Estimate {s + 1} of the analysis was '{slots[s].Name}' ({slots[s].Comparison.Describe()}) on the first completed dataset and '{e.Name}' ({e.Comparison.Describe()}) on another; it must return the same estimates every time.");
            estimates[s] = e.Estimate;
            variances[s] = e.Variance;
            df[s] = double.IsNaN(e.DegreesOfFreedom) ? double.PositiveInfinity : e.DegreesOfFreedom;
        }
    }
}
