using System.CommandLine;
using System.Text;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort demo</c>: writes the synthetic demo trial (regenerated from its seed) as CSV.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Simulation seed (the bundled file uses the default).", DefaultValueFactory = _ => DemoTrial.DefaultSeed };
        var subjects = new Option<int>("--subjects") { Description = "Number of subjects (default 120).", DefaultValueFactory = _ => 120 };
        var output = new Option<string?>("--output") { Description = "File to write (default: standard output): CSV, or SAS transport / Dataset-JSON for .xpt, .json, .ndjson." };
        var command = new Command("demo", "Write the synthetic demo trial CSV (seeded simulation; the bundled dataset is --seed 20221103).")
        {
            seed, subjects, output,
        };
        command.SetAction(result =>
        {
            string csv = DemoTrial.Generate(result.GetValue(seed), result.GetValue(subjects));
            if (result.GetValue(output) is { } path)
            {
                if (!DemoFile.Write(csv, path)) File.WriteAllText(path, csv, new UTF8Encoding(false));
            }
            else Console.Out.Write(csv);
            return 0;
        });
        return command;
    }
}
