using CohortAnalysis.Data.ApacheParquet;
using CohortAnalysis.Data.DatasetJson;
using CohortAnalysis.Data.Xport;

namespace CohortAnalysis.Data;

/// <summary>Reads a cohort from a file in any supported format: CSV/TSV, SAS transport (XPORT) or CDISC Dataset-JSON.</summary>
/// <remarks>
/// <para>The format comes from <see cref="CohortReadOptions.InputFormat"/>, by default from the extension. Whatever the
/// format, the same column mapping, de-identification guard, validation and data-quality report apply (the rules of
/// <see cref="CohortCsvReader"/>). Typed numbers (SAS numeric, JSON numbers) are used as numbers; missing values are SAS
/// '.', '.A'–'.Z', '._' and JSON null besides the text tokens of <see cref="CohortReadOptions.MissingTokens"/>. Lines in
/// messages count as in a CSV export of the same data: the header is line 1, so record r is line r + 1.</para>
/// <para>Thread-safe (no shared state).</para>
/// </remarks>
public static class CohortFileReader
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="CohortDataException">The file has problems; the message lists them.</exception>
    /// <exception cref="ArgumentException">An option that does not apply to the file's format is set (a delimiter for a
    /// SAS or JSON file).</exception>
    public static Cohort Read(string path, CohortReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= CohortReadOptions.Default;
        InputFormat format = FormatOf(path, options);
        if (format is InputFormat.Csv) return CohortCsvReader.Read(path, options);
        if (format is InputFormat.Tsv) return CohortCsvReader.Read(path, options with { Delimiter = '\t' });
        using TabularSource source = Open(path, format);
        return CohortTableReader.Read(source, options);
    }

    /// <summary>The dataset name, label and variable labels of <paramref name="path"/> (names only for CSV).</summary>
    /// <exception cref="CohortDataException">The file's header is not readable.</exception>
    public static DatasetMetadata ReadMetadata(string path, CohortReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= CohortReadOptions.Default;
        InputFormat format = FormatOf(path, options);
        using TabularSource source = format switch
        {
            InputFormat.Csv => CsvTabularSource.Open(path, options.Delimiter),
            InputFormat.Tsv => CsvTabularSource.Open(path, '\t'),
            _ => Open(path, format),
        };
        return source.Metadata ?? new DatasetMetadata(source.Name, format == InputFormat.Tsv ? "TSV" : "CSV", "", "",
            source.Header.Select(h => new VariableMetadata(h, "", ValueKind.Text, null, "")).ToArray());
    }

    /// <summary>The format <paramref name="path"/> is read as under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option does not apply to that format.</exception>
    public static InputFormat FormatOf(string path, CohortReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InputFormat format = options.InputFormat;
        if (format == InputFormat.Auto)
        {
            format = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".xpt" => InputFormat.Xport,
                ".json" => InputFormat.DatasetJson,
                ".ndjson" => InputFormat.DatasetNdjson,
                ".parquet" => InputFormat.Parquet,
                ".tsv" or ".tab" => InputFormat.Tsv,
                _ => InputFormat.Csv,
            };
        }
        if (format is InputFormat.Xport or InputFormat.DatasetJson or InputFormat.DatasetNdjson or InputFormat.Parquet && options.Delimiter != ',')
            throw new ArgumentException($"Delimiter = '{options.Delimiter}' does not apply to a {format} file: only delimited text has a delimiter.", nameof(options));
        if (format is InputFormat.Tsv && options.Delimiter is not ',' and not '\t')
            throw new ArgumentException($"Delimiter = '{options.Delimiter}' contradicts the TSV format (tab-separated).", nameof(options));
        return format;
    }

    internal static TabularSource Open(string path, InputFormat format) => format switch
    {
        InputFormat.Xport => XportTabularSource.Open(path),
        InputFormat.DatasetJson => DatasetJsonTabularSource.Open(path, ndjson: false),
        InputFormat.DatasetNdjson => DatasetJsonTabularSource.Open(path, ndjson: true),
        InputFormat.Parquet => ParquetTabularSource.Open(path),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a binary or JSON format."),
    };
}
