using System.Globalization;
using System.Text;

namespace CohortAnalysis;

/// <summary>What kind of data problem a <see cref="DataIssue"/> records.</summary>
public enum DataIssueKind
{
    /// <summary>A score outside its instrument's range.</summary>
    OutOfRange,
    /// <summary>A second row for the same subject × visit × parameter.</summary>
    DuplicateVisit,
    /// <summary>No baseline value for a subject × parameter: change cannot be derived.</summary>
    MissingBaseline,
    /// <summary>Baseline is 0, so percent change is undefined.</summary>
    ZeroBaseline,
    /// <summary>A missing score (NA, '.', empty) kept as a missing observation.</summary>
    MissingValue,
    /// <summary>A BASE or CHG value in the file that differs from the derived one.</summary>
    DerivationMismatch,
    /// <summary>A parameter with no registered instrument: its scores are not range-checked.</summary>
    UnknownInstrument,
    /// <summary>A column of the file that no mapping uses.</summary>
    UnusedColumn,
    /// <summary>A column dropped by the de-identification guard.</summary>
    IdentifierColumnDropped,
    /// <summary>Codes changed by cleaning: surrounding spaces trimmed, invisible characters removed, Unicode NFC.</summary>
    NormalisedValue,
    /// <summary>Codes that differ only by letter case (<c>Placebo</c> / <c>PLACEBO</c>), merged or kept apart as asked.</summary>
    CaseVariant,
    /// <summary>How the baseline flag was coded, or a flagged record that does not look like a baseline.</summary>
    BaselineFlag,
    /// <summary>One visit number with different labels (visit 6 labelled "Week 6" and "Week 8").</summary>
    VisitLabelConflict,
    /// <summary>Anything else worth a look.</summary>
    Other,
    /// <summary>An ADaM record whose analysis flag (ANLzzFL) is not "Y": set aside.</summary>
    NotAnalysisRecord,
    /// <summary>A record of a subject outside the chosen population (EFFFL, ITTFL, SAFFL, … not "Y"): set aside.</summary>
    OutsidePopulation,
    /// <summary>A derived record (ADaM DTYPE, e.g. LOCF) used for analysis.</summary>
    DerivedRecord,
}

/// <summary>How a <see cref="DataIssue"/> affected the data.</summary>
public enum DataIssueSeverity
{
    /// <summary>The row was excluded from the cohort.</summary>
    Excluded,
    /// <summary>The row is kept but part of it could not be used (e.g. CHG undefined).</summary>
    Warning,
    /// <summary>Information only.</summary>
    Note,
}

/// <summary>One excluded or suspicious row (or column), with where it came from and why.</summary>
/// <remarks>Immutable. Prints as "adqs.csv line 212, column AVAL: '71' is above the MADRS range 0–60; row excluded."</remarks>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Severity">Whether the row was excluded, kept with a warning, or only noted.</param>
/// <param name="Source">File or data-frame name.</param>
/// <param name="Line">1-based line in the source (the header is line 1), or null when the issue is not about one row.</param>
/// <param name="Column">Column name, or null.</param>
/// <param name="Value">The offending value as text, or null.</param>
/// <param name="Subject">Subject identifier, or null.</param>
/// <param name="Message">What is wrong and what was done about it.</param>
public sealed record DataIssue(
    DataIssueKind Kind,
    DataIssueSeverity Severity,
    string Source,
    long? Line,
    string? Column,
    string? Value,
    string? Subject,
    string Message)
{
    /// <inheritdoc />
    public override string ToString() => FormatLocation(Source, Line, Column) + Message;

    /// <summary>"file.csv line 12, column AVAL: " — where a problem is, as messages start.</summary>
    internal static string FormatLocation(string source, long? line, string? column)
    {
        var text = new StringBuilder(source);
        if (line is { } l) text.Append(CultureInfo.InvariantCulture, $" line {l}");
        if (column is not null) text.Append(line is null ? " column " : ", column ").Append(column);
        return text.Append(": ").ToString();
    }
}
