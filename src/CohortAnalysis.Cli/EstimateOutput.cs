using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CohortAnalysis.Rendering;

namespace CohortAnalysis.Cli;

/// <summary>Writes a command's estimates in the chosen format through the library's shared renderers: a text table
/// (<see cref="EstimateText"/>), one JSON document (<see cref="EstimateJson"/>) or tidy CSV (<see cref="EstimateCsv"/>).</summary>
internal static class EstimateOutput
{
    /// <summary>How every command writes JSON: indented, non-ASCII text (e.g. "−", "×") kept as it is.</summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Opens the JSON envelope and writes what every estimate document starts with: the source, the rows
    /// used, excluded and reported as issues, and the derived (not observed) records by DTYPE.</summary>
    public static void WriteEnvelopeStart(Utf8JsonWriter writer, Cohort cohort)
    {
        writer.WriteStartObject();
        writer.WriteString("source", cohort.Source);
        writer.WriteNumber("rowsUsed", cohort.ObservationCount);
        writer.WriteNumber("rowsExcluded", cohort.Report.RowsExcluded);
        writer.WriteNumber("dataQualityIssues", cohort.Report.Issues.Count);
        writer.WriteStartObject("derivedRecords");   // by DTYPE (e.g. LOCF): records used that were not observed
        foreach (var (type, count) in cohort.Report.DerivedRecords) writer.WriteNumber(type, count);
        writer.WriteEndObject();
    }

    /// <summary>The JSON envelope: source and the rows used/excluded, then <c>estimates</c>; <paramref name="extra"/>
    /// adds command-specific members that are not estimates (options used, counts), written by the caller with the
    /// same writer. CSV is the estimates alone. Text is <paramref name="text"/> when the command has its own layout
    /// (still built from the same results), else the shared estimate table.</summary>
    public static void Write(ParseResult result, CliOptions options, Cohort cohort, string title, IReadOnlyList<IEstimate> estimates,
        Action<Utf8JsonWriter>? extra = null, Func<string>? text = null)
    {
        switch (options.OutputFormat(result))
        {
            case "json":
                using (var stream = Console.OpenStandardOutput())
                using (var writer = new Utf8JsonWriter(stream, JsonOptions))
                {
                    WriteEnvelopeStart(writer, cohort);
                    extra?.Invoke(writer);
                    writer.WritePropertyName("estimates");
                    Rendering.EstimateJson.WriteArray(writer, estimates);
                    writer.WriteEndObject();
                }
                Console.Out.WriteLine();
                break;
            case "csv":
                EstimateCsv.Write(Console.Out, estimates);
                break;
            default:
                Console.Out.Write(text is null ? EstimateText.ToTableView(title, estimates, cohort.Report).ToString() : text());
                break;
        }
    }
}
