using System.Globalization;
using CohortAnalysis.Data;
using CohortAnalysis.Data.ApacheParquet;
using CohortAnalysis.Data.DatasetJson;
using CohortAnalysis.Data.Xport;
using Sylvan.Data.Csv;

namespace CohortAnalysis.Cli;

/// <summary>Writes the generated demo CSV as SAS transport, Dataset-JSON or Apache Parquet when the output file's extension
/// asks for it (.xpt, .json, .ndjson, .parquet), so the same data can be loaded in every format (benchmarks, examples).</summary>
/// <remarks>A column is numeric when every value is an invariant number or missing (empty or NA); the others are text.</remarks>
internal static class DemoFile
{
    /// <summary>True when <paramref name="path"/> asks for SAS transport, Dataset-JSON or Parquet (.xpt, .json, .ndjson, .parquet).</summary>
    public static bool IsTransport(string path) => Path.GetExtension(path).ToLowerInvariant() is ".xpt" or ".json" or ".ndjson" or ".parquet";

    public static bool Write(string csv, string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (!IsTransport(path)) return false;
        using var reader = CsvDataReader.Create(new StringReader(csv), new CsvDataReaderOptions { Culture = CultureInfo.InvariantCulture });
        string[] names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var text = new List<string[]>();
        while (reader.Read()) text.Add(Enumerable.Range(0, names.Length).Select(reader.GetString).ToArray());
        // Every one of these formats has typed missing numbers (SAS '.', JSON null, Parquet null), so the demo's 'NA' (CHG
        // at baseline, AVAL at a missed visit) is a missing number there, as an ADaM dataset or R's arrow writes it, and
        // AVAL and CHG stay numeric.
        bool Missing(string v) => v.Length == 0 || v == "NA";
        bool[] numeric = Enumerable.Range(0, names.Length)
            .Select(c => text.All(r => Missing(r[c]) || double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _))).ToArray();
        var rows = text.Select(r => r.Select((v, c) => numeric[c]
            ? (Missing(v) ? null : (object)double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))
            : v.Length == 0 ? null : v).ToArray()).ToList();
        var metadata = new DatasetMetadata(Path.GetFileName(path), "", "ADQS", "Synthetic demo trial",
            names.Select((n, c) => new VariableMetadata(n, "", numeric[c] ? ValueKind.Number : ValueKind.Text, null, "")).ToArray());
        using var stream = File.Create(path);
        if (extension == ".xpt") XportWriter.Write(stream, metadata, rows);
        else if (extension == ".parquet") ParquetTableWriter.Write(stream, metadata, rows);
        else DatasetJsonWriter.Write(stream, metadata, rows, ndjson: extension == ".ndjson");
        return true;
    }
}
