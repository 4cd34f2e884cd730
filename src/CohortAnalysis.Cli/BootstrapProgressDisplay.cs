using CohortAnalysis.Resampling;
using Spectre.Console;

namespace CohortAnalysis.Cli;

/// <summary>Shows the progress of bootstrap resampling on the terminal (standard error, so JSON on standard output stays
/// clean); silent when standard error is redirected or not interactive.</summary>
internal static class BootstrapProgressDisplay
{
    public static T Run<T>(bool bootstrap, Func<IProgress<BootstrapProgress>?, T> work)
    {
        if (!bootstrap || Console.IsErrorRedirected) return work(null);
        IAnsiConsole terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!terminal.Profile.Capabilities.Interactive) return work(null);
        T value = default!;
        terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("Bootstrap resamples");
                value = work(new TaskProgress(task));
                task.Value = task.MaxValue;
            });
        return value;
    }

    // Reports arrive from worker threads, possibly out of order: the bar only moves forward.
    private sealed class TaskProgress(ProgressTask task) : IProgress<BootstrapProgress>
    {
        private readonly Lock _gate = new();

        public void Report(BootstrapProgress value)
        {
            lock (_gate)
            {
                if (task.MaxValue != value.Total) task.MaxValue = value.Total;
                if (value.Completed > task.Value) task.Value = value.Completed;
            }
        }
    }
}
