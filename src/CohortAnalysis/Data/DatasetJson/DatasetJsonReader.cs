using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace CohortAnalysis.Data.DatasetJson;

/// <summary>Streams a CDISC Dataset-JSON 1.1 file, or its NDJSON form, one row at a time.</summary>
/// <remarks>
/// <para>Format: CDISC Dataset-JSON Specification v1.1 (CDISC Data Exchange Standards Team, final 2024-12-05): top-level
/// attributes, <c>columns</c> (itemOID, name, label, dataType, targetDataType, length, displayFormat, keySequence) and
/// <c>rows</c>, an array of row arrays with null for a missing value; in NDJSON the metadata object is line 1 and each
/// later line is one row array. Numbers (integer, float, double) must be JSON numbers, <c>decimal</c> a JSON string with '.'
/// decimals (a JSON number is accepted too), <c>boolean</c> true/false, and string, date, datetime, time and URI JSON strings.</para>
/// <para>Streaming: <see cref="Utf8JsonReader"/> over a reused byte buffer, rows parsed in batches, so a large file is never
/// held in memory, in bytes or in strings. Numbers are read with <c>TryGetDouble</c>; a string is looked up by its raw
/// bytes in a <see cref="StoredTextCache"/> (equal values share one string, unescaped once), a long one copied into a
/// reused character pool. The <c>columns</c> must come before <c>rows</c>, as the specification's attribute order asks of
/// files meant for streaming readers.</para>
/// <para>Bad files throw <see cref="CohortDataException"/> naming the record and the variable: invalid or truncated JSON, a
/// row with too few or too many values, a value of the wrong JSON type for its dataType, a <c>records</c> count that does
/// not match the rows. Not thread-safe.</para>
/// </remarks>
public sealed partial class DatasetJsonReader : IDisposable
{
    private enum CellKind : byte { Null, Number, Text, True, False }

    // What a column's dataType accepts: JSON numbers; decimal strings (or numbers); true/false; strings.
    private enum ColumnType : byte { Number, Decimal, Boolean, Text }

    private struct Cell
    {
        public CellKind Kind;
        public double Number;
        public int Start, Length;   // a long string, in _pool
        public string? Text;        // a string up to StoredTextCache.MaxKeyLength bytes, shared through _strings
        public int Code;            // Text's code in _strings
    }

    private readonly Stream _stream;
    private readonly string _name;
    private readonly bool _ndjson;
    private readonly DatasetJsonColumn[] _columns;
    private readonly bool[] _numberColumn;
    private byte[] _buffer = new byte[1 << 18];
    private int _pos, _end;
    private bool _eof;
    private JsonReaderState _state;
    private bool _rowsDone;

    private Cell[] _cells = [];
    private char[] _pool = new char[1 << 16];
    private int _poolUsed;
    private int _batchRows, _batchNext;
    private long _record;
    private long _line = 1;
    private readonly DisplayTextCache _numberText;
    private readonly StoredTextCache _strings;
    private readonly ColumnType[] _types;

