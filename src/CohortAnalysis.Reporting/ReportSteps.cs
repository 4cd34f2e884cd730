namespace CohortAnalysis.Reporting;

/// <summary>Counts the steps of a report build and reports each as it starts; checks for cancellation between steps.</summary>
internal sealed class ReportSteps(IProgress<ReportProgress>? progress, int total, CancellationToken cancellationToken)
{
    private int _completed = -1;

    public CancellationToken CancellationToken => cancellationToken;

    public void Start(string step)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _completed++;
        progress?.Report(new ReportProgress(step, Math.Min(_completed, total), total));
    }
}
