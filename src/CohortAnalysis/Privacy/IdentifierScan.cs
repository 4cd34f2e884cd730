namespace CohortAnalysis.Privacy;

/// <summary>
/// The guard's verdict on one file: per-column findings (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)) and what the
/// policy asks the reader to do with them. Holds no value from the file.
/// </summary>
/// <remarks>Immutable; safe to share between threads. Made by <see cref="IdentifierGuard.Scan(string, IReadOnlyList{string}, Func{int, IReadOnlyList{string}}, IdentifierGuardOptions?)"/>.</remarks>
public sealed class IdentifierScan
{
    internal IdentifierScan(string source, int columnCount, IReadOnlyList<IdentifierFinding> findings, IdentifierGuardOptions options)
    {
        Source = source;
        ColumnCount = columnCount;
        Findings = findings;
        Policy = options.Policy;
        ColumnsToDrop = options.Policy == IdentifierPolicy.DropColumns
            ? findings.Select(f => f.ColumnIndex).Distinct().Order().ToArray()
            : [];
        Acknowledgement = options.Policy == IdentifierPolicy.Allow && findings.Count > 0
            ? new IdentifierAcknowledgement(options.Reason!, findings)
            : null;
    }

    /// <summary>The file or stream name given to the guard.</summary>
    public string Source { get; }

    /// <summary>How many columns were scanned.</summary>
    public int ColumnCount { get; }

    /// <summary>One finding per flagged column and category, in column order; empty when nothing was found.</summary>
    public IReadOnlyList<IdentifierFinding> Findings { get; }

    /// <summary>The policy the scan was made under.</summary>
    public IdentifierPolicy Policy { get; }

    /// <summary>Zero-based indexes of the columns the reader must drop, ascending; empty unless the policy is
    /// <see cref="IdentifierPolicy.DropColumns"/>. <see cref="Findings"/> says why, for the data-quality report.</summary>
    public IReadOnlyList<int> ColumnsToDrop { get; }

    /// <summary>Under <see cref="IdentifierPolicy.Allow"/> with findings, the reason and findings results must carry; otherwise null.</summary>
    public IdentifierAcknowledgement? Acknowledgement { get; }

    /// <summary>Throws when the policy is <see cref="IdentifierPolicy.Refuse"/> and there are findings; otherwise does nothing.</summary>
    /// <exception cref="IdentifiableDataException">The file holds identifiers and the policy is Refuse.</exception>
    public void ThrowIfRefused()
    {
        if (Policy == IdentifierPolicy.Refuse && Findings.Count > 0)
            throw new IdentifiableDataException(Source, Findings);
    }

    /// <summary>E.g. <c>demo.csv: no identifiers found in 12 columns</c>, or the findings and the policy's action.</summary>
    public override string ToString()
    {
        if (Findings.Count == 0) return $"{Source}: no identifiers found in {ColumnCount} columns";
        string action = Policy switch
        {
            IdentifierPolicy.Refuse => "refused",
            IdentifierPolicy.DropColumns => "columns dropped",
            _ => "acknowledged",
        };
        return $"{Source}: identifiers found ({action}): {string.Join("; ", Findings)}";
    }
}
