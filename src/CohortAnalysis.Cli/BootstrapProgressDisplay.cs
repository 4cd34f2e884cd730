using CohortAnalysis.Resampling;

namespace CohortAnalysis.Cli;

/// <summary>Shows the progress of bootstrap resampling on the terminal (<see cref="TerminalProgress"/>).</summary>
internal static class BootstrapProgressDisplay
{
    public static T Run<T>(bool bootstrap, Func<IProgress<BootstrapProgress>?, T> work) =>
        TerminalProgress.Run<BootstrapProgress, T>(bootstrap, p => ("Bootstrap resamples", p.Completed, p.Total), work);
}
