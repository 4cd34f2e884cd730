using System.Globalization;
using CohortAnalysis.Data;
using CohortAnalysis.Data.DatasetJson;
using CohortAnalysis.Data.Xport;
using Sylvan.Data.Csv;

namespace CohortAnalysis.Cli;

/// <summary>Writes the generated demo CSV as SAS transport or Dataset-JSON when the output file's extension asks for it
/// (.xpt, .json, .ndjson), so the same data can be loaded in every format (benchmarks, examples).</summary>
/// <remarks>A column is numeric when every non-empty value is an invariant number; the others are text.</remarks>
internal static class DemoFile
{
    /// <summary>True when <paramref name="path"/> asks for SAS transport or Dataset-JSON (.xpt, .json, .ndjson).</summary>
    public static bool IsTransport(string path) => Path.GetExtension(path).ToLowerInvariant() is ".xpt" or ".json" or ".ndjson";

    public static bool Write(string csv, string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (!IsTransport(path)) return false;
        using var reader = CsvDataReader.Create(new StringReader(csv), new CsvDataReaderOptions { Culture = CultureInfo.InvariantCulture });
        string[] names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var text = new List<string[]>();
        while (reader.Read()) text.Add(Enumerable.Range(0, names.Length).Select(reader.GetString).ToArray());
        bool[] numeric = Enumerable.Range(0, names.Length)
            .Select(c => text.All(r => r[c].Length == 0 || double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _))).ToArray();
        var rows = text.Select(r => r.Select((v, c) => numeric[c]
            ? (v.Length == 0 ? null : (object)double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))
            : v.Length == 0 ? null : v).ToArray()).ToList();
        var metadata = new DatasetMetadata(Path.GetFileName(path), "", "ADQS", "Synthetic demo trial",
            names.Select((n, c) => new VariableMetadata(n, "", numeric[c] ? ValueKind.Number : ValueKind.Text, null, "")).ToArray());
        using var stream = File.Create(path);
        if (extension == ".xpt") XportWriter.Write(stream, metadata, rows);
        else DatasetJsonWriter.Write(stream, metadata, rows, ndjson: extension == ".ndjson");
        return true;
    }
}
