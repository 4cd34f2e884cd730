namespace CohortAnalysis.Data;

/// <summary>How records of a CDISC ADaM BDS dataset are chosen for analysis, and where subject-level data come from.</summary>
/// <remarks>
/// <para>Immutable. Conventions of the ADaM Implementation Guide v1.3 (BDS): an analysis flag ANLzzFL = "Y" marks the
/// records an analysis uses (one per subject × parameter × analysis visit), DTYPE names records that were derived
/// (e.g. "LOCF") rather than observed, population flags such as EFFFL, ITTFL, SAFFL = "Y" mark the subjects in a population,
/// and ADSL holds one record per subject with its treatment, pooled site, age group, sex and population flags.</para>
/// <para>Every record set aside is listed in the data-quality report with its reason (kinds
/// <see cref="DataIssueKind.NotAnalysisRecord"/> and <see cref="DataIssueKind.OutsidePopulation"/>); derived records that
/// are kept are counted by DTYPE in a note.</para>
/// </remarks>
public sealed record AdamOptions
{
    /// <summary>No selection: every record is used (the defaults).</summary>
    public static AdamOptions None { get; } = new();

    /// <value>Default null (every record is used). The analysis flag, e.g. <c>ANL01FL</c>: only records with the flag
    /// <c>"Y"</c> are used; the others are set aside and listed in the report. CLI <c>--analysis-flag</c>.</value>
    public string? AnalysisFlag { get; init; }

    /// <value>Default null (all subjects). A population flag, e.g. <c>EFFFL</c>, <c>ITTFL</c>, <c>SAFFL</c>: only subjects
    /// with the flag <c>"Y"</c> are used, the flag being read from the dataset itself or, when it lacks it, from
    /// <see cref="SubjectLevelFile"/>. CLI <c>--population</c>.</value>
    public string? Population { get; init; }

    /// <value>Default <c>DTYPE</c>: the derivation-type column; its non-blank values (e.g. LOCF, WOCF, AVERAGE) mark
    /// derived records, counted in the report.</value>
    public string DerivationType { get; init; } = "DTYPE";

    /// <value>Default null. A subject-level (ADSL) file in any supported format, merged by subject (USUBJID): its
    /// <see cref="SubjectLevelVariables"/> become covariates of the cohort, and where the analysis dataset carries the
    /// same variable the values must agree. CLI <c>--adsl</c>.</value>
    public string? SubjectLevelFile { get; init; }

    /// <value>Default <c>TRT01P</c>, <c>SITEGR1</c>, <c>AGEGR1</c>, <c>SEX</c>, <c>SAFFL</c>, <c>ITTFL</c>, <c>EFFFL</c>,
    /// <c>COMP24FL</c>: the ADSL variables brought in (those the ADSL file has).</value>
    public IReadOnlyList<string> SubjectLevelVariables { get; init; } = ["TRT01P", "SITEGR1", "AGEGR1", "SEX", "SAFFL", "ITTFL", "EFFFL", "COMP24FL"];
}
