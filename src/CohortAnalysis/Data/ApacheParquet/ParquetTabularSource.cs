using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>An Apache Parquet file as a <see cref="TabularSource"/>, read one row group at a time and, within it, column
/// by column (Parquet.Net): numbers reach the cohort builder as numbers (never formatted and parsed back), UTF-8 text as
/// character slices, null as a missing value.</summary>
/// <remarks>
/// <para>Lines count as in a CSV export of the same data: the header is line 1, so record r is line r + 1. Nested
/// columns (lists, structs, maps) are not read; a note names each one.</para>
/// <para>Row groups are decoded ahead on other threads, so the loader reads this source directly
/// (<see cref="ReadsAheadItself"/>), hands each row group to the identifier guard (<see cref="ScanWith"/>) and takes a row
/// group whose rows need no cleaning or reporting straight from its columns (<see cref="CodedRowGroupReader"/>).</para>
/// </remarks>
internal sealed class ParquetTabularSource : TabularSource
{
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;
    private readonly string[] _header;
    private readonly List<string> _nested;
    private ParquetColumnChunk?[] _chunks;
    private (int Index, Task<DecodedGroup> Decoding)? _next;
    private readonly ParquetColumnReaders _columnReaders;
    private readonly int[] _nextCode;   // per column: the code of the next row group's first distinct text
    private int _group = -1;
    private int _row;
    private int _groupRows;
    private long _record;
    private LoadTimeIdentifierScan? _scan;
    private readonly List<RowGroupScan> _unscanned = [];
    private readonly NumberTexts[] _scanTexts;   // the guard's texts of each number column (its thread's own)
    private bool _disposed;

    private ParquetTabularSource(string name, string path, ParquetOptions options, ParquetReader reader, DataField[] fields, List<string> nested,
        DatasetMetadata metadata)
    {
        _columnReaders = new ParquetColumnReaders(path, options, reader, fields);
        Name = name;
        _reader = reader;
        _fields = fields;
        _header = fields.Select(f => f.Name).ToArray();
        _nested = nested;
        _chunks = new ParquetColumnChunk?[fields.Length];
        _nextCode = new int[fields.Length];
        _scanTexts = new NumberTexts[fields.Length];
        for (int c = 0; c < fields.Length; c++) _scanTexts[c] = new NumberTexts();
        Metadata = metadata;
    }

