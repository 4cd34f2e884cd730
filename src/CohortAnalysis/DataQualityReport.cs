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

    /// <summary>Records kept for analysis that were derived, not observed (ADaM DTYPE, e.g. LOCF), counted by derivation
    /// type in ordinal order; empty when every record loaded is observed.</summary>
    public IReadOnlyDictionary<string, int> DerivedRecords =>
        Issues.Where(i => i.Kind == DataIssueKind.DerivedRecord).GroupBy(i => i.Value ?? "", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>What results built from these data say about derived records: "12 records are derived, not observed
    /// (DTYPE = LOCF)", or "(DTYPE = LOCF: 10, WOCF: 2)" for several types; empty when there are none.</summary>
    public string DerivedRecordsNote
    {
        get
        {
            IReadOnlyDictionary<string, int> derived = DerivedRecords;
            if (derived.Count == 0) return "";
            string column = Issues.First(i => i.Kind == DataIssueKind.DerivedRecord).Column ?? "DTYPE";
            int total = derived.Values.Sum();
            string types = derived.Count == 1 ? derived.Keys.Single()
                : string.Join(", ", derived.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key}: {d.Value}")));
            return string.Create(CultureInfo.InvariantCulture,
                $"{total} record{(total == 1 ? " is" : "s are")} derived, not observed ({column} = {types})");
        }
    }

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
