namespace CohortAnalysis.Data;

/// <summary>Which source columns hold the subject, arm, visit, parameter, value and baseline information.</summary>
/// <remarks>
/// <para>Immutable. Each role lists accepted column names, tried in order and matched case-insensitively; the
/// first present in the header is used. The defaults are the CDISC ADaM BDS names, so an ADQS-style export
/// loads with no options: <c>USUBJID</c>; <c>TRT01P</c>, then <c>TRTP</c>, then <c>ARM</c>; <c>AVISITN</c>
/// (numeric visit) with <c>AVISIT</c> as its label; <c>PARAMCD</c>; <c>AVAL</c>; <c>ABLFL</c>; <c>BASE</c>; <c>CHG</c>.</para>
/// <para>Change one role with <c>ColumnMapping.AdamBds with { Subject = ["id"] }</c>.</para>
/// </remarks>
public sealed record ColumnMapping
{
    /// <summary>The ADaM BDS defaults.</summary>
    public static ColumnMapping AdamBds { get; } = new();

    /// <value>Default <c>USUBJID</c>, then <c>SUBJID</c>. Required.</value>
    public IReadOnlyList<string> Subject { get; init; } = ["USUBJID", "SUBJID"];

    /// <value>Default <c>TRT01P</c>, <c>TRTP</c>, <c>ARM</c>. Required.</value>
    public IReadOnlyList<string> Arm { get; init; } = ["TRT01P", "TRTP", "ARM"];

    /// <value>Default <c>AVISITN</c>, then <c>VISITNUM</c>. Required: the numeric study time (e.g. week).</value>
    public IReadOnlyList<string> Visit { get; init; } = ["AVISITN", "VISITNUM"];

    /// <value>Default <c>AVISIT</c>, then <c>VISIT</c>. Optional display label.</value>
    public IReadOnlyList<string> VisitLabel { get; init; } = ["AVISIT", "VISIT"];

    /// <value>Default <c>PARAMCD</c>. Optional when <see cref="DefaultParameter"/> is set (single-parameter files).</value>
    public IReadOnlyList<string> Parameter { get; init; } = ["PARAMCD"];

    /// <value>Default <c>AVAL</c>. Required: the score.</value>
    public IReadOnlyList<string> Value { get; init; } = ["AVAL"];

    /// <value>Default <c>ABLFL</c> (<c>"Y"</c> marks the baseline record). Optional.</value>
    public IReadOnlyList<string> BaselineFlag { get; init; } = ["ABLFL"];

    /// <value>Default <c>BASE</c>. Optional; when present it is checked against the derived baseline.</value>
    public IReadOnlyList<string> Baseline { get; init; } = ["BASE"];

    /// <value>Default <c>CHG</c>. Optional; when present it is checked against the derived change.</value>
    public IReadOnlyList<string> Change { get; init; } = ["CHG"];

    /// <value>Default: the ADaM subject-level variables <c>SITEID</c>, <c>SITEGR1</c>, <c>SEX</c>, <c>AGEGR1</c>,
    /// <c>RACE</c>, <c>STRATA</c>, <c>STRAT1</c>, <c>STRAT2</c>, kept when present. Each must be constant within a subject.</value>
    public IReadOnlyList<string> Covariates { get; init; } = ["SITEID", "SITEGR1", "SEX", "AGEGR1", "RACE", "STRATA", "STRAT1", "STRAT2"];

    /// <value>Default null. The parameter code to use when the file has no parameter column.</value>
    public string? DefaultParameter { get; init; }

    internal static int Find(IReadOnlyList<string> header, IReadOnlyList<string> candidates)
    {
        foreach (string candidate in candidates)
            for (int i = 0; i < header.Count; i++)
                if (string.Equals(header[i].Trim(), candidate, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
