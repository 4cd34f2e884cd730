using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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
                using (var stream = Console.OpenStandardOutput())
                using (var writer = new Utf8JsonWriter(stream, EstimateOutput.JsonOptions))
                    WriteJson(writer, description, labelled ? metadata : null);
                Console.Out.WriteLine();
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

    /// <summary>The description's members, then the dataset's labels (<c>dataset</c>) when the file has any: one object,
    /// written once.</summary>
    internal static void WriteJson(Utf8JsonWriter writer, CohortDescription description, Data.DatasetMetadata? metadata)
    {
        writer.WriteStartObject();
        foreach (JsonPropertyInfo member in JsonOutput.TypeInfo<CohortDescription>().Properties)
        {
            writer.WritePropertyName(member.Name);
            JsonSerializer.Serialize(writer, member.Get!(description), JsonOutput.Options.GetTypeInfo(member.PropertyType));
        }
        if (metadata is not null)
        {
            writer.WritePropertyName("dataset");
            JsonOutput.Serialize(writer, metadata);
        }
        writer.WriteEndObject();
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