    /// <summary>Opens <paramref name="path"/>; NDJSON when the extension is <c>.ndjson</c> unless <paramref name="ndjson"/> says.</summary>
    /// <exception cref="CohortDataException">The metadata is not valid Dataset-JSON.</exception>
    public static DatasetJsonReader Open(string path, bool? ndjson = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Unbuffered: the reader keeps its own buffer, so a FileStream buffer would only copy every byte once more.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            return new DatasetJsonReader(stream, Path.GetFileName(path), ndjson ?? path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the metadata from <paramref name="stream"/> (which the reader then owns).</summary>
    /// <exception cref="CohortDataException">The metadata is not valid Dataset-JSON.</exception>
    public DatasetJsonReader(Stream stream, string sourceName, bool ndjson)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        _stream = stream;
        _name = sourceName;
        _ndjson = ndjson;
        var top = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = new List<DatasetJsonColumn>();
        long? records = null;
        while (true)
        {
            Fill();
            top.Clear();
            columns.Clear();
            records = null;
            if (ReadMetadata(top, columns, ref records)) break;
            if (_eof) throw Fail(null, null, null, _end == 0 ? "the file is empty." : "the file ends inside the metadata (before \"rows\" or the end of the object).");
            Grow();
        }
        if (columns.Count == 0) throw Fail(null, null, null, "the metadata has no \"columns\" (required, and before \"rows\").");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (DatasetJsonColumn c in columns)
            if (!seen.Add(c.Name)) throw Fail(null, c.Name, null, $"two columns are called {c.Name}.");
        _columns = [.. columns];
        _numberColumn = _columns.Select(c => c.Kind == ValueKind.Number).ToArray();
        _numberText = new DisplayTextCache(_columns.Length);
        _strings = new StoredTextCache(_columns.Length);
        _types = _columns.Select(c => c.DataType == "decimal" ? ColumnType.Decimal
            : c.Kind == ValueKind.Number ? ColumnType.Number
            : c.Kind == ValueKind.Boolean ? ColumnType.Boolean
            : ColumnType.Text).ToArray();
        _declared = records;
        top.TryGetValue("datasetJSONVersion", out string? version);
        if (version is null) throw Fail(null, null, null, "the metadata has no \"datasetJSONVersion\" (required).");
        if (!version.StartsWith("1.", StringComparison.Ordinal))
            throw Fail(null, null, version, $"datasetJSONVersion '{version}' is not 1.x; this reader follows Dataset-JSON 1.1.");
        Version = version;
        Metadata = new DatasetMetadata(_name, ndjson ? $"CDISC Dataset-JSON {version} (NDJSON)" : $"CDISC Dataset-JSON {version}",
            top.GetValueOrDefault("name", ""), top.GetValueOrDefault("label", ""), _columns.Select(c => c.ToVariable()).ToArray());
    }

    /// <summary>datasetJSONVersion, e.g. "1.1.0".</summary>
    public string Version { get; }

    /// <summary>The <c>records</c> count the file declares (null until read when it follows <c>rows</c>).</summary>
    public long? Records => _declared;

    private long? _declared;

    /// <summary>The columns as the file describes them.</summary>
    public IReadOnlyList<DatasetJsonColumn> Columns => _columns;

    /// <summary>Dataset name and label, and each variable's name, label and kind.</summary>
    public DatasetMetadata Metadata { get; }

    /// <summary>1-based number of the current row; 0 before the first <see cref="Read"/>.</summary>
    public long RecordNumber => _record;

    /// <summary>Advances to the next row; false after the last.</summary>
    /// <exception cref="CohortDataException">The row is malformed, or (at the end) the row count differs from <c>records</c>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        if (_batchNext + 1 < _batchRows)
        {
            _batchNext++;
            _record++;
            return true;
        }
        _batchRows = 0;
        _batchNext = 0;
        _poolUsed = 0;
        while (!_rowsDone)
        {
            RowScan scan = ScanRow();
            if (scan == RowScan.Row)
            {
                _batchRows = 1;
                break;
            }
            if (scan == RowScan.NeedMore && !_eof)
            {
                Grow();
                continue;
            }
            // Whatever the scanner does not take (the end of the rows, a damaged row) System.Text.Json reads.
            if (!_ndjson) ResumeJsonReader();
            _poolUsed = 0;
            if (_ndjson ? ParseNdjsonBatch() : ParseJsonBatch()) break;
            if (_eof)
                throw Fail(_record + 1, null, null, _ndjson
                    ? "the file ends inside a row (the last line is not a complete JSON array)."
                    : $"the file ends inside the rows: record {_record + 1} or the closing ']' of \"rows\" is missing (truncated file?).");
            Grow();
        }
        if (_batchRows == 0)
        {
            if (_declared is not { } declared)
                throw Fail(null, null, null, "the metadata has no \"records\" count (required).");
            if (declared != _record)
                throw Fail(null, null, declared.ToString(CultureInfo.InvariantCulture),
                    $"\"records\" says {declared} but the file has {_record} row{(_record == 1 ? "" : "s")}.");
            return false;
        }
        _record++;
        return true;
    }

    /// <summary>Whether value <paramref name="column"/> of the current row is null (missing).</summary>
    public bool IsNull(int column) => Current(column).Kind == CellKind.Null;

    /// <summary>Value <paramref name="column"/> as a number: a JSON number, or a decimal string; NaN when null.</summary>
    public double GetNumber(int column)
    {
        ref Cell cell = ref Current(column);
        return cell.Kind == CellKind.Number ? cell.Number : double.NaN;
    }

