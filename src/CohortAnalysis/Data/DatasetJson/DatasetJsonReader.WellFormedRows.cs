using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace CohortAnalysis.Data.DatasetJson;

// The well-formed rows of a Dataset-JSON file read straight from the UTF-8 bytes, without Utf8JsonReader.
//
// Almost every row of a real file is a flat array of strings, numbers and nulls (booleans where a column says so). The
// scanner below takes exactly those, checking the JSON grammar as it goes, and gives up on anything else, leaving the
// position at the start of the row: an empty row, a nested value, a value the column's dataType does not take, a number or
// literal that is not valid JSON, a string with a control character or invalid UTF-8, a long string with escapes, a
// blank NDJSON line, the end of "rows". System.Text.Json then reads from that row on (ParseJsonBatch, ParseNdjsonBatch),
// so what it accepts and every error message stay exactly as they are; the scanner only makes the common case fast.
//
// The per-row methods are compiled optimized at their first call (AggressiveOptimization): a load runs them a million
// times within seconds of start-up, where tiered compilation would first run them unoptimized. Small helpers are left to
// be inlined into them instead (a method so marked is never inlined).
public sealed partial class DatasetJsonReader
{
    private enum RowScan : byte { Row, NeedMore, NotTaken }

    // Where a string stops being plain: its closing quote, an escape, or a control character (which JSON forbids raw).
    private static readonly SearchValues<byte> StringStops =
        SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    // The reader's state just after a row's closing ']' inside "rows" (depth 2, in an array): where System.Text.Json takes
    // over after rows the scanner read. Its line and byte counts only reach exception messages, which Brief strips.
    private static readonly JsonReaderState AfterRow = StateAfterRow();

    private bool _scanned;    // the scanner read the last row, so _state is stale (AfterRow applies)

    private static JsonReaderState StateAfterRow()
    {
        var reader = new Utf8JsonReader("{\"rows\":[[]"u8, isFinalBlock: false, default);
        while (reader.Read()) { }
        return reader.CurrentState;
    }

    // Before System.Text.Json reads rows after the scanner: the state it would have reached itself.
    private void ResumeJsonReader()
    {
        if (!_scanned) return;
        _state = AfterRow;
        _scanned = false;
    }

    /// <summary>Reads the row at <see cref="_pos"/> into the first cells when it is plain (see above); on success the
    /// position moves past it (past the line in NDJSON).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RowScan ScanRow()
    {
        ReadOnlySpan<byte> bytes = _buffer.AsSpan(0, _end);
        bool ndjson = _ndjson;
        int at = Space(bytes, _pos, ndjson);
        if (!ndjson && _record > 0)
        {
            if (at >= bytes.Length) return RowScan.NeedMore;
            if (bytes[at] != (byte)',') return RowScan.NotTaken;
            at = Space(bytes, at + 1, ndjson);
        }
        if (at >= bytes.Length) return RowScan.NeedMore;
        if (bytes[at] != (byte)'[') return RowScan.NotTaken;
        int columns = _columns.Length;
        if (_cells.Length < columns) _cells = new Cell[columns];
        _poolUsed = 0;
        at++;
        for (int c = 0; ; c++)
        {
            at = Space(bytes, at, ndjson);
            if (at >= bytes.Length) return RowScan.NeedMore;
            if (c >= columns) return RowScan.NotTaken;
            ref Cell cell = ref _cells[c];
            ColumnType type = _types[c];
            RowScan value = bytes[at] switch
            {
                (byte)'"' => ScanString(bytes, ref at, ref cell, c, type),
                (byte)'n' => Literal(bytes, ref at, "null"u8, ref cell, CellKind.Null, true),
                (byte)'t' => Literal(bytes, ref at, "true"u8, ref cell, CellKind.True, type == ColumnType.Boolean),
                (byte)'f' => Literal(bytes, ref at, "false"u8, ref cell, CellKind.False, type == ColumnType.Boolean),
                _ => type is ColumnType.Number or ColumnType.Decimal ? ScanNumber(bytes, ref at, ref cell) : RowScan.NotTaken,
            };
            if (value != RowScan.Row) return value;
            at = Space(bytes, at, ndjson);
            if (at >= bytes.Length) return RowScan.NeedMore;
            if (bytes[at] == (byte)',')
            {
                at++;
                continue;
            }
            if (bytes[at] != (byte)']' || c + 1 != columns) return RowScan.NotTaken;
            at++;
            break;
        }
        if (ndjson)
        {
            // The rest of the line is blank; the last line may end without a newline.
            at = Space(bytes, at, ndjson);
            if (at < bytes.Length)
            {
                if (bytes[at] != (byte)'\n') return RowScan.NotTaken;
                at++;
            }
            else if (!_eof) return RowScan.NeedMore;
            else _rowsDone = true;
            _line++;
        }
        else _scanned = true;
        _pos = at;
        return RowScan.Row;
    }

