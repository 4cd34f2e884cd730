namespace CohortAnalysis.Privacy;

/// <summary>
/// Thrown when a file holds identifiers (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)) and the policy is
/// <see cref="IdentifierPolicy.Refuse"/>. The message names the columns and categories, never a value.
/// </summary>
/// <remarks>
/// Message shape: <c>demo.csv: refusing to load identifiable data: column 'DOB' (full date: birth date) by name;
/// column 'notes' (free text) by content. Drop the columns (IdentifierPolicy.DropColumns), or acknowledge with
/// IdentifierPolicy.Allow and a reason.</c> <see cref="Exception.Source"/> is set to the file name. A front end
/// that offers other means (the <c>cohort</c> tool's flags) shows <see cref="Refusal"/> with its own advice.
/// </remarks>
public sealed class IdentifiableDataException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> with its findings.</summary>
    /// <param name="source">The file or stream name, as the reader reports it.</param>
    /// <param name="findings">At least one finding.</param>
    public IdentifiableDataException(string source, IReadOnlyList<IdentifierFinding> findings)
        : base(FormatRefusal(source, findings) + " " + LibraryAdvice)
    {
        Source = source;
        Findings = findings;
        Refusal = FormatRefusal(source, findings);
    }

    /// <summary>The findings that made the guard refuse the file.</summary>
    public IReadOnlyList<IdentifierFinding> Findings { get; }

    /// <summary>The message without the advice on what to do: the file, the columns and their categories, e.g.
    /// <c>demo.csv: refusing to load identifiable data: column 'DOB' (full date: birth date) by name.</c></summary>
    public string Refusal { get; }

    /// <summary>What a library caller can do, appended to <see cref="Refusal"/> in <see cref="Exception.Message"/>.</summary>
    public const string LibraryAdvice =
        "Drop the columns (IdentifierPolicy.DropColumns), or acknowledge with IdentifierPolicy.Allow and a reason.";

    private static string FormatRefusal(string source, IReadOnlyList<IdentifierFinding> findings) =>
        $"{source}: refusing to load identifiable data: {string.Join("; ", findings)}.";
}
