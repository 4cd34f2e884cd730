using System.Globalization;
using System.Text.Json;

namespace CohortAnalysis.Data.DatasetJson;

/// <summary>Writes a table as CDISC Dataset-JSON 1.1, as one JSON object or as NDJSON, streaming row by row.</summary>
/// <remarks>
/// <para>Attribute order and data types follow the Dataset-JSON v1.1 specification: text columns are <c>string</c>,
/// numbers <c>double</c> (JSON numbers, round-trip precision), dates <c>date</c>, datetimes <c>datetime</c>, times
/// <c>time</c> (ISO 8601 strings), booleans <c>boolean</c>; a missing value (null, NaN) is JSON null. Values are given
/// per row as <see cref="string"/>, <see cref="double"/>, <see cref="DateOnly"/>, <see cref="DateTime"/>,
/// <see cref="TimeOnly"/>, <see cref="bool"/> or null.</para>
/// <para>Thread-safe (no shared state).</para>
/// </remarks>
public static class DatasetJsonWriter
{
    /// <summary>Writes <paramref name="rows"/> described by <paramref name="metadata"/> to <paramref name="stream"/>.</summary>
    /// <param name="stream">Destination (left open).</param>
    /// <param name="metadata">Dataset name and label (both required by the specification) and the variables.</param>
    /// <param name="rows">One array per row, aligned with <see cref="DatasetMetadata.Variables"/>.</param>
    /// <param name="ndjson">True for NDJSON: the metadata object on line 1, one row array per line.</param>
    /// <param name="created">datasetJSONCreationDateTime (defaults to now, UTC); fixed values give byte-identical files.</param>
    /// <returns>The number of rows written (the <c>records</c> attribute).</returns>
    /// <exception cref="ArgumentException">A row does not match the variables, or the dataset has no name.</exception>
    public static long Write(Stream stream, DatasetMetadata metadata, IReadOnlyCollection<object?[]> rows, bool ndjson = false, DateTime? created = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(rows);
        if (string.IsNullOrWhiteSpace(metadata.Name)) throw new ArgumentException("Dataset-JSON requires a dataset name.", nameof(metadata));
        var options = new JsonWriterOptions { Indented = false };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteString("datasetJSONCreationDateTime", (created ?? DateTime.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            json.WriteString("datasetJSONVersion", "1.1.0");
            json.WriteString("itemGroupOID", "IG." + metadata.Name);
            json.WriteNumber("records", rows.Count);
            json.WriteString("name", metadata.Name);
            json.WriteString("label", metadata.Label);
            json.WriteStartArray("columns");
            foreach (VariableMetadata v in metadata.Variables)
            {
                json.WriteStartObject();
                json.WriteString("itemOID", $"IT.{metadata.Name}.{v.Name}");
                json.WriteString("name", v.Name);
                json.WriteString("label", v.Label);
                json.WriteString("dataType", v.Kind switch
                {
                    ValueKind.Number => "double",
                    ValueKind.Date => "date",
                    ValueKind.DateTime => "datetime",
                    ValueKind.Time => "time",
                    ValueKind.Boolean => "boolean",
                    _ => "string",
                });
                if (v.Length is { } length && length > 0) json.WriteNumber("length", length);
                if (v.DisplayFormat.Length > 0) json.WriteString("displayFormat", v.DisplayFormat);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (ndjson)
            {
                json.WriteEndObject();
                json.Flush();
                json.Reset();   // each NDJSON line is a JSON document of its own
            }
            else json.WriteStartArray("rows");
            long written = 0;
            foreach (object?[] row in rows)
            {
                if (row.Length != metadata.Variables.Count)
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Row {written + 1} has {row.Length} values but the dataset has {metadata.Variables.Count} variables."), nameof(rows));
                if (ndjson) stream.WriteByte((byte)'\n');
                json.WriteStartArray();
                for (int c = 0; c < row.Length; c++) Value(json, row[c], metadata.Variables[c], written + 1);
                json.WriteEndArray();
                if (ndjson)
                {
                    json.Flush();
                    json.Reset();
                }
                written++;
            }
            if (!ndjson)
            {
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.Flush();
            if (ndjson) stream.WriteByte((byte)'\n');
            return written;
        }
    }

    private static void Value(Utf8JsonWriter json, object? value, VariableMetadata variable, long row)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case double d when double.IsNaN(d):
                json.WriteNullValue();
                break;
            case double d when variable.Kind == ValueKind.Number:
                if (double.IsInfinity(d)) throw Mismatch(variable, row, "infinity has no JSON form");
                json.WriteNumberValue(d);
                break;
            case string s when variable.Kind is ValueKind.Text or ValueKind.Date or ValueKind.DateTime or ValueKind.Time:
                json.WriteStringValue(s);
                break;
            case DateOnly date when variable.Kind == ValueKind.Date:
                json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime time when variable.Kind == ValueKind.DateTime:
                json.WriteStringValue(time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case TimeOnly clock when variable.Kind == ValueKind.Time:
                json.WriteStringValue(clock.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case bool b when variable.Kind == ValueKind.Boolean:
                json.WriteBooleanValue(b);
                break;
            default:
                throw Mismatch(variable, row, $"a {value.GetType().Name} cannot be written as {variable.Kind}");
        }
    }

    private static ArgumentException Mismatch(VariableMetadata variable, long row, string why) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Row {row}, variable {variable.Name}: {why}."), "rows");
}