    // JSON whitespace; in NDJSON a newline ends the row's line instead.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Space(ReadOnlySpan<byte> bytes, int at, bool ndjson)
    {
        while (at < bytes.Length)
        {
            byte b = bytes[at];
            if (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || (b == (byte)'\n' && !ndjson)) at++;
            else break;
        }
        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static RowScan Literal(ReadOnlySpan<byte> bytes, ref int at, ReadOnlySpan<byte> literal, ref Cell cell, CellKind kind, bool allowed)
    {
        if (!allowed) return RowScan.NotTaken;
        if (bytes.Length - at < literal.Length) return literal.StartsWith(bytes[at..]) ? RowScan.NeedMore : RowScan.NotTaken;
        if (!bytes.Slice(at, literal.Length).SequenceEqual(literal)) return RowScan.NotTaken;
        at += literal.Length;
        cell.Kind = kind;
        return RowScan.Row;
    }

    // A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, as a finite double. Whole numbers of up to 15 digits
    // are exact in a double and built directly; others are parsed (correctly rounded, as TryGetDouble does).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RowScan ScanNumber(ReadOnlySpan<byte> bytes, ref int at, ref Cell cell)
    {
        int start = at, i = at;
        bool negative = bytes[i] == (byte)'-';
        if (negative) i++;
        if (i >= bytes.Length) return RowScan.NeedMore;
        long whole = 0;
        int digits = 0;
        if (bytes[i] == (byte)'0') i++;
        else if (IsDigit(bytes[i]))
        {
            while (i < bytes.Length && IsDigit(bytes[i]))
            {
                if (digits < 18) whole = whole * 10 + (bytes[i] - (byte)'0');
                digits++;
                i++;
            }
        }
        else return RowScan.NotTaken;
        bool plain = true;
        if (i < bytes.Length && bytes[i] == (byte)'.')
        {
            plain = false;
            int first = ++i;
            while (i < bytes.Length && IsDigit(bytes[i])) i++;
            if (i == first) return i >= bytes.Length ? RowScan.NeedMore : RowScan.NotTaken;
        }
        if (i < bytes.Length && (bytes[i] == (byte)'e' || bytes[i] == (byte)'E'))
        {
            plain = false;
            i++;
            if (i < bytes.Length && (bytes[i] == (byte)'+' || bytes[i] == (byte)'-')) i++;
            int first = i;
            while (i < bytes.Length && IsDigit(bytes[i])) i++;
            if (i == first) return i >= bytes.Length ? RowScan.NeedMore : RowScan.NotTaken;
        }
        // A number can only end at a delimiter, which must be in the buffer too.
        if (i >= bytes.Length) return RowScan.NeedMore;
        if (IsDigit(bytes[i])) return RowScan.NotTaken;   // a leading zero: 01
        double x;
        if (plain && digits <= 15) x = negative ? -(double)whole : whole;
        else if (!Utf8Parser.TryParse(bytes[start..i], out x, out int used) || used != i - start || !double.IsFinite(x))
            return RowScan.NotTaken;
        cell.Kind = CellKind.Number;
        cell.Number = x;
        at = i;
        return RowScan.Row;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    // A string: first compared with the column's last value (a BDS file repeats subject, arm, parameter row after row),
    // else looked up by its raw bytes (escapes and all) in _strings, as the System.Text.Json path does, so both paths share
    // one string per value; a new value is unescaped by System.Text.Json itself (or, without escapes, decoded as strict
    // UTF-8). Long strings go to the pool. Decimal columns parse the text as ReadRow does.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RowScan ScanString(ReadOnlySpan<byte> bytes, ref int at, ref Cell cell, int column, ColumnType type)
    {
        if (type is ColumnType.Number or ColumnType.Boolean) return RowScan.NotTaken;
        int start = at + 1, i;
        // The last value's raw bytes followed by a quote are that value: they held no unescaped quote, and end after an
        // even run of backslashes, so the quote closes the string.
        string? last = _strings.LastPrefix(column, bytes[start..], out int length);
        if (last is not null && start + length < bytes.Length && bytes[start + length] == (byte)'"')
        {
            i = start + length;
            cell.Text = last;
            cell.Code = _strings.LastCode(column);
        }
        else
        {
            RowScan found = StringEnd(bytes, start, out i, out bool escaped);
            if (found != RowScan.Row) return found;
            ReadOnlySpan<byte> raw = bytes[start..i];
            if (raw.Length <= StoredTextCache.MaxKeyLength)
            {
                string? text = _strings.Find(column, raw, out int entry);
                if (text is null)
                {
                    text = escaped ? Unescaped(bytes[(start - 1)..(i + 1)]) : Utf8.IsValid(raw) ? System.Text.Encoding.UTF8.GetString(raw) : null;
                    if (text is null) return RowScan.NotTaken;
                    _strings.Set(entry, raw, text);
                }
                cell.Text = text;
                cell.Code = _strings.Code(entry);
            }
            else
            {
                if (escaped) return RowScan.NotTaken;
                if (_pool.Length - _poolUsed < raw.Length) Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolUsed + raw.Length));
                if (Utf8.ToUtf16(raw, _pool.AsSpan(_poolUsed), out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
                    return RowScan.NotTaken;
                cell.Text = null;
                cell.Start = _poolUsed;
                cell.Length = written;
                _poolUsed += written;
            }
        }
        cell.Kind = CellKind.Text;
        if (type == ColumnType.Decimal)
        {
            ReadOnlySpan<char> text = cell.Text is { } shared ? shared : _pool.AsSpan(cell.Start, cell.Length);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d)) return RowScan.NotTaken;
            cell.Kind = CellKind.Number;
            cell.Number = d;
        }
        at = i + 1;
        return RowScan.Row;
    }

