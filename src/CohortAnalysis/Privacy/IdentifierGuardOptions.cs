namespace CohortAnalysis.Privacy;

/// <summary>How the de-identification guard scans a file and what the reader does with its findings.</summary>
/// <remarks>Immutable; safe to share between threads. Reference: HIPAA Safe Harbor, 45 CFR 164.514(b)(2).</remarks>
public sealed record IdentifierGuardOptions
{
    /// <summary>Refuse identifiable files, examine every value, no mapped columns.</summary>
    public static IdentifierGuardOptions Default { get; } = new();

    /// <summary>Options that load identifiable files and record <paramref name="reason"/> in results' provenance.</summary>
    /// <param name="reason">Why identifiable data may be analysed (e.g. "IRB protocol 2024-117, limited data set"); not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null, empty or white space.</exception>
    public static IdentifierGuardOptions Allow(string reason)
    {
        var options = new IdentifierGuardOptions { Policy = IdentifierPolicy.Allow, Reason = reason };
        options.Validate();
        return options;
    }

    /// <value>Default <see cref="IdentifierPolicy.Refuse"/>.</value>
    public IdentifierPolicy Policy { get; init; } = IdentifierPolicy.Refuse;

    /// <value>Default <c>null</c>. Required (not blank) when <see cref="Policy"/> is <see cref="IdentifierPolicy.Allow"/>.</value>
    public string? Reason { get; init; }

    /// <value>Default <see cref="int.MaxValue"/>: every non-missing value of every column is examined (readers scan
    /// every row as they load). A smaller number examines at most that many non-missing values per column, in the
    /// order given: faster, but an identifier first appearing after them is missed.</value>
    public int SampleSize { get; init; } = int.MaxValue;

    /// <value>
    /// Default empty. Headers the reader maps to analysis roles (subject, arm, visit, parameter, value), compared
    /// case-insensitively. Their values are expected to be codes and labels (<c>S0001</c>, <c>01-017</c>,
    /// <c>Psilocybin 25 mg</c>, <c>Week 6</c>), so the weak content rules (person names, free text, bare
    /// 3-3-4 digit numbers as phone numbers) are skipped for them; name rules and strong content rules
    /// (SSN, e-mail, dates, …) still apply, so a subject column holding SSNs is still flagged.
    /// </value>
    public IReadOnlyCollection<string> MappedColumns { get; init; } = [];

    internal void Validate()
    {
        if (!Enum.IsDefined(Policy))
            throw new ArgumentOutOfRangeException(nameof(Policy), Policy, "Policy must be Refuse, DropColumns or Allow.");
        if (Policy == IdentifierPolicy.Allow && string.IsNullOrWhiteSpace(Reason))
            throw new ArgumentException(
                "IdentifierPolicy.Allow requires a Reason (e.g. the ethics approval that covers identifiable data); it is recorded in results' provenance.",
                nameof(Reason));
        Guard.AtLeast(SampleSize, 1);
        Guard.NotNull(MappedColumns);
    }
}
