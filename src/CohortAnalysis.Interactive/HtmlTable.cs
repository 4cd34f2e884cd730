using System.Net;
using System.Text;

namespace CohortAnalysis.Interactive;

/// <summary>Renders a <see cref="TableView"/> as a self-contained HTML table for notebooks and reports.</summary>
/// <remarks>Stateless and thread-safe. All text is HTML-encoded; numeric columns are right-aligned with tabular digits.
/// The markup is stable (same input, same string) so it can be compared with stored expected files.</remarks>
public static class HtmlTable
{
    /// <summary>The HTML for one table: caption, header row, body rows and footnotes.</summary>
    /// <param name="table">The table to render.</param>
    /// <returns>An HTML fragment (a <c>&lt;table&gt;</c> element).</returns>
    public static string Render(TableView table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var html = new StringBuilder();
        html.Append("<table class=\"cohort-table\" style=\"border-collapse:collapse;font-family:'DejaVu Sans',sans-serif;font-size:13px\">\n");
        if (table.Title.Length > 0)
            html.Append("<caption style=\"text-align:left;font-weight:bold;padding-bottom:4px\">").Append(Encode(table.Title)).Append("</caption>\n");

        html.Append("<thead><tr>");
        foreach (TableColumn column in table.Columns)
            html.Append("<th style=\"").Append(Align(column)).Append(";border-bottom:1px solid #444;padding:3px 8px\">")
                .Append(Encode(column.Header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");

        foreach (IReadOnlyList<string> row in table.Rows)
        {
            html.Append("<tr>");
            for (int c = 0; c < table.Columns.Count; c++)
            {
                string cell = c < row.Count ? row[c] : "";
                html.Append("<td style=\"").Append(Align(table.Columns[c])).Append(";padding:3px 8px\">").Append(Encode(cell)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n");

        if (table.Notes.Count > 0)
        {
            html.Append("<tfoot>");
            foreach (string note in table.Notes)
                html.Append("<tr><td colspan=\"").Append(Math.Max(1, table.Columns.Count))
                    .Append("\" style=\"text-align:left;font-size:11px;color:#555;padding:2px 8px\">").Append(Encode(note)).Append("</td></tr>");
            html.Append("</tfoot>\n");
        }
        html.Append("</table>");
        return html.ToString();
    }

    private static string Align(TableColumn column) =>
        column.Numeric ? "text-align:right;font-variant-numeric:tabular-nums" : "text-align:left";

    private static string Encode(string text) => WebUtility.HtmlEncode(text ?? "");
}
