using CohortAnalysis.Reporting;
using Spectre.Console;

namespace CohortAnalysis.Cli;

/// <summary>Shows the report's progress on the terminal (standard error): one bar for the analyses, one for the figures;
/// silent with --quiet, when standard error is redirected or when the terminal is not interactive.</summary>
internal static class ReportProgressDisplay
{
    /// <summary>Where the two kinds of step report.</summary>
    internal sealed record Sinks(IProgress<ReportProgress>? Analyses, IProgress<ReportProgress>? Figures);

    public static T Run<T>(bool quiet, Func<Sinks, T> work)
    {
        if (quiet || Console.IsErrorRedirected) return work(new Sinks(null, null));
        IAnsiConsole terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!terminal.Profile.Capabilities.Interactive) return work(new Sinks(null, null));
        T value = default!;
        terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask analyses = context.AddTask("Analyses"), figures = context.AddTask("Figures");
                value = work(new Sinks(new StepProgress(analyses, "Analyses"), new StepProgress(figures, "Figures")));
                analyses.Value = analyses.MaxValue;
                figures.Value = figures.MaxValue;
            });
        return value;
    }

    // Steps arrive in order on the calling thread: the bar shows the step under way.
    private sealed class StepProgress(ProgressTask task, string label) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value)
        {
            task.MaxValue = value.Total;
            task.Value = value.Completed;
            task.Description = $"{label}: {Markup.Escape(value.Step)}";
        }
    }
}
