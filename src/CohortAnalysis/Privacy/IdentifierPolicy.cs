namespace CohortAnalysis.Privacy;

/// <summary>What a reader does when the guard finds identifiers (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)).</summary>
public enum IdentifierPolicy
{
    /// <summary>Default: refuse the file; <see cref="IdentifierScan.ThrowIfRefused"/> throws <see cref="IdentifiableDataException"/>.</summary>
    Refuse,
    /// <summary>Load the file without the flagged columns (<see cref="IdentifierScan.ColumnsToDrop"/>); the reader lists them in its data-quality report.</summary>
    DropColumns,
    /// <summary>Load everything; requires <see cref="IdentifierGuardOptions.Reason"/>, which results carry as an <see cref="IdentifierAcknowledgement"/>.</summary>
    Allow,
}
