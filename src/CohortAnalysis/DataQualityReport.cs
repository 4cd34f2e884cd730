using System.Globalization;
using System.Text;

namespace CohortAnalysis;

/// <summary>Everything a load or an analysis left out or found suspicious, with counts.</summary>
/// <remarks>Immutable. Nothing is dropped silently: every excluded row appears here with its reason.</remarks>
public sealed record DataQualityReport : ITabular
{
    /// <summary>One row per issue: line, column, subject, kind, severity and message.</summary>
    public TableView ToTableView() => TableView.Create(
        ToString(),
        [new("Line", Numeric: true), new("Column"), new("Subject"), new("Kind"), new("Severity"), new("Message")],
        Issues.Select(i => (IReadOnlyList<string>)[i.Line?.ToString(CultureInfo.InvariantCulture) ?? "", i.Column ?? "", i.Subject ?? "",
            i.Kind.ToString(), i.Severity.ToString(), i.Message]),
        Identifiers is null ? [] : [$"Identifiable columns loaded by acknowledgement: {Identifiers.Reason}"]);

    /// <summary>Creates a report.</summary>
    public DataQualityReport(string source, long rowsRead, long rowsLoaded, IReadOnlyList<DataIssue> issues)
    {
        Source = source;
        RowsRead = rowsRead;
        RowsLoaded = rowsLoaded;
        Issues = issues;
    }

    /// <summary>File or data-frame name.</summary>
    public string Source { get; }

    /// <summary>Data rows read from the source (header excluded; a wide row counts once).</summary>
    public long RowsRead { get; }

    /// <summary>Observations kept in the cohort.</summary>
    public long RowsLoaded { get; }

    /// <summary>When identifiable columns were loaded on purpose (<see cref="Privacy.IdentifierPolicy.Allow"/>): the
    /// recorded reason and what was flagged; null otherwise. Results built from the cohort carry it as provenance.</summary>
    public IdentifierAcknowledgement? Identifiers { get; init; }

    /// <summary>All issues, in source order.</summary>
    public IReadOnlyList<DataIssue> Issues { get; }

    /// <summary>Rows excluded (issues with severity <see cref="DataIssueSeverity.Excluded"/>).</summary>
    public int RowsExcluded => Issues.Count(i => i.Severity == DataIssueSeverity.Excluded);

    /// <summary>Issue counts by kind, for a one-line summary.</summary>
    public IReadOnlyDictionary<DataIssueKind, int> CountsByKind =>
        Issues.GroupBy(i => i.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Source}: {RowsRead} rows read, {RowsLoaded} observations loaded, {RowsExcluded} rows excluded");
        if (Identifiers is not null) text.Append(CultureInfo.InvariantCulture, $"; identifiable columns loaded by acknowledgement ({Identifiers.Reason})");
        if (Issues.Count == 0) return text.Append("; no issues.").ToString();
        text.Append(CultureInfo.InvariantCulture, $"; {Issues.Count} issues (");
        text.Append(string.Join(", ", CountsByKind.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}: {kv.Value}"))));
        return text.Append(").").ToString();
    }
}
