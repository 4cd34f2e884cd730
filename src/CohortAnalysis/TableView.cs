namespace CohortAnalysis;

/// <summary>A result laid out for display: a title, column headers, rows of already formatted cells, and notes.</summary>
/// <remarks>
/// <para>Immutable by convention and safe to share. Each row has one cell per column; a cell that could not be
/// estimated shows "NA" (the owning result explains why in <see cref="Notes"/>).</para>
/// </remarks>
/// <param name="Title">Caption, e.g. "MADRS change from baseline by arm and visit".</param>
/// <param name="Columns">Column headers and alignment.</param>
/// <param name="Rows">Rows of display strings, one per column.</param>
/// <param name="Notes">Footnotes: methods, exclusions ("3 rows excluded; see Report"), references. May be empty.</param>
public sealed record TableView(string Title, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string> Notes)
{
    /// <summary>Builds a view, checking that every row has one cell per column.</summary>
    /// <exception cref="ArgumentException">A row's cell count differs from the column count.</exception>
    public static TableView Create(string title, IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows,
        IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Count != columns.Count)
                throw new ArgumentException($"Row {i + 1} has {list[i].Count} cells but the table has {columns.Count} columns.", nameof(rows));
        }
        return new TableView(title ?? "", columns, list, (notes ?? []).ToList());
    }

    /// <summary>The table as aligned plain text: title, header, rows, notes.</summary>
    public override string ToString() => TextTable.Render(this);
}

/// <summary>One column of a <see cref="TableView"/>.</summary>
/// <param name="Header">Column header, e.g. "Mean change" or "95% CI".</param>
/// <param name="Numeric">Whether cells are numbers (right-aligned so digits line up).</param>
public readonly record struct TableColumn(string Header, bool Numeric = false);
