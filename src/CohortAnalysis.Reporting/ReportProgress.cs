namespace CohortAnalysis.Reporting;

/// <summary>Progress of report generation: the step under way and how many of the steps are done.</summary>
/// <param name="Step">What is being done, e.g. "MMRM of MADRS".</param>
/// <param name="Completed">Steps finished before this one.</param>
/// <param name="Total">Steps in all.</param>
public readonly record struct ReportProgress(string Step, int Completed, int Total);
