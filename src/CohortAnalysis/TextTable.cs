using System.Text;

namespace CohortAnalysis;

/// <summary>Plain-text rendering of a <see cref="TableView"/>: padded columns, numbers right-aligned, notes below.</summary>
internal static class TextTable
{
    public static string Render(TableView table)
    {
        int k = table.Columns.Count;
        var width = new int[k];
        for (int c = 0; c < k; c++)
        {
            width[c] = table.Columns[c].Header.Length;
            foreach (IReadOnlyList<string> row in table.Rows) width[c] = Math.Max(width[c], row[c].Length);
        }
        var text = new StringBuilder();
        text.AppendLine(table.Title);
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((cell, c) =>
            table.Columns[c].Numeric ? cell.PadLeft(width[c]) : cell.PadRight(width[c]))).TrimEnd();
        text.AppendLine(Line(table.Columns.Select(c => c.Header).ToList()));
        text.AppendLine(new string('-', width.Sum() + 2 * (k - 1)));
        foreach (IReadOnlyList<string> row in table.Rows) text.AppendLine(Line(row));
        foreach (string note in table.Notes) text.AppendLine(note);
        return text.ToString();
    }
}