    /// <summary>Value <paramref name="column"/> as text: strings as they are, numbers in round-trip invariant form,
    /// booleans as true/false; null when missing.</summary>
    public string? GetText(int column)
    {
        ref Cell cell = ref Current(column);
        return cell.Kind switch
        {
            CellKind.Null => null,
            CellKind.Text => cell.Text ?? new string(_pool, cell.Start, cell.Length),
            CellKind.Number => _numberText.AsString(NumberEntry(column, cell.Number)),
            CellKind.True => "true",
            _ => "false",
        };
    }

    /// <summary>What <see cref="GetText"/> returns, as a span that stays valid until the next <see cref="Read"/>: shared
    /// strings (or a long one in the batch's character pool), numbers from a <see cref="DisplayTextCache"/> (no string
    /// per value).</summary>
    internal ReadOnlySpan<char> GetSpan(int column, out bool isNull) => Span(ref Current(column), column, out isNull);

    // A cell's text as GetSpan gives it.
    private ReadOnlySpan<char> Span(ref Cell cell, int column, out bool isNull)
    {
        isNull = cell.Kind == CellKind.Null;
        switch (cell.Kind)
        {
            case CellKind.Text:
                return cell.Text is { } text ? text : _pool.AsSpan(cell.Start, cell.Length);
            case CellKind.Number:
                return _numberText.Text(NumberEntry(column, cell.Number), out _);
            case CellKind.True:
                return "true";
            case CellKind.False:
                return "false";
            default:
                return default;
        }
    }

    /// <summary>Value <paramref name="column"/> as a string shared by the rows holding it, with its code
    /// (<see cref="TabularSource.SharedField"/>): a string value kept in the string cache (even codes), a number's text
    /// once the number has been met before (odd codes; a decimal column holds both); null otherwise.</summary>
    internal string? GetShared(int column, out int code) => Shared(ref Current(column), column, out code);

    // A cell's shared string and code as GetShared gives them.
    private string? Shared(ref Cell cell, int column, out int code)
    {
        if (cell.Kind == CellKind.Text && cell.Text is { } text)
        {
            code = 2 * cell.Code;
            return text;
        }
        if (cell.Kind == CellKind.Number)
        {
            string? shown = _numberText.Shared(NumberEntry(column, cell.Number), out int entryCode);
            code = 2 * entryCode + 1;
            return shown;
        }
        code = -1;
        return null;
    }

    /// <summary>The current row's values into <paramref name="block"/>, as <see cref="GetSpan"/>, <see cref="GetShared"/>
    /// and <see cref="GetNumber"/> (for number columns) give them, cell by cell without looking the row up per value;
    /// <paramref name="line"/> is the row's line.</summary>
    internal void CopyRowTo(ScannedRowBlock block, long line)
    {
        if (_record == 0) throw new InvalidOperationException("Call Read() before reading values.");
        int count = _columns.Length;
        block.BeginRow(count);
        Span<Cell> cells = _cells.AsSpan(_batchNext * count, count);
        for (int c = 0; c < count; c++)
        {
            ref Cell cell = ref cells[c];
            if (_numberColumn[c]) block.MarkTyped(c, cell.Kind == CellKind.Number ? cell.Number : double.NaN);
            if (Shared(ref cell, c, out int code) is { } shared) block.AddShared(c, shared, code);
            else block.AddText(c, Span(ref cell, c, out bool isNull), isNull);
        }
        block.EndRow(line, line);
    }

    // The entry of _numberText that holds the round-trip text of x, formatted once per distinct value.
    private int NumberEntry(int column, double x)
    {
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(x);
        int entry = _numberText.Find(column, bits, out bool hit);
        if (!hit) _numberText.Set(entry, bits, RoundTripText.Write(x, _numberText.Room(entry)));
        return entry;
    }

    internal bool IsNumberColumn(int column) => _numberColumn[column];

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private ref Cell Current(int column)
    {
        if (_record == 0) throw new InvalidOperationException("Call Read() before reading values.");
        return ref _cells[_batchNext * _columns.Length + column];
    }

    // ---- metadata ----

