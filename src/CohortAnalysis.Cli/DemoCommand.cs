using System.CommandLine;
using System.Text;
using CohortAnalysis.Data;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort demo</c>: writes the synthetic demo trial (regenerated from its seed) as CSV.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Simulation seed (the bundled file uses the default).", DefaultValueFactory = _ => DemoTrial.DefaultSeed };
        var subjects = new Option<int>("--subjects")
        {
            Description = $"Number of subjects, 2 to {OptionRules.MaxDemoSubjects} (default 120).", DefaultValueFactory = _ => 120,
        };
        var output = new Option<string?>("--output") { Description = "File to write (default: standard output): CSV, or SAS transport / Dataset-JSON / Apache Parquet for .xpt, .json, .ndjson, .parquet." };
        var verbose = new Option<bool>("--verbose") { Description = "Show stack traces on errors." };
        var command = new Command("demo", "Write the synthetic demo trial CSV (seeded simulation; the bundled dataset is --seed 20221103).")
        {
            seed, subjects, output, verbose,
        };
        CommandRunner.SetAction(command, verbose, result =>
        {
            if (result.GetValue(output) is { } path)
            {
                if (DemoFile.IsTransport(path))
                {
                    DemoFile.Write(DemoTrial.Generate(result.GetValue(seed), result.GetValue(subjects)), path);
                    return 0;
                }
                using var file = new StreamWriter(path, false, new UTF8Encoding(false));
                DemoTrial.Write(file, result.GetValue(seed), result.GetValue(subjects));
            }
            else
            {
                // Streamed row by row, so memory does not grow with --subjects.
                DemoTrial.Write(Console.Out, result.GetValue(seed), result.GetValue(subjects));
            }
            return 0;
        });
        return command;
    }
}
