using System.Text.Json;

namespace CohortAnalysis.Rendering;

/// <summary>Any estimates as JSON objects with the tidy column names (camelCase), numbers in shortest round-trip form,
/// NaN and infinities as null; a change-from-baseline cell adds its descriptive statistics. The CLI's <c>--format json</c>
/// is produced here.</summary>
public static class EstimateJson
{
    /// <summary>Writes one estimate as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, IEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(estimate);
        writer.WriteStartObject();
        foreach (object column in EstimateColumns.For([estimate]))
        {
            switch (column)
            {
                case EstimateColumns.Text t:
                    string? text = t.Read(estimate);
                    if (text is null) writer.WriteNull(t.Name); else writer.WriteString(t.Name, text);
                    break;
                case EstimateColumns.Number n:
                    WriteNumber(writer, n.Name, n.Read(estimate));
                    break;
                case EstimateColumns.Count c:
                    if (c.Read(estimate) is { } k) writer.WriteNumber(c.Name, k); else writer.WriteNull(c.Name);
                    break;
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes the estimates as a JSON array.</summary>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<IEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(estimates);
        writer.WriteStartArray();
        foreach (IEstimate e in estimates) Write(writer, e);
        writer.WriteEndArray();
    }

    /// <summary>Writes a number, or null when it is not finite (JSON has no NaN).</summary>
    public static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value)) writer.WriteNumber(name, value); else writer.WriteNull(name);
    }
}
