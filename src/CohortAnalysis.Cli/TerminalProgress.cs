using Spectre.Console;

namespace CohortAnalysis.Cli;

/// <summary>A progress bar on the terminal for long library calls (bootstrap resampling, imputation): on standard error,
/// so JSON on standard output stays clean; silent when standard error is redirected or not interactive.</summary>
internal static class TerminalProgress
{
    /// <param name="show">False: run without a bar.</param>
    /// <param name="read">The stage name, units completed and total of one report.</param>
    /// <param name="work">The call, given the progress sink (null when no bar is shown).</param>
    public static T Run<TReport, T>(bool show, Func<TReport, (string Stage, int Completed, int Total)> read, Func<IProgress<TReport>?, T> work)
    {
        if (!show || Console.IsErrorRedirected) return work(null);
        // Spectre's own detection calls the console non-interactive when standard output is redirected, which is when the
        // bar matters most (cohort … --format json > result.json); the bar is on standard error, checked above. CI runners
        // redirect standard error, so they get no bar either.
        IAnsiConsole terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
        T value = default!;
        terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("Starting");
                value = work(new TaskProgress<TReport>(task, read));
                task.Value = task.MaxValue;
            });
        return value;
    }

    // Reports arrive from worker threads, possibly out of order: within a stage the bar only moves forward.
    private sealed class TaskProgress<TReport>(ProgressTask task, Func<TReport, (string Stage, int Completed, int Total)> read) : IProgress<TReport>
    {
        private readonly Lock _gate = new();

        public void Report(TReport value)
        {
            var (stage, completed, total) = read(value);
            lock (_gate)
            {
                if (task.Description != stage) { task.Description = stage; task.Value = 0; }
                if (task.MaxValue != total) task.MaxValue = total;
                if (completed > task.Value) task.Value = completed;
            }
        }
    }
}
