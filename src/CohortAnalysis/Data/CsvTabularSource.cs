using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace CohortAnalysis.Data;

/// <summary>CSV rows through Sylvan.Data.Csv (RFC 4180 quoting, any field length), UTF-8 with or without BOM.</summary>
internal sealed class CsvTabularSource : TabularSource
{
    private readonly CsvDataReader _reader;
    private readonly string[] _header;
    private long _line = 1;

    private readonly string? _path;

    public CsvTabularSource(TextReader text, string name, char delimiter, string? path = null)
    {
        Name = name;
        _path = path;
        try
        {
            _reader = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = true,
                Delimiter = delimiter,
                Quote = '"',
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
        for (int i = 0; i < _header.Length; i++) _header[i] = _reader.GetName(i).Trim();
    }

    public static CsvTabularSource Open(string path, char delimiter)
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
        return new CsvTabularSource(text, name, delimiter, path);
    }

    public override string Name { get; }
    public override IReadOnlyList<string> Header => _header;
    public override long Line => _line;
    public override int FieldCount => _reader.RowFieldCount;

    public override bool Read()
    {
        try
        {
            bool more = _reader.Read();
            // Sylvan numbers data records from 1; with the header as line 1 a record's line is one more. Physical lines
            // differ only when a quoted field spans lines.
            if (more) _line = _reader.RowNumber + 1;
            return more;
        }
        catch (CsvFormatException e)
        {
            throw new CohortDataException([Problem(Name, _line + 1, null, null,
                string.Create(CultureInfo.InvariantCulture, $"malformed CSV near here (an unterminated quote?): {e.Message}"))]);
        }
        catch (DecoderFallbackException)
        {
            // Decoding with replacement characters would silently change subject IDs: refuse instead.
            throw NotUtf8(Name, _path, _line + 1);
        }
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
