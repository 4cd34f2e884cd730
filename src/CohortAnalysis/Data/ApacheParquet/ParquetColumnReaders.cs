using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>Decodes the columns of a row group side by side: a large row group's columns are shared among up to
/// <see cref="MaxReaders"/> threads, each with its own <see cref="ParquetReader"/> on the file (a reader reads through
/// one stream, so it serves one thread).</summary>
/// <remarks>
/// <para>A column chunk of a common shape (dictionary-encoded text, plain or dictionary numbers) is decoded from the
/// file's bytes by <see cref="ParquetChunkDecoder"/>, which needs no reader; the others, and any chunk it declines, by
/// Parquet.Net.</para>
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
    private readonly SafeFileHandle? _file;
    private readonly long _fileLength;

    public ParquetColumnReaders(string path, ParquetOptions options, ParquetReader first, DataField[] fields)
    {
        _path = path;
        _options = options;
        _fields = fields;
        _readers = new ParquetReader?[Math.Max(1, Math.Min(MaxReaders, Math.Min(Environment.ProcessorCount, fields.Length)))];
        _readers[0] = first;
        _unopenable = new bool[_readers.Length];
        try
        {
            _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
            _fileLength = RandomAccess.GetLength(_file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _file = null;   // every column is then decoded by Parquet.Net's readers
        }
    }

    /// <summary>Decodes every column of row group <paramref name="group"/> (<paramref name="rows"/> rows) into
    /// <paramref name="chunks"/>; returns, per column, why it could not be decoded (null when it was).</summary>
    public Exception?[] Read(int group, int rows, ParquetColumnChunk?[] chunks)
    {
        var failures = new Exception?[_fields.Length];
        ParquetRowGroupReader groupReader = _readers[0]!.RowGroups[group];
        ColumnMetaData?[] columns = Array.ConvertAll(_fields, f => groupReader.GetMetadata(f)?.MetaData);
        int next = -1;
        var leftOver = new System.Collections.Concurrent.ConcurrentQueue<int>();
        void Work(int worker)
        {
            ParquetRowGroupReader? rowGroup = null;
            for (int c = Interlocked.Increment(ref next); c < _fields.Length; c = Interlocked.Increment(ref next))
            {
                if (_file is not null && ParquetChunkDecoder.TryRead(_file, _fileLength, columns[c], _fields[c], rows) is { } direct)
                {
                    chunks[c] = direct;
                    continue;
                }
                if (rowGroup is null)
                {
                    // A worker whose reader cannot be opened leaves the column to the first reader, after the others.
                    if (Reader(worker) is not { } reader)
                    {
                        leftOver.Enqueue(c);
                        continue;
                    }
                    rowGroup = reader.OpenRowGroupReader(group);
                }
                Decode(rowGroup, c, rows, chunks, failures);
            }
        }
        int workers = rows < ParallelRows ? 1 : _readers.Length;
        if (workers == 1) Work(0);
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, Work);
        if (!leftOver.IsEmpty)
        {
            ParquetRowGroupReader first = _readers[0]!.OpenRowGroupReader(group);
            foreach (int c in leftOver) Decode(first, c, rows, chunks, failures);
        }
        return failures;
    }

    private void Decode(ParquetRowGroupReader rowGroup, int column, int rows, ParquetColumnChunk?[] chunks, Exception?[] failures)
    {
        try
        {
            chunks[column] = ParquetColumnChunk.ReadAsync(rowGroup, _fields[column], rows).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures[column] = e;
        }
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
        _file?.Dispose();
    }
}