    /// <summary>Opens <paramref name="path"/> and reads its footer (schema, row groups).</summary>
    /// <exception cref="CohortDataException">The file is empty, truncated or not Parquet.</exception>
    public static ParquetTabularSource Open(string path)
    {
        string name = Path.GetFileName(path);
        if (new FileInfo(path).Length == 0)
            throw new CohortDataException([CsvTabularSource.Problem(name, null, null, null, "the file is empty: not a Parquet file.")]);
        ParquetReader? reader = null;
        ParquetSchema schema;
        var options = new ParquetOptions { TreatByteArrayAsString = true, UseDateOnlyTypeForDates = true };
        try
        {
            if (ParquetFooterCheck.Problem(path) is { } problem) throw new InvalidDataException(problem);
            reader = ParquetReader.CreateAsync(path, options).GetAwaiter().GetResult();
            schema = reader.Schema;   // built from the footer at first use: a damaged schema fails here
        }
        catch (Exception e) when (e is not OutOfMemoryException and not FileNotFoundException and not UnauthorizedAccessException and not DirectoryNotFoundException)
        {
            reader?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new CohortDataException([CsvTabularSource.Problem(name, null, null, null,
                $"not a readable Parquet file: truncated, damaged or another format (a Parquet file starts and ends with 'PAR1' and ends with its footer) ({e.Message}).")]);
        }
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            if (reader.RowGroups[g].RowCount >= 0) continue;
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new CohortDataException([CsvTabularSource.Problem(name, null, null, null, string.Create(CultureInfo.InvariantCulture,
                $"not a readable Parquet file: the footer gives row group {g + 1} a negative row count ({reader.RowGroups[g].RowCount}); the file is damaged."))]);
        }
        var fields = new List<DataField>();
        var variables = new List<VariableMetadata>();
        var nested = new List<string>();
        foreach (Field field in schema.Fields)
        {
            if (field is DataField data && !data.IsArray && ParquetColumnChunk.KindOf(data) is { } kind)
            {
                fields.Add(data);
                variables.Add(new VariableMetadata(data.Name, "", kind, null, ""));
            }
            else
            {
                nested.Add(field is DataField flat
                    ? $"{flat.Name} ({(flat.IsArray ? "a list" : $"values of type {flat.ClrType.Name}")})"
                    : $"{field.Name} ({field.SchemaType.ToString().ToLowerInvariant()})");
            }
        }
        var metadata = new DatasetMetadata(name, "Apache Parquet", "", "", variables);
        return new ParquetTabularSource(name, path, options, reader, fields.ToArray(), nested, metadata);
    }

    public override string Name { get; }
    public override IReadOnlyList<string> Header => _header;
    public override long Line => _record + 1;
    public override int FieldCount => _header.Length;
    public override DatasetMetadata Metadata { get; }

    public override bool RowCountIsExact => true;

    /// <summary>The rows of the footer's row groups (exact), which the source reads; not the footer's own total, which a
    /// damaged file may overstate without a row group to back it (the builder sizes its columns by this count).</summary>
    public override long? EstimatedRows
    {
        get
        {
            long rows = 0;
            for (int g = 0; g < _reader.RowGroupCount; g++) rows += _reader.RowGroups[g].RowCount;
            return rows;
        }
    }

    /// <summary>Row groups are decoded on other threads, the next while this one's rows are read, and held as columns:
    /// nothing is gained by copying their rows ahead.</summary>
    internal override bool ReadsAheadItself => true;

    /// <summary>Hands <paramref name="scan"/> the row groups read so far, then each one as it is read. The guard counts a
    /// row group's columns on its own thread while the loader reads its rows: the chunks are not changed once decoded,
    /// and the guard takes the text of numbers from texts of its own.</summary>
    internal override void ScanWith(LoadTimeIdentifierScan scan)
    {
        _scan = scan;
        foreach (RowGroupScan group in _unscanned) scan.Add(group);
        _unscanned.Clear();
    }

    private sealed class RowGroupScan(ParquetColumnChunk?[] chunks, int rows, NumberTexts[] texts) : IScannedRows
    {
        public bool IsSmall => rows < ScannedRowBlock.Rows;

        public void ScanInto(Privacy.IdentifierScanner scanner, bool[] skip, int columns)
        {
            for (int c = 0; c < Math.Min(columns, chunks.Length); c++)
                if (!skip[c]) chunks[c]!.ScanInto(scanner, c, texts[c]);
        }

        public void Scanned() { }
    }

    public override IEnumerable<DataIssue> Findings()
    {
        foreach (string column in _nested)
            yield return new DataIssue(DataIssueKind.UnusedColumn, DataIssueSeverity.Note, Name, 1, column, null, null,
                "a nested or unsupported Parquet column (only flat number, text, boolean, date and time columns are read); ignored.");
    }

    /// <summary>The row group the current row is in (0-based), and the row's index in it.</summary>
    internal int Group => _group;

    internal int RowInGroup => _row;

    /// <summary>Rows in the current row group.</summary>
    internal int GroupRows => _groupRows;

    /// <summary>The current row group's values of column <paramref name="column"/>.</summary>
    internal ParquetColumnChunk Chunk(int column) => _chunks[column]!;

    /// <summary>Makes the current row group's last row the current row: a reader that took the rest of the row group's
    /// rows from its chunks goes on with <see cref="Read"/> at the next row group.</summary>
    internal void SkipRestOfGroup()
    {
        _record += _groupRows - 1 - _row;
        _row = _groupRows - 1;
    }

    public override bool Read()
    {
        while (_row + 1 >= _groupRows)
        {
            if (_group + 1 >= _reader.RowGroupCount) return false;
            LoadGroup(_group + 1);
        }
        _row++;
        _record++;
        return true;
    }

    private void LoadGroup(int index)
    {
        long count = _reader.RowGroups[index].RowCount;
        if (count > int.MaxValue)
            throw new CohortDataException([CsvTabularSource.Problem(Name, _record + 2, null, null,
                string.Create(CultureInfo.InvariantCulture, $"row group {index + 1} has {count} rows; at most {int.MaxValue} are read per row group."))]);
        var texts = new NumberTexts?[_fields.Length];
        for (int c = 0; c < _fields.Length; c++) texts[c] = _chunks[c]?.Texts;
        DecodedGroup decoded;
        if (_next is { } next && next.Index == index)
        {
            decoded = next.Decoding.GetAwaiter().GetResult();
        }
        else
        {
            Array.Clear(_chunks);   // the previous row group's values can go before the next one's are read
            decoded = Decode(index);
        }
        _next = null;
        for (int c = 0; c < _fields.Length; c++)
        {
            if (decoded.Failures[c] is { } e)
                throw new CohortDataException([CsvTabularSource.Problem(Name, _record + 2, _header[c], null,
                    string.Create(CultureInfo.InvariantCulture,
                        $"row group {index + 1} (rows from line {_record + 2}), column {_header[c]}: the column cannot be decoded: the file is truncated or damaged ({e.Message})."))]);
            decoded.Chunks[c]!.Texts = texts[c];
            decoded.Chunks[c]!.CodeBase = _nextCode[c];
            _nextCode[c] = checked(_nextCode[c] + decoded.Chunks[c]!.DistinctCount);
        }
        _chunks = decoded.Chunks;
        var scanned = new RowGroupScan(decoded.Chunks, decoded.Rows, _scanTexts);
        if (_scan is not null) _scan.Add(scanned);
        else _unscanned.Add(scanned);
        _group = index;
        _groupRows = decoded.Rows;
        _row = -1;
        // The next row group is decoded on other threads while this one's rows are loaded.
        if (index + 1 < _reader.RowGroupCount && _reader.RowGroups[index + 1].RowCount <= int.MaxValue)
            _next = (index + 1, Task.Run(() => Decode(index + 1)));
    }

    private DecodedGroup Decode(int index)
    {
        int rows = (int)_reader.RowGroups[index].RowCount;
        var chunks = new ParquetColumnChunk?[_fields.Length];
        Exception?[] failures = _columnReaders.Read(index, rows, chunks);
        return new DecodedGroup(rows, chunks, failures);
    }

    private sealed record DecodedGroup(int Rows, ParquetColumnChunk?[] Chunks, Exception?[] Failures);

    public override ReadOnlySpan<char> Field(int column, out bool isNull) => _chunks[column]!.Field(_row, out isNull);

    public override string? SharedField(int column, out int code) => _chunks[column]!.Shared(_row, out code);

    public override bool Repeats(int column) => _chunks[column]!.Repeats(_row);

    public override bool TryNumber(int column, out double value)
    {
        ParquetColumnChunk chunk = _chunks[column]!;
        if (!chunk.IsNumber)
        {
            value = double.NaN;
            return false;
        }
        value = chunk.Number(_row);
        return true;
    }

    public override void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        // The readers are closed once the row group being read ahead (if any) is decoded; a load that ends early has
        // its own error to report.
        try { _next?.Decoding.Wait(); } catch (AggregateException) { }
        _columnReaders.Dispose();
    }
}
