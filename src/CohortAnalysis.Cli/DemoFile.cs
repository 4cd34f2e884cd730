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
        // A first pass finds the columns and which are numeric; the rows are then made one at a time as the writer asks
        // for them (a million-subject demo is nine million rows: held as objects all at once, 10 GB).
        string[] names;
        bool[] numeric;
        int count = 0;
        using (CsvDataReader reader = Open(csv))
        {
            names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            numeric = Enumerable.Repeat(true, names.Length).ToArray();
            while (reader.Read())
            {
                count++;
                for (int c = 0; c < names.Length; c++)
                    if (numeric[c] && !IsNumber(reader.GetString(c))) numeric[c] = false;
            }
        }
        var rows = new DemoRows(csv, numeric, count);
        var metadata = new DatasetMetadata(Path.GetFileName(path), "", "ADQS", "Synthetic demo trial",
            names.Select((n, c) => new VariableMetadata(n, "", numeric[c] ? ValueKind.Number : ValueKind.Text, null, "")).ToArray());
        using var stream = File.Create(path);
        if (extension == ".xpt") XportWriter.Write(stream, metadata, rows);
        else if (extension == ".parquet") ParquetTableWriter.Write(stream, metadata, rows);
        else DatasetJsonWriter.Write(stream, metadata, rows, ndjson: extension == ".ndjson");
        return true;
    }

    private static CsvDataReader Open(string csv) =>
        CsvDataReader.Create(new StringReader(csv), new CsvDataReaderOptions { Culture = CultureInfo.InvariantCulture });

    // Every one of these formats has typed missing numbers (SAS '.', JSON null, Parquet null), so the demo's 'NA' (CHG at
    // baseline, AVAL at a missed visit) is a missing number there, as an ADaM dataset or R's arrow writes it, and AVAL and
    // CHG stay numeric.
    private static bool Missing(string v) => v.Length == 0 || v == "NA";

    private static bool IsNumber(string v) => Missing(v) || double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>The CSV's rows as the writers take them (numbers as doubles, missing as null), read again from the text at
    /// each enumeration (the SAS writer goes through them twice).</summary>
    private sealed class DemoRows(string csv, bool[] numeric, int count) : IReadOnlyCollection<object?[]>
    {
        public int Count => count;

        public IEnumerator<object?[]> GetEnumerator()
        {
            using CsvDataReader reader = Open(csv);
            while (reader.Read())
            {
                var row = new object?[numeric.Length];
                for (int c = 0; c < row.Length; c++)
                {
                    string v = reader.GetString(c);
                    row[c] = numeric[c]
                        ? (Missing(v) ? null : double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))
                        : v.Length == 0 ? null : v;
                }
                yield return row;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
