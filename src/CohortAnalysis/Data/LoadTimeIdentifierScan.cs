using System.Collections.Concurrent;
using CohortAnalysis.Privacy;

namespace CohortAnalysis.Data;

/// <summary>
/// The de-identification guard over every row, run while the reader loads (the guard's first verdict, made on the
/// rows read ahead, decides before loading; this one covers the rest of the file). An identifier first appearing
/// after the rows read ahead refuses the file under <see cref="IdentifierPolicy.Refuse"/>; under
/// <see cref="IdentifierPolicy.DropColumns"/> its column is dropped when the mapping does not use it (its values
/// were never loaded) and the file refused when it does; under <see cref="IdentifierPolicy.Allow"/> it joins the
/// acknowledgement.
/// </summary>
internal sealed class LoadTimeIdentifierScan : IDisposable
{
    private readonly IdentifierScanner _scanner;
    private readonly IdentifierScan _early;
    private readonly bool[] _dropped;
    private readonly int _columns;
    private BlockingCollection<IScannedRows>? _full;
    private Task? _worker;

    public LoadTimeIdentifierScan(string source, IReadOnlyList<string> header, IdentifierGuardOptions options, IdentifierScan early,
        IReadOnlyCollection<int> dropped)
    {
        _scanner = new IdentifierScanner(source, header, options);
        _early = early;
        _columns = header.Count;
        _dropped = new bool[_columns];
        foreach (int c in dropped) _dropped[c] = true;
    }

    /// <summary>Counts every field of <paramref name="rows"/> (dropped columns, and fields past the header's, excepted),
    /// then lets them go (<see cref="IScannedRows.Scanned"/>). Rows must come in the order of the file.</summary>
    /// <remarks>Rows are scanned on a second thread, in order, while the reader goes on; until that thread is needed,
    /// small ones (<see cref="IScannedRows.IsSmall"/>: a small file, the last block) are scanned here, on the loading
    /// thread, at once. Either way the verdict is the same as scanning row by row.</remarks>
    public void Add(IScannedRows rows)
    {
        if (_full is null && rows.IsSmall)
        {
            rows.ScanInto(_scanner, _dropped, _columns);
            rows.Scanned();
            return;
        }
        if (_full is null)
        {
            _full = new BlockingCollection<IScannedRows>(boundedCapacity: 2);
            _worker = Task.Factory.StartNew(ScanBlocks, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        _full.Add(rows);
    }

    private void ScanBlocks()
    {
        foreach (IScannedRows rows in _full!.GetConsumingEnumerable())
        {
            rows.ScanInto(_scanner, _dropped, _columns);
            rows.Scanned();
        }
    }

    // Waits for the rows handed over to be scanned.
    private void Drain()
    {
        if (_full is null) return;
        _full.CompleteAdding();
        _worker!.GetAwaiter().GetResult();
    }

    /// <summary>Stops the second thread when a load ends early (a malformed file).</summary>
    public void Dispose()
    {
        if (_full is null || _full.IsAddingCompleted) return;
        _full.CompleteAdding();
        try { _worker!.Wait(); } catch (AggregateException) { }   // the load's own error is the one to report
        _full.Dispose();
    }

    /// <summary>Acts on findings the first verdict did not have; returns the acknowledgement results carry.</summary>
    /// <param name="used">Columns the mapping reads (their values are in the cohort).</param>
    /// <param name="builder">Receives a note for each column dropped late.</param>
    /// <param name="acknowledgement">The first verdict's acknowledgement.</param>
    /// <exception cref="IdentifiableDataException">A late finding under Refuse, or in a column the mapping uses under DropColumns.</exception>
    public IdentifierAcknowledgement? Finish(IReadOnlySet<int> used, CohortBuilder builder, IdentifierAcknowledgement? acknowledgement)
    {
        Drain();
        IdentifierScan full = _scanner.Result();
        var seen = _early.Findings.Select(f => (f.ColumnIndex, f.Category)).ToHashSet();
        IdentifierFinding[] late = full.Findings.Where(f => !seen.Contains((f.ColumnIndex, f.Category))).ToArray();
        if (late.Length == 0) return acknowledgement;
        switch (full.Policy)
        {
            case IdentifierPolicy.DropColumns:
                IdentifierFinding[] loaded = late.Where(f => used.Contains(f.ColumnIndex)).ToArray();
                if (loaded.Length > 0) throw new IdentifiableDataException(full.Source, loaded);
                foreach (var column in late.GroupBy(f => f.ColumnIndex))
                    builder.Note(new DataIssue(DataIssueKind.IdentifierColumnDropped, DataIssueSeverity.Note, full.Source, 1, column.First().Column,
                        null, null, $"dropped by the de-identification guard: {string.Join("; ", column)} (found past the rows read ahead; no value of it was loaded)."));
                return acknowledgement;
            case IdentifierPolicy.Allow:
                IdentifierFinding[] all = _early.Findings.Concat(late).OrderBy(f => f.ColumnIndex).ThenBy(f => f.Category).ToArray();
                return new IdentifierAcknowledgement(acknowledgement?.Reason ?? full.Acknowledgement!.Reason, all);
            default:
                throw new IdentifiableDataException(full.Source, late);
        }
    }
}
