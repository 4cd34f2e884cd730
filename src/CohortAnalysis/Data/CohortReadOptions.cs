using CohortAnalysis.Instruments;

namespace CohortAnalysis.Data;

/// <summary>How a cohort is read from a CSV file or a DataFrame.</summary>
/// <remarks>Immutable. <see cref="Default"/> reads a comma-separated ADaM BDS long file, validates scores against the
/// built-in instruments and rejects (throws on) out-of-range scores and duplicate visits.</remarks>
public sealed record CohortReadOptions
{
    /// <summary>The defaults.</summary>
    public static CohortReadOptions Default { get; } = new();

    /// <value>Default <see cref="ColumnMapping.AdamBds"/>.</value>
    public ColumnMapping Mapping { get; init; } = ColumnMapping.AdamBds;

    /// <value>Default <see cref="BaselineRule.Default"/>: ABLFL when present, else last non-missing at or before visit 0.</value>
    public BaselineRule Baseline { get; init; } = BaselineRule.Default;

    /// <value>Default <see cref="InstrumentRegistry.Default"/>.</value>
    public InstrumentRegistry Instruments { get; init; } = InstrumentRegistry.Default;

    /// <value>Default null: long layout (one row per observation). Set to read a wide file.</value>
    public WideLayout? Wide { get; init; }

    /// <value>Default <see cref="InputFormat.Auto"/>: the format follows the file's extension (<c>.xpt</c>, <c>.json</c>,
    /// <c>.ndjson</c>, <c>.tsv</c>, else CSV). Used by <see cref="CohortFileReader"/>.</value>
    public InputFormat InputFormat { get; init; } = InputFormat.Auto;

    /// <value>Default ','. Field delimiter; decimals always use '.', whatever the machine's culture.</value>
    public char Delimiter { get; init; } = ',';

    /// <value>Default null: the file has no comment lines, so a row whose subject is <c>#101-001</c> is read like any other.
    /// Set (e.g. to '#') to skip lines starting with that character; the skipped lines are counted in the report.
    /// CSV only: a DataFrame read with it set is refused.</value>
    public char? CommentCharacter { get; init; }

    /// <value>Default <see cref="CaseVariantPolicy.Reject"/>: codes (subject, arm, parameter, covariate values) that differ
    /// only by letter case (<c>Placebo</c> and <c>PLACEBO</c>) stop the load, since they would split one arm, subject or
    /// parameter in two. Codes are first cleaned (surrounding and invisible characters removed, Unicode NFC), and every
    /// such change is counted in the report.</value>
    public CaseVariantPolicy CaseVariants { get; init; } = CaseVariantPolicy.Reject;

    /// <value>Default: empty, <c>NA</c> and <c>.</c> (SAS) mean a missing value (matched after trimming, case-sensitive).</value>
    public IReadOnlyList<string> MissingTokens { get; init; } = ["", "NA", "."];

    /// <value>Default <see cref="InvalidRowPolicy.Reject"/>: a score outside its instrument's range stops the load.</value>
    public InvalidRowPolicy OutOfRangeScores { get; init; } = InvalidRowPolicy.Reject;

    /// <value>Default <see cref="InvalidRowPolicy.Reject"/>: a second row for a subject × visit × parameter stops the load.
    /// With <see cref="InvalidRowPolicy.Exclude"/> the first row (in file order) is kept and later ones are excluded.</value>
    public InvalidRowPolicy DuplicateVisits { get; init; } = InvalidRowPolicy.Reject;

    /// <value>Default <see cref="Privacy.IdentifierGuardOptions.Default"/>: refuse to load a file whose columns look like HIPAA
    /// Safe Harbor identifiers (names, full dates, ZIP codes, phone numbers, …), checked by column name and on the first
    /// 1000 rows. Drop such columns with <see cref="Privacy.IdentifierPolicy.DropColumns"/>, or acknowledge them with
    /// <see cref="Privacy.IdentifierGuardOptions.Allow(string)"/> and a reason recorded in the report.</value>
    public Privacy.IdentifierGuardOptions Identifiers { get; init; } = Privacy.IdentifierGuardOptions.Default;

    /// <value>Default <see cref="AdamOptions.None"/>: every record is used. Set an analysis flag (ANL01FL), a population
    /// flag (EFFFL) or a subject-level file (ADSL) to select ADaM records; see <see cref="AdamOptions"/>.</value>
    public AdamOptions Adam { get; init; } = AdamOptions.None;

    /// <value>Default 1e-9: largest absolute difference tolerated between a file's BASE/CHG and the derived ones.</value>
    public double DerivationTolerance { get; init; } = 1e-9;
}
