using System.CommandLine;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort describe [FILE]</c>: subjects per arm, visits, parameters, completeness and the data-quality report.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var options = new CliOptions(analysisVisit: false);
        var command = new Command("describe", "Summarise a cohort file: subjects per arm, visits, parameters, completeness by visit, data-quality report.");
        options.AddTo(command);
        var code = new Option<string?>("--paramcd")
        {
            Description = "Name of the score in a long file that has no parameter column (e.g. MADRS); describe shows every parameter of a file that has one.",
        };
        command.Options.Add(code);
        CommandRunner.SetAction(command, options, result =>
        {
            Cohort cohort = options.ReadCohort(result);
            if (result.GetValue(code) is { } named && !cohort.Parameters.SequenceEqual([named]))
                throw new ArgumentException($"--paramcd {named}: the file has a parameter column ({string.Join(", ", cohort.Parameters)}); --paramcd names the score of a file without one, and describe shows every parameter.");
            CohortDescription description = cohort.Describe();
            Data.DatasetMetadata? metadata = options.Metadata(result);
            bool labelled = metadata is not null && (metadata.Label.Length > 0 || metadata.Variables.Any(v => v.Label.Length > 0));
            if (options.Json(result))
            {
                var json = System.Text.Json.Nodes.JsonNode.Parse(JsonOutput.Serialize(description))!.AsObject();
                if (labelled) json["dataset"] = System.Text.Json.Nodes.JsonNode.Parse(JsonOutput.Serialize(metadata));
                Console.Out.Write(json.ToJsonString(JsonOutput.Options) + Environment.NewLine);
            }
            else
            {
                Console.Out.Write(description.ToString());
                if (labelled) Console.Out.Write(DatasetLabels(metadata!));
            }
            return 0;
        });
        return command;
    }

    /// <summary>The dataset's label and its variables' labels, as the file gives them.</summary>
    internal static string DatasetLabels(Data.DatasetMetadata metadata)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine().AppendLine($"Dataset {metadata.Name}{(metadata.Label.Length > 0 ? $": {metadata.Label}" : "")} ({metadata.Format})");
        int width = metadata.Variables.Max(v => v.Name.Length);
        foreach (Data.VariableMetadata v in metadata.Variables)
            text.AppendLine($"  {v.Name.PadRight(width)}  {v.Label}{(v.Kind == Data.ValueKind.Text ? "" : $" [{v.Kind.ToString().ToLowerInvariant()}{(v.DisplayFormat.Length > 0 ? " " + v.DisplayFormat : "")}]")}");
        return text.ToString();
    }
}
