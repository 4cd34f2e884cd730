using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CohortAnalysis.Reporting;
using CohortAnalysis.Reporting.Html;
using CohortAnalysis.Resampling;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort report [FILE] -o report.html</c>: the trial report (data quality, baseline, change, MMRM with
/// sensitivity analyses, effect sizes, responders, mood and pain, methods) as one self-contained HTML file.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var options = new CliOptions();
        var output = new Option<string>("--output", "-o") { Description = "HTML file to write (default report.html).", DefaultValueFactory = _ => "report.html" };
        var mood = new Option<string?>("--mood") { Description = $"Mood endpoint parameter (default {TrialReportOptions.Default.Mood}, when the file has it)." };
        var pain = new Option<string?>("--pain") { Description = $"Pain endpoint parameter (default {TrialReportOptions.Default.Pain}, when the file has it)." };
        var seed = new Option<ulong>("--seed") { Description = $"Seed of the bootstrap interval (default {BootstrapOptions.Default.Seed}); the same data and seed give the same file byte for byte.", DefaultValueFactory = _ => BootstrapOptions.Default.Seed };
        var ciLevel = new Option<double>("--ci-level") { Description = "Confidence level of every interval (default 0.95).", DefaultValueFactory = _ => 0.95 };
        var reference = new Option<string?>("--reference") { Description = "Reference arm of every between-arm comparison (default: the arm named like placebo, else the first alphabetically; tables say which)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar and no closing line (both go to the terminal only)." };
        var command = new Command("report", "The trial report as one self-contained HTML file (tables, inline SVG figures and methods; no script or network needed; prints on A4). Runs on the bundled demo trial when no FILE is given.");
        options.AddTo(command, format: false);
        foreach (Option o in new Option[] { output, mood, pain, reference, seed, ciLevel, quiet }) command.Options.Add(o);
        CommandRunner.SetAction(command, options, result =>
        {
            var clock = Stopwatch.StartNew();
            string path = result.GetValue(output)!;
            string? file = result.GetValue(options.File);
            var reportOptions = new TrialReportOptions
            {
                Mood = result.GetValue(mood) ?? TrialReportOptions.Default.Mood,
                MoodRequired = result.GetValue(mood) is not null,
                Pain = result.GetValue(pain) ?? TrialReportOptions.Default.Pain,
                PainRequired = result.GetValue(pain) is not null,
                Seed = result.GetValue(seed),
                CiLevel = result.GetValue(ciLevel),
                Reference = result.GetValue(reference),
                CommandLine = CommandLine(result),
            };
            Cohort cohort = options.ReadCohort(result);
            foreach (Option<string?> endpoint in new[] { mood, pain })
                if (result.GetValue(endpoint) is { } code && cohort.IndexOfParameter(code) < 0)
                    throw new ArgumentException($"{endpoint.Name} {code}: not a parameter of the data; its parameters are {string.Join(", ", cohort.Parameters)}.");
            ReportSource source = file is null ? ReportSource.DemoTrialCsv() : ReportSource.FromFile(file);
            string html = ReportProgressDisplay.Run(result.GetValue(quiet), progress =>
            {
                TrialReport report = TrialReport.Build(cohort, source, reportOptions, progress.Analyses);
                return TrialReportHtml.ToHtml(report, progress.Figures);
            });
            File.WriteAllText(path, html, new System.Text.UTF8Encoding(false));
            if (!result.GetValue(quiet) && !Console.IsOutputRedirected)
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {path} ({html.Length / 1024} KiB) in {clock.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        });
        return command;
    }

    /// <summary>The command line as a POSIX shell would take it back: "cohort" and each token, quoted when needed.</summary>
    internal static string CommandLine(ParseResult result) =>
        string.Join(" ", new[] { "cohort" }.Concat(result.Tokens.Select(t => Quote(t.Value))));

    private static string Quote(string token) =>
        token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c))
            ? token
            : "'" + token.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
