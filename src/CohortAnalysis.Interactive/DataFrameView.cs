using System.Globalization;
using Microsoft.Data.Analysis;

namespace CohortAnalysis.Interactive;

/// <summary>A <see cref="DataFrame"/> laid out as a <see cref="TableView"/>, so notebooks show it as a table rather than
/// as an object tree.</summary>
/// <remarks>Stateless and thread-safe. Cells are formatted invariantly (the same digits under any culture): numbers with up
/// to six significant digits ("G6", so small p-values keep their exponent), missing values (nulls, NaN) as "NA". Numeric
/// columns are right-aligned. Long frames show their first rows and say how many were left out.</remarks>
public static class DataFrameView
{
    /// <summary>Rows shown before a frame is cut short.</summary>
    public const int MaxRows = 100;

    /// <summary>The table view of <paramref name="frame"/>: its column names as headers, the first
    /// <see cref="MaxRows"/> rows, and a note with the frame's size (and the rows left out).</summary>
    /// <param name="frame">The frame.</param>
    /// <returns>A table titled "DataFrame: R rows × C columns".</returns>
    public static TableView From(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        long rows = frame.Rows.Count;
        int shown = (int)Math.Min(rows, MaxRows);
        var columns = frame.Columns.Select(c => new TableColumn(c.Name, IsNumeric(c.DataType))).ToList();
        var cells = new List<IReadOnlyList<string>>(shown);
        for (int r = 0; r < shown; r++)
            cells.Add(frame.Columns.Select(c => Cell(c[r])).ToList());
        var notes = new List<string>();
        if (rows > shown)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Showing the first {shown} of {rows} rows."));
        return TableView.Create(string.Create(CultureInfo.InvariantCulture, $"DataFrame: {rows} rows × {frame.Columns.Count} columns"),
            columns, cells, notes);
    }

    private static string Cell(object? value) => value switch
    {
        null => "NA",
        double d when double.IsNaN(d) => "NA",
        float f when float.IsNaN(f) => "NA",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        decimal m => m.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumeric(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(int) || type == typeof(long)
        || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(uint) || type == typeof(ulong)
        || type == typeof(ushort);
}
