using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Sylvan.Data.Csv;

namespace CohortAnalysis.Data;

/// <summary>CSV rows through Sylvan.Data.Csv (RFC 4180 quoting, any field length), UTF-8 with or without BOM.</summary>
/// <remarks>Lines are counted physically: a quoted field that spans lines, a skipped comment line and a blank line each
/// move the count, so <see cref="Line"/> is the line an editor shows.</remarks>
internal sealed class CsvTabularSource : TabularSource
{
    private readonly CsvDataReader _reader;
    private readonly string[] _header;
    private readonly char? _comment;
    private readonly List<long> _commentLines = [];
    private readonly List<long> _lostLines = [];
    private long _line = 1;
    private long _endLine = 1;
    private long _nextLine = 2;

    private readonly string? _path;
    private long? _fileLength;
    private long _recordChars, _records;

    public CsvTabularSource(TextReader text, string name, char delimiter, string? path = null, char? comment = null)
    {
        Name = name;
        _path = path;
        _comment = comment;
        try
        {
            _reader = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = true,
                Delimiter = delimiter,
                Quote = '"',
                // Sylvan skips lines starting with its comment character ('#' by default), which would drop a subject
                // '#101-001' silently. Without a comment character the option is set to NUL, and any line the reader
                // still takes for a comment (one starting with NUL) is reported as lost, never skipped quietly.
                Comment = comment ?? '\0',
                CommentHandler = new Action<CsvDataReader, string>(OnComment),
                Culture = CultureInfo.InvariantCulture,
                // Lets a single very long field load (a multi-megabyte comment) instead of failing on buffer size.
                MaxBufferSize = 64 * 1024 * 1024,
                OwnsReader = true,
            });
        }
        catch (CsvFormatException e)
        {
            throw new CohortDataException([Problem(name, 1, null, null, $"the header is not valid CSV ({e.Message})")]);
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8(name, path, null);
        }
        _header = new string[_reader.FieldCount];
        for (int i = 0; i < _header.Length; i++)
        {
            _header[i] = _reader.GetName(i).Trim();
            _nextLine += LineBreaks(_header[i]);
        }
        // Comment lines before the header were counted before the header's own line was known.
        for (int i = 0; i < _commentLines.Count; i++) _commentLines[i] = i + 1;
        for (int i = 0; i < _lostLines.Count; i++) _lostLines[i] = i + 1;
        _nextLine += _commentLines.Count + _lostLines.Count;
    }

    public static CsvTabularSource Open(string path, char delimiter, char? comment = null)
    {
        string name = Path.GetFileName(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (stream.Length == 0)
        {
            stream.Dispose();
            throw new CohortDataException([Problem(name, null, null, null, "the file is empty: a header line is required.")]);
        }
        // A UTF-16/32 byte-order mark would make StreamReader switch to a lenient decoder that replaces bad bytes silently.
        Span<byte> head = stackalloc byte[2];
        int got = stream.Read(head);
        stream.Position = 0;
        if (got == 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            stream.Dispose();
            throw new CohortDataException([Problem(name, 1, null, null, "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8.")]);
        }
        var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        return new CsvTabularSource(text, name, delimiter, path, comment) { _fileLength = stream.Length };
    }

    public override string Name { get; }
    public override IReadOnlyList<string> Header => _header;
    public override long Line => _line;
    public override long EndLine => _endLine;
    public override int FieldCount => _reader.RowFieldCount;

    // Rows whose length sizes the estimate (the file's bytes over the mean record length; UTF-8 text is mostly one byte
    // per character).
    private const int EstimateFromRows = 1000;

    public override long? EstimatedRows => _fileLength is { } bytes && _records > 0 ? bytes * _records / Math.Max(1, _recordChars) : null;

    public override IEnumerable<DataIssue> Findings()
    {
        if (_commentLines.Count > 0)
            yield return new DataIssue(DataIssueKind.Other, DataIssueSeverity.Note, Name, _commentLines[0], null, null, null,
                string.Create(CultureInfo.InvariantCulture,
                    $"{_commentLines.Count} comment line{(_commentLines.Count == 1 ? "" : "s")} starting with '{_comment}' skipped (the comment character was set): {LineList(_commentLines)}."));
        foreach (long line in _lostLines)
            yield return Problem(Name, line, null, null,
                "the line starts with a NUL character (U+0000), so it cannot be read as a row: a damaged or binary export?");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Read()
    {
        try
        {
            if (Volatile.Read(ref _shareRequest) is not null && Interlocked.Exchange(ref _shareRequest, null) is { } request) _shared = request;
            bool more = _reader.Read();
            if (more)
            {
                _line = _nextLine;
                ReadOnlySpan<char> record = RecordText();
                _endLine = _line + LineBreaks(record);
                if (_records < EstimateFromRows)
                {
                    _records++;
                    _recordChars += record.Length + 1;
                }
                _nextLine = _endLine + 1;
            }
            return more;
        }
        catch (CsvFormatException e)
        {
            throw new CohortDataException([Problem(Name, _nextLine, null, null,
                string.Create(CultureInfo.InvariantCulture, $"malformed CSV near here (an unterminated quote?): {e.Message}"))]);
        }
        catch (DecoderFallbackException)
        {
            // Decoding with replacement characters would silently change subject IDs: refuse instead.
            throw NotUtf8(Name, _path, _nextLine);
        }
    }

    // The current record without its line ending.
    private ReadOnlySpan<char> RecordText()
    {
        ReadOnlySpan<char> raw = _reader.GetRawRecordSpan();
        int end = raw.Length;
        while (end > 0 && raw[end - 1] is '\n' or '\r') end--;
        return raw[..end];
    }

    // Line breaks inside a record (only a quoted field can hold one): CRLF and lone LF or CR each count once.
    private static long LineBreaks(ReadOnlySpan<char> text)
    {
        int lf = text.Count('\n');
        if (!text.Contains('\r')) return lf;
        return lf + text.Count('\r') - text.Count("\r\n".AsSpan());
    }

    private void OnComment(CsvDataReader reader, string text)
    {
        // A comment line occupies one physical line before the next record (or, before the header, is numbered later).
        bool beforeHeader = _header is null;
        long line = beforeHeader ? 0 : _nextLine;
        if (_comment is null) _lostLines.Add(line);
        else _commentLines.Add(line);
        if (!beforeHeader) _nextLine++;
    }

    private static string LineList(List<long> lines) =>
        lines.Count <= 10
            ? "line" + (lines.Count == 1 ? " " : "s ") + string.Join(", ", lines)
            : string.Create(CultureInfo.InvariantCulture, $"lines {string.Join(", ", lines.Take(10))} and {lines.Count - 10} more");

    /// <summary>Shares the texts of <paramref name="columns"/> from the next row read on: the request is handed to the
    /// reading thread (which may be another than the caller's) and taken up there when it reads its next row.</summary>
    internal override void ShareTexts(IReadOnlyCollection<int> columns)
    {
        var share = new SharedColumnTexts?[columns.Count == 0 ? 0 : columns.Max() + 1];
        foreach (int c in columns)
            if (c >= 0) share[c] = new SharedColumnTexts();
        Volatile.Write(ref _shareRequest, share);
    }

    private SharedColumnTexts?[]? _shareRequest;   // written by the caller of ShareTexts, taken up by the reading thread
    private SharedColumnTexts?[] _shared = [];      // the reading thread's

    public override string? SharedField(int column, out int code)
    {
        if ((uint)column < (uint)_shared.Length && _shared[column] is { } texts && column < _reader.RowFieldCount)
            return texts.Share(_reader.GetFieldSpan(column), out code);
        code = -1;
        return null;
    }

    public override ReadOnlySpan<char> Field(int column, out bool isNull)
    {
        isNull = false;
        return column < _reader.RowFieldCount ? _reader.GetFieldSpan(column) : [];
    }

    public override void Dispose() => _reader.Dispose();

    internal static CohortDataException NotUtf8(string name, string? path, long? nearLine)
    {
        long? line = path is null ? nearLine : FirstInvalidUtf8Line(path);
        return new CohortDataException([Problem(name, line, null, null,
            "the file is not valid UTF-8 (a Latin-1 or Windows-1252 export?); save it as UTF-8.")]);
    }

    // The decoder reads ahead in blocks, so the exact line is found from the bytes themselves.
    private static long? FirstInvalidUtf8Line(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        char[] chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out int read, out _, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.InvalidData) return null;
        return 1 + bytes.AsSpan(0, read).Count((byte)'\n');
    }

    internal static DataIssue Problem(string source, long? line, string? column, string? value, string message) =>
        new(DataIssueKind.Other, DataIssueSeverity.Excluded, source, line, column, value, null, message);
}
