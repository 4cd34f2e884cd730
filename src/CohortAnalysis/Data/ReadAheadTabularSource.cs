using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace CohortAnalysis.Data;

/// <summary>Reads a source a block of rows ahead: past its first block, on a second thread, while the loader works on the
/// rows already read; the identifier guard then scans each block the loader is done with (a third thread).</summary>
/// <remarks>
/// <para>The rows, their fields, lines and typed numbers, and what the source throws, reach the loader exactly as
/// reading the source directly gives them, in the same order: an exception is rethrown at the row where the source threw
/// it, after the rows before it. A source of one block or less is read on the calling thread and no thread is
/// started.</para>
/// <para>The source is used by one thread at a time (the calling thread for the first block, then the reading thread
/// until it ends), and <see cref="Dispose"/> waits for the reading thread before disposing the source.</para>
/// </remarks>
internal sealed class ReadAheadTabularSource : TabularSource
{
    /// <summary>Blocks read ahead of the loader at most (each of <see cref="ScannedRowBlock.Rows"/> rows).</summary>
    private const int BlocksAhead = 3;

    private readonly TabularSource _inner;
    private readonly ConcurrentBag<ScannedRowBlock> _pool = [];
    private readonly BlockingCollection<ScannedRowBlock> _ready = new(BlocksAhead);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ScannedRowBlock> _unscanned = [];
    private Thread? _reader;
    private ScannedRowBlock? _block;
    private int _row;
    private bool _ended;
    private long? _estimatedRows;
    private bool _estimated;
    private LoadTimeIdentifierScan? _scan;

    public ReadAheadTabularSource(TabularSource inner) => _inner = inner;

    public override string Name => _inner.Name;
    public override IReadOnlyList<string> Header => _inner.Header;
    public override DatasetMetadata? Metadata => _inner.Metadata;

    /// <summary>The source's estimate as it stood after the first block (sources settle it on their first rows).</summary>
    public override long? EstimatedRows => _estimated ? _estimatedRows : _inner.EstimatedRows;

    public override bool RowCountIsExact => _inner.RowCountIsExact;

    internal override void ShareTexts(IReadOnlyCollection<int> columns) => _inner.ShareTexts(columns);

    public override long Line => _block!.Line(_row);
    public override long EndLine => _block!.EndLine(_row);
    public override int FieldCount => _block!.FieldCount(_row);

    public override ReadOnlySpan<char> Field(int column, out bool isNull) => _block!.Field(_row, column, out isNull);

    public override bool TryNumber(int column, out double value) => _block!.TryNumber(_row, column, out value);

    public override bool Repeats(int column) => _block!.Repeats(_row, column);

    public override string? SharedField(int column, out int code) => _block!.SharedField(_row, column, out code);

    /// <summary>The source's own findings: asked once the last row has been read (the reading thread has then ended).</summary>
    public override IEnumerable<DataIssue> Findings() => _inner.Findings();

    public override bool Read()
    {
        while (true)
        {
            if (_block is not null)
            {
                if (++_row < _block.Count) return true;
                _block.Failure?.Throw();
                bool last = _block.IsLast;
                Done(_block);
                _block = null;
                if (last) _ended = true;
            }
            if (_ended) return false;
            _block = _reader is null ? First() : _ready.Take();
            _row = -1;
        }
    }

    /// <summary>Has <paramref name="scan"/> examine every block of rows the loader is done with, from the first.</summary>
    internal override void ScanWith(LoadTimeIdentifierScan scan)
    {
        _scan = scan;
        foreach (ScannedRowBlock block in _unscanned) scan.Add(block);
        _unscanned.Clear();
    }

    // The first block, read here; when it fills, the reading thread goes on with the rest.
    private ScannedRowBlock First()
    {
        ScannedRowBlock block = Fill(NewBlock());
        (_estimatedRows, _estimated) = (_inner.EstimatedRows, true);
        if (block.IsFull && block.Failure is null && !block.IsLast)
        {
            _reader = new Thread(ReadRest) { IsBackground = true, Name = "cohort read-ahead" };
            _reader.Start();
        }
        return block;
    }

    private void ReadRest()
    {
        try
        {
            while (true)
            {
                ScannedRowBlock block = Fill(NewBlock());
                _ready.Add(block, _stop.Token);
                if (!block.IsFull || block.Failure is not null || block.IsLast) return;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed before the end: the loader stopped reading.
        }
    }

    // Reads rows into the block until it is full, the source ends (IsLast) or the source throws (Failure).
    private ScannedRowBlock Fill(ScannedRowBlock block)
    {
        try
        {
            while (!block.IsFull)
            {
                if (_stop.IsCancellationRequested) throw new OperationCanceledException(_stop.Token);
                if (!_inner.Read())
                {
                    block.IsLast = true;
                    return block;
                }
                _inner.CopyRowTo(block);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            block.Failure = ExceptionDispatchInfo.Capture(e);
        }
        return block;
    }

    private ScannedRowBlock NewBlock() => _pool.TryTake(out ScannedRowBlock? block) ? block : new ScannedRowBlock(_pool);

    // A block the loader has read: to the identifier scan (which recycles it), or kept for the scan still to come.
    private void Done(ScannedRowBlock block)
    {
        if (_scan is not null) _scan.Add(block);
        else _unscanned.Add(block);
    }

    private bool _disposed;

    public override void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stop.Cancel();
        if (_reader is not null)
        {
            // Frees the reading thread if it waits for room; it then sees the cancellation and ends.
            while (_reader.IsAlive)
                while (_ready.TryTake(out _, 10)) { }
            _reader.Join();
        }
        _ready.Dispose();
        _stop.Dispose();
        _inner.Dispose();
    }
}
