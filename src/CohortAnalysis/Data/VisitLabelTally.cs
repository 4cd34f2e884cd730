using System.Globalization;
using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data;

/// <summary>The labels (AVISIT) seen for one visit number (AVISITN), with row counts and lines, so that a row labelling
/// visit 6 "Week 8" is reported instead of silently naming the visit.</summary>
internal sealed class VisitLabelTally
{
    private const int LinesKept = 10;

    private sealed class Label(string text, long line)
    {
        public string Text { get; } = text;
        public long Rows { get; set; } = 1;
        public List<long> Lines { get; } = [line];
    }

    private Label? _main;
    private List<Label>? _others;

    /// <summary>Counts one row's label (null when the row has none; such rows never conflict).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string? text, long line)
    {
        if (text is null) return;
        if (_main is null) { _main = new Label(text, line); return; }
        if (string.Equals(_main.Text, text, StringComparison.Ordinal)) { Count(_main, line); return; }
        _others ??= [];
        // A loop, not List.Find with a lambda: a lambda capturing `text` would be allocated on every call, main label or not.
        foreach (Label other in _others)
            if (string.Equals(other.Text, text, StringComparison.Ordinal))
            {
                Count(other, line);
                return;
            }
        _others.Add(new Label(text, line));
    }

    /// <summary>The label used for the visit: the most frequent (the first seen on a tie), or null when no row had one.</summary>
    public string? Chosen => All().OrderByDescending(l => l.Rows).FirstOrDefault()?.Text;

    /// <summary>A warning naming every label and the rows of the less frequent ones, or null when the visit has one label.</summary>
    public DataIssue? Conflict(string source, double time)
    {
        if (_others is null) return null;
        Label chosen = All().OrderByDescending(l => l.Rows).First();
        Label[] rest = All().Where(l => l != chosen).ToArray();
        string RowsOf(Label l) => string.Create(CultureInfo.InvariantCulture,
            $"'{ColumnCodeCleaner.Visible(l.Text)}' on {l.Rows} row{(l.Rows == 1 ? "" : "s")} ({(l.Rows == 1 ? "line " : "lines ")}{string.Join(", ", l.Lines)}{(l.Rows > l.Lines.Count ? ", …" : "")})");
        string message = string.Create(CultureInfo.InvariantCulture,
            $"visit {time:0.###} has {rest.Length + 1} labels: '{ColumnCodeCleaner.Visible(chosen.Text)}' on {chosen.Rows} row{(chosen.Rows == 1 ? "" : "s")}, and {string.Join("; ", rest.Select(RowsOf))}. The visit is labelled '{ColumnCodeCleaner.Visible(chosen.Text)}' (the most frequent); check the rows named.");
        return new DataIssue(DataIssueKind.VisitLabelConflict, DataIssueSeverity.Warning, source, rest.Min(l => l.Lines[0]), null, rest[0].Text, null, message);
    }

    private IEnumerable<Label> All() => _main is null ? [] : _others is null ? [_main] : [_main, .. _others];

    private static void Count(Label label, long line)
    {
        label.Rows++;
        if (label.Lines.Count < LinesKept) label.Lines.Add(line);
    }
}