    private bool ReadMetadata(Dictionary<string, string> top, List<DatasetJsonColumn> columns, ref long? records)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _end), _eof, default);
        try
        {
            if (!reader.Read()) return false;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw Fail(null, null, null, "the file does not start with a JSON object (the Dataset-JSON metadata).");
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _pos = (int)reader.BytesConsumed;
                    if (!_ndjson)
                    {
                        _rowsDone = true;
                        return true;
                    }
                    // NDJSON: the rows start on the next line.
                    int newline = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n');
                    if (newline < 0 && !_eof) return false;
                    _pos = newline < 0 ? _end : _pos + newline + 1;
                    return true;
                }
                string property = reader.GetString()!;
                if (!reader.Read()) return false;
                switch (property)
                {
                    case "columns":
                        if (reader.TokenType != JsonTokenType.StartArray) throw Fail(null, null, null, "\"columns\" is not an array.");
                        while (true)
                        {
                            if (!reader.Read()) return false;
                            if (reader.TokenType == JsonTokenType.EndArray) break;
                            DatasetJsonColumn? column = ReadColumn(ref reader, columns.Count);
                            if (column is null) return false;
                            columns.Add(column);
                        }
                        break;
                    case "rows" when !_ndjson:
                        if (columns.Count == 0)
                            throw Fail(null, null, null, "\"rows\" comes before \"columns\": put the columns first (the specification's attribute order) so the file can be streamed.");
                        if (reader.TokenType != JsonTokenType.StartArray) throw Fail(null, null, null, "\"rows\" is not an array.");
                        _state = reader.CurrentState;
                        _pos = (int)reader.BytesConsumed;
                        return true;
                    case "records":
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long n) || n < 0)
                            throw Fail(null, null, null, "\"records\" is not a non-negative integer.");
                        records = n;
                        break;
                    default:
                        if (reader.TokenType == JsonTokenType.String) top[property] = reader.GetString()!;
                        else if (!reader.TrySkip()) return false;
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw Fail(null, null, null, $"the metadata is not valid JSON ({Brief(e)}).");
        }
    }

    private DatasetJsonColumn? ReadColumn(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Fail(null, null, null, $"column {index + 1} of \"columns\" is not an object.");
        string? oid = null, name = null, label = null, dataType = null, target = null, format = null;
        int? length = null, key = null;
        while (true)
        {
            if (!reader.Read()) return null;
            if (reader.TokenType == JsonTokenType.EndObject) break;
            string property = reader.GetString()!;
            if (!reader.Read()) return null;
            switch (property)
            {
                case "itemOID": oid = reader.GetString(); break;
                case "name": name = reader.GetString(); break;
                case "label": label = reader.GetString(); break;
                case "dataType": dataType = reader.GetString(); break;
                case "targetDataType": target = reader.GetString(); break;
                case "displayFormat": format = reader.GetString(); break;
                case "length": length = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int l) ? l : throw Fail(null, name, null, $"column {index + 1}: \"length\" is not an integer."); break;
                case "keySequence": key = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int k) ? k : throw Fail(null, name, null, $"column {index + 1}: \"keySequence\" is not an integer."); break;
                default: if (!reader.TrySkip()) return null; break;
            }
        }
        if (string.IsNullOrWhiteSpace(name)) throw Fail(null, null, null, $"column {index + 1} of \"columns\" has no name.");
        if (dataType is null) throw Fail(null, name, null, $"column {index + 1} ({name}) has no dataType.");
        if (dataType is not ("string" or "integer" or "decimal" or "float" or "double" or "boolean" or "datetime" or "date" or "time" or "URI"))
            throw Fail(null, name, dataType, $"column {index + 1} ({name}): dataType '{dataType}' is not one of string, integer, decimal, float, double, boolean, datetime, date, time, URI.");
        return new DatasetJsonColumn(oid ?? "", name, label ?? "", dataType, target, length, format, key);
    }

    // ---- rows ----

    // Parses as many complete rows as the buffer holds; false when not even one (more bytes needed).
    private bool ParseJsonBatch()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), _eof, _state);
        int columns = _columns.Length;
        while (true)
        {
            JsonReaderState rowState = reader.CurrentState;
            int rowStart = (int)reader.BytesConsumed;
            long record = _record + _batchRows + 1;
            try
            {
                if (!reader.Read()) return Stop(rowStart, rowState);
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    // End of "rows": the rest of the object (any attributes after rows) must be well formed.
                    while (true)
                    {
                        if (!reader.Read())
                        {
                            if (_eof) throw Fail(null, null, null, "the file ends before the closing '}' of the Dataset-JSON object.");
                            return Stop(rowStart, rowState);
                        }
                        if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject) break;
                        if (reader.TokenType == JsonTokenType.PropertyName)
                        {
                            bool isRecords = reader.ValueTextEquals("records"u8);
                            if (!reader.Read()) return Stop(rowStart, rowState);
                            if (isRecords && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long n) && n >= 0) _declared = n;
                            else if (!reader.TrySkip()) return Stop(rowStart, rowState);
                        }
                    }
                    _rowsDone = true;
                    _pos += (int)reader.BytesConsumed;
                    return true;
                }
                if (reader.TokenType != JsonTokenType.StartArray) throw Fail(record, null, null, $"record {record} is not a JSON array.");
                if (!ReadRow(ref reader, record, columns)) return Stop(rowStart, rowState);
            }
            catch (Exception e) when (e is JsonException or CohortDataException or InvalidOperationException)
            {
                // Rows before the bad one are served first; the error comes when the reader reaches it.
                if (_batchRows > 0) return Stop(rowStart, rowState);
                if (e is CohortDataException) throw;
                throw Fail(record, null, null, $"record {record} is not valid JSON ({Brief(e)}).");
            }
            _batchRows++;
            if (_batchRows >= 4096) return Stop((int)reader.BytesConsumed, reader.CurrentState);
        }
    }

    private bool Stop(int consumed, JsonReaderState state)
    {
        _pos += consumed;
        _state = state;
        return _batchRows > 0;
    }

    private bool ParseNdjsonBatch()
    {
        int columns = _columns.Length;
        while (true)
        {
            int newline = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n');
            if (newline < 0 && !_eof) return _batchRows > 0;
            int length = newline < 0 ? _end - _pos : newline;
            ReadOnlySpan<byte> line = _buffer.AsSpan(_pos, length);
            long lineNumber = _line + 1;
            if (line.Trim((byte)'\r').Trim((byte)' ').IsEmpty)
            {
                _line = lineNumber;
                _pos += newline < 0 ? length : length + 1;
                if (newline < 0) { _rowsDone = true; return true; }
                continue;
            }
            long record = _record + _batchRows + 1;
            var reader = new Utf8JsonReader(line, isFinalBlock: true, default);
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                    throw Fail(record, null, null, $"record {record} (line {lineNumber}) is not a JSON array.");
                if (!ReadRow(ref reader, record, columns))
                    throw Fail(record, null, null, $"record {record} (line {lineNumber}) is not a complete JSON array.");
                if (reader.Read()) throw Fail(record, null, null, $"record {record} (line {lineNumber}) has more after its array; NDJSON has one row per line.");
            }
            catch (Exception e) when (e is JsonException or CohortDataException or InvalidOperationException)
            {
                if (_batchRows > 0) return true;   // serve the rows before the bad line first
                if (e is CohortDataException) throw;
                throw Fail(record, null, null, $"record {record} (line {lineNumber}) is not valid JSON ({Brief(e)}).");
            }
            _line = lineNumber;
            _pos += newline < 0 ? length : length + 1;
            _batchRows++;
            if (newline < 0) { _rowsDone = true; return true; }
            if (_batchRows >= 4096) return true;
        }
    }

    // Reads one row array into the batch; false when the bytes run out first.
    private bool ReadRow(ref Utf8JsonReader reader, long record, int columns)
    {
        int baseIndex = _batchRows * columns;
        if (_cells.Length < baseIndex + columns) Array.Resize(ref _cells, Math.Max(_cells.Length * 2, baseIndex + columns));
        int c = 0;
        while (true)
        {
            if (!reader.Read()) return false;
            if (reader.TokenType == JsonTokenType.EndArray) break;
            if (c >= columns)
            {
                if (!reader.TrySkip()) return false;
                c++;
                continue;
            }
            ref Cell cell = ref _cells[baseIndex + c];
            ColumnType type = _types[c];
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    cell.Kind = CellKind.Null;
                    break;
                case JsonTokenType.Number:
                    if (type is not (ColumnType.Number or ColumnType.Decimal)) throw Mistyped(record, _columns[c], "a number");
                    if (!reader.TryGetDouble(out double x) || !double.IsFinite(x))
                        throw Fail(record, _columns[c].Name, Raw(ref reader), $"record {record}, variable {_columns[c].Name}: {Raw(ref reader)} is not a finite double.");
                    // No check that an integer column holds whole numbers: CDISC's own ADADAS example declares PCHG integer
                    // and holds -33.3333333333.
                    cell.Kind = CellKind.Number;
                    cell.Number = x;
                    break;
                case JsonTokenType.String:
                    if (type is ColumnType.Number or ColumnType.Boolean) throw Mistyped(record, _columns[c], "a string");
                    CopyString(ref reader, ref cell, c);
                    if (type == ColumnType.Decimal)
                    {
                        ReadOnlySpan<char> text = cell.Text is { } shared ? shared : _pool.AsSpan(cell.Start, cell.Length);
                        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d))
                            throw Fail(record, _columns[c].Name, text.ToString(), $"record {record}, variable {_columns[c].Name}: '{Shown(text)}' is not a decimal number ('.' decimals; dataType decimal).");
                        cell.Kind = CellKind.Number;
                        cell.Number = d;
                    }
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    if (type != ColumnType.Boolean) throw Mistyped(record, _columns[c], "a boolean");
                    cell.Kind = reader.TokenType == JsonTokenType.True ? CellKind.True : CellKind.False;
                    break;
                default:
                    throw Mistyped(record, _columns[c], reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object");
            }
            c++;
        }
        if (c != columns)
            throw Fail(record, c < columns ? _columns[c].Name : null, null, string.Create(CultureInfo.InvariantCulture,
                $"record {record} has {c} value{(c == 1 ? "" : "s")} but \"columns\" defines {columns}{(c < columns ? $"; {_columns[c].Name} and after are missing" : "")}."));
        return true;
    }

    // A string value: looked up by its raw (still escaped) bytes, so equal values share one string, unescaped and
    // transcoded once; a long one is copied into the pool instead.
    private void CopyString(ref Utf8JsonReader reader, ref Cell cell, int column)
    {
        cell.Kind = CellKind.Text;
        if (!reader.HasValueSequence && reader.ValueSpan.Length <= StoredTextCache.MaxKeyLength)
        {
            ReadOnlySpan<byte> raw = reader.ValueSpan;
            cell.Text = _strings.Find(column, raw, out int entry) ?? _strings.Set(entry, raw, reader.GetString()!);
            cell.Code = _strings.Code(entry);
            return;
        }
        cell.Text = null;
        int max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (_pool.Length - _poolUsed < max) Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolUsed + max));
        int written = reader.CopyString(_pool.AsSpan(_poolUsed));
        cell.Start = _poolUsed;
        cell.Length = written;
        _poolUsed += written;
    }

    private static string Raw(ref Utf8JsonReader reader) => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);

    private CohortDataException Mistyped(long record, DatasetJsonColumn column, string what) =>
        Fail(record, column.Name, null, $"record {record}, variable {column.Name}: {what} where dataType {column.DataType} expects {Expected(column)}.");

    private static string Expected(DatasetJsonColumn column) => column.DataType switch
    {
        "integer" or "float" or "double" => "a JSON number or null",
        "decimal" => "a decimal string (or number) or null",
        "boolean" => "true, false or null",
        _ => "a JSON string or null",
    };

    // ---- buffer ----

    private void Fill()
    {
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _end -= _pos;
            _pos = 0;
        }
        while (!_eof && _end < _buffer.Length)
        {
            int got = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (got == 0) _eof = true;
            _end += got;
        }
    }

    // More bytes are needed than the buffer holds after the current position: compact, double if full, read.
    private void Grow()
    {
        if (_pos == 0 && _end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        Fill();
    }

    // InvalidOperationException: System.Text.Json cannot transcode a string that is not valid UTF-8 (found by fuzzing).
    private static string Brief(Exception e) => e is JsonException
        ? e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ')
        : "a string is not valid UTF-8";

    private static string Shown(ReadOnlySpan<char> text) => text.Length <= 60 ? text.ToString() : string.Concat(text[..57], "...");

    private CohortDataException Fail(long? record, string? column, string? value, string message) =>
        new([new DataIssue(DataIssueKind.Other, DataIssueSeverity.Excluded, _name, null, column, value, null, message)]);
}
