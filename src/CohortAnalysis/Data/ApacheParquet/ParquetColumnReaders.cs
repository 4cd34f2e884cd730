using Parquet;
using Parquet.Schema;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>Decodes the columns of a row group side by side: a large row group's columns are shared among up to
/// <see cref="MaxReaders"/> threads, each with its own <see cref="ParquetReader"/> on the file (a reader reads through
/// one stream, so it serves one thread).</summary>
/// <remarks>
/// <para>Decoding a row group is the one step of a Parquet load that nothing else overlaps: the rows wait for it. Its
/// columns are independent, so on a machine with several cores the wait is about the slowest column instead of the sum.</para>
/// <para>A reader beyond the first that cannot be opened is not used: the other readers decode its columns, and a
/// file that cannot be read fails there, with the column named. Not thread-safe: one per source.</para>
/// </remarks>
internal sealed class ParquetColumnReaders : IDisposable
{
    /// <summary>Most readers (and threads) used for one row group.</summary>
    public const int MaxReaders = 4;

    /// <summary>Rows below which a row group is decoded on the calling thread alone.</summary>
    public const int ParallelRows = 1 << 16;

    private readonly string _path;
    private readonly ParquetOptions _options;
    private readonly DataField[] _fields;
    private readonly ParquetReader?[] _readers;
    private readonly bool[] _unopenable;

    public ParquetColumnReaders(string path, ParquetOptions options, ParquetReader first, DataField[] fields)
    {
        _path = path;
        _options = options;
        _fields = fields;
        _readers = new ParquetReader?[Math.Max(1, Math.Min(MaxReaders, Math.Min(Environment.ProcessorCount, fields.Length)))];
        _readers[0] = first;
        _unopenable = new bool[_readers.Length];
    }

    /// <summary>Decodes every column of row group <paramref name="group"/> (<paramref name="rows"/> rows) into
    /// <paramref name="chunks"/>; returns, per column, why it could not be decoded (null when it was).</summary>
    public Exception?[] Read(int group, int rows, ParquetColumnChunk?[] chunks)
    {
        var failures = new Exception?[_fields.Length];
        int next = -1;
        void Work(int worker)
        {
            ParquetReader? reader = Reader(worker);
            if (reader is null) return;
            ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(group);
            for (int c = Interlocked.Increment(ref next); c < _fields.Length; c = Interlocked.Increment(ref next))
            {
                try
                {
                    chunks[c] = ParquetColumnChunk.ReadAsync(rowGroup, _fields[c], rows).GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures[c] = e;
                }
            }
        }
        int workers = rows < ParallelRows ? 1 : _readers.Length;
        if (workers == 1) Work(0);
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, Work);
        return failures;
    }

    private ParquetReader? Reader(int worker)
    {
        if (_readers[worker] is { } open) return open;
        if (_unopenable[worker]) return null;
        try
        {
            return _readers[worker] = ParquetReader.CreateAsync(_path, _options).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ParquetException)
        {
            // The first reader opened the same file; its columns are decoded by the readers that are open.
            _unopenable[worker] = true;
            return null;
        }
    }

    public void Dispose()
    {
        foreach (ParquetReader? reader in _readers)
            reader?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
