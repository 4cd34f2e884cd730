using System.Text;

namespace CohortAnalysis.Rendering;

/// <summary>Any estimates as tidy CSV (RFC 4180, comma, header row, one row per estimate), for hand-off to R and SAS.</summary>
/// <remarks>The columns of <see cref="EstimateFrame"/>; numbers in round-trip invariant form, missing as an empty cell.</remarks>
public static class EstimateCsv
{
    /// <summary>Writes the header and one line per estimate.</summary>
    public static void Write(TextWriter writer, IEnumerable<IEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(estimates);
        IEstimate[] rows = estimates.ToArray();
        IReadOnlyList<object> columns = EstimateColumns.For(rows);
        writer.WriteLine(string.Join(",", columns.Select(Name)));
        var line = new StringBuilder();
        foreach (IEstimate e in rows)
        {
            line.Clear();
            bool first = true;
            foreach (object column in columns)
            {
                if (!first) line.Append(',');
                first = false;
                line.Append(column switch
                {
                    EstimateColumns.Text t => Quote(t.Read(e)),
                    EstimateColumns.Number n => EstimateColumns.Invariant(n.Read(e)),
                    EstimateColumns.Count c => c.Read(e) is { } k ? k.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                    _ => "",
                });
            }
            writer.WriteLine(line.ToString());
        }
    }

    /// <summary>The CSV text of <paramref name="estimates"/>.</summary>
    public static string ToCsv(IEnumerable<IEstimate> estimates)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(writer, estimates);
        return writer.ToString();
    }

    internal static string Name(object column) => column switch
    {
        EstimateColumns.Text t => t.Name,
        EstimateColumns.Number n => n.Name,
        EstimateColumns.Count c => c.Name,
        _ => "",
    };

    private static string Quote(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