    // The closing quote of the string whose content starts at start: short strings byte by byte, long ones vectorized.
    private static RowScan StringEnd(ReadOnlySpan<byte> bytes, int start, out int end, out bool escaped)
    {
        escaped = false;
        int i = start;
        for (int shortEnd = Math.Min(bytes.Length, start + 16); i < shortEnd; i++)
        {
            byte b = bytes[i];
            if (b == (byte)'"')
            {
                end = i;
                return RowScan.Row;
            }
            if (b == (byte)'\\' || b < 0x20) break;
        }
        while (true)
        {
            end = i;
            int stop = bytes[i..].IndexOfAny(StringStops);
            if (stop < 0) return RowScan.NeedMore;
            i += stop;
            end = i;
            if (bytes[i] == (byte)'"') return RowScan.Row;
            if (bytes[i] != (byte)'\\') return RowScan.NotTaken;   // a raw control character
            escaped = true;
            i += 2;                                                 // the escape and the character after it
            if (i >= bytes.Length) return RowScan.NeedMore;
        }
    }

    // A quoted JSON string with escapes, unescaped by System.Text.Json; null when it refuses it.
    private static string? Unescaped(ReadOnlySpan<byte> quoted)
    {
        try
        {
            var reader = new Utf8JsonReader(quoted, isFinalBlock: true, default);
            return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
