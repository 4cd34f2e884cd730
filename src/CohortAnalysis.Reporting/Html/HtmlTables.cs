using AngleSharp.Dom;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Writes a library <see cref="TableView"/> as an HTML table: caption, header, rows, notes. Text columns that hold
/// one value in every row (the parameter, the variable) are said once above the table instead of repeated, so tables
/// fit the page.</summary>
internal static class HtmlTables
{
    public static IElement Write(HtmlReportDocument html, INode parent, TableView table, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        IElement block = html.Append(parent, "div", className: "table-block");
        if (id is not null) block.Id = id;
        var constant = Enumerable.Range(0, table.Columns.Count)
            .Where(c => table.Rows.Count > 1 && !table.Columns[c].Numeric && table.Columns[c].Header.Length > 0
                        && table.Rows.All(r => r[c] == table.Rows[0][c]) && table.Rows[0][c].Length > 0)
            .ToHashSet();
        int[] shown = Enumerable.Range(0, table.Columns.Count).Where(c => !constant.Contains(c)).ToArray();

        IElement element = html.Append(block, "table");
        if (table.Title.Length > 0) html.Append(element, "caption", table.Title);
        if (constant.Count > 0)
            html.Append(block, "p", string.Join(" · ", constant.Order().Select(c => $"{table.Columns[c].Header}: {table.Rows[0][c]}")), "table-constant");
        // The constant line reads best above the table.
        if (constant.Count > 0) block.InsertBefore(block.LastElementChild!, element);

        IElement head = html.Append(html.Append(element, "thead"), "tr");
        foreach (int c in shown)
            html.Append(head, "th", table.Columns[c].Header, table.Columns[c].Numeric ? "num" : null).SetAttribute("scope", "col");
        IElement body = html.Append(element, "tbody");
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            IElement tr = html.Append(body, "tr");
            foreach (int c in shown) html.Append(tr, "td", row[c], table.Columns[c].Numeric ? "num" : null);
        }
        if (table.Notes.Count > 0)
        {
            IElement notes = html.Append(block, "ul", className: "notes");
            foreach (string note in table.Notes.Where(n => n.Length > 0)) html.Append(notes, "li", note);
        }
        return block;
    }
}
