namespace CohortAnalysis;

/// <summary>
/// The user's acknowledgement that a file holds identifiers (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)) and why
/// it may be analysed anyway; results built from the file carry it in their provenance.
/// </summary>
/// <param name="Reason">The reason given in <c>Privacy.IdentifierGuardOptions.Reason</c>, never empty.</param>
/// <param name="Findings">The findings acknowledged.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record IdentifierAcknowledgement(string Reason, IReadOnlyList<IdentifierFinding> Findings)
{
    /// <summary>E.g. <c>identifiers acknowledged (IRB-approved linkage study): column 'DOB' (full date: birth date) by name</c>.</summary>
    public override string ToString() => $"identifiers acknowledged ({Reason}): {string.Join("; ", Findings)}";
}
