using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CohortAnalysis.Data.Xport;

/// <summary>Reads the first dataset of a SAS transport file (XPORT version 5 or version 8/9), one record at a time.</summary>
/// <remarks>
/// <para>Layout after SAS Institute, TS-140 "The Record Layout of a Data Set in SAS Transport (XPORT) Format" (version 5:
/// 80-byte header records, 140-byte NAMESTR records, IBM floating-point numbers) and "The Record Layout of a SAS Version 8
/// or 9 Data Set in SAS Transport Format" (LIBV8/MEMBV8 headers, 32-character names, LABELV8/LABELV9 records for labels
/// longer than 40 characters). Numbers are converted from IBM to IEEE by <see cref="IbmFloat"/>; '.', '.A'–'.Z' and '._'
/// are missing values (the code is kept: <see cref="GetMissingCode"/>). Character values lose their trailing blank
/// padding. A numeric variable with a SAS date, datetime or time format is reported as such in <see cref="Metadata"/>
/// and read with <see cref="GetDate"/> / <see cref="GetDateTime"/> (days or seconds since 1 January 1960).</para>
/// <para>Text is decoded as UTF-8 when valid, otherwise as Latin-1 (byte for byte, so nothing is lost). Only the first
/// member of a multi-member file is read; <see cref="HasMoreMembers"/> says when there are more.</para>
/// <para>Bad files throw <see cref="CohortDataException"/> naming the record and the variable: a file that is not XPORT,
/// a truncated header or record, a variable whose length or position does not fit the record.</para>
/// <para>Not thread-safe: one reader per thread.</para>
/// </remarks>
public sealed class XportReader : IDisposable
{
    private const int RecordLength = 80;
    private const string Prefix = "HEADER RECORD*******";
    private static readonly DateOnly SasEpoch = new(1960, 1, 1);
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly string _name;
    private readonly XportVariable[] _variables;
    private readonly int _rowLength;
    private readonly long _dataStart;              // file offset of the first record
    private readonly int[] _positions, _lengths;   // per variable, for the per-value paths
    private readonly ValueKind[] _kinds;
    private byte[] _buffer;
    private int _start, _end;
    private bool _eof;
    private long _record;

    /// <summary>Opens <paramref name="path"/> and reads its headers.</summary>
    /// <exception cref="CohortDataException">The file is not a valid SAS transport file.</exception>
    public static XportReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Unbuffered: the reader keeps its own buffer, so a FileStream buffer would only copy every byte once more.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            return new XportReader(stream, Path.GetFileName(path));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the headers from <paramref name="stream"/> (which the reader then owns); <paramref name="sourceName"/>
    /// names it in messages.</summary>
    /// <exception cref="CohortDataException">The stream is not a valid SAS transport file.</exception>
    public XportReader(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        _stream = stream;
        _name = sourceName;
        _buffer = new byte[1 << 18];

        ReadOnlySpan<byte> library = Header(1, "library header");
        if (StartsWith(library, Prefix + "LIBRARY HEADER RECORD!!!!!!!")) Version = 5;
        else if (StartsWith(library, Prefix + "LIBV8   HEADER RECORD!!!!!!!")) Version = 8;
        else
            throw Fail(null, null, StartsWith(library, "**COMPRESSED**")
                ? "the file is a SAS CPORT file, not a transport (XPORT) file: convert it with PROC CPORT/CIMPORT or write it with the XPORT engine."
                : "the file is not a SAS transport (XPORT) file: it does not start with the library header record (TS-140).");
        Header(2, "real header");
        Header(3, "modification header");

        ReadOnlySpan<byte> member = Header(4, "member header");
        Expect(member, 4, Version == 5 ? "MEMBER  HEADER RECORD!!!!!!!" : "MEMBV8  HEADER RECORD!!!!!!!", "member header");
        int namestrLength = Digits(member, 74, 4, 4, "member header (NAMESTR length)");
        if (namestrLength != 140 && namestrLength != 136)
            throw Fail(null, null, Invariant($"record 4 (member header): the NAMESTR length is {namestrLength}; TS-140 allows 140 (or 136 on VAX/VMS)."));
        Expect(Header(5, "descriptor header"), 5, Version == 5 ? "DSCRPTR HEADER RECORD!!!!!!!" : "DSCPTV8 HEADER RECORD!!!!!!!", "descriptor header");
        ReadOnlySpan<byte> descriptor = Header(6, "member descriptor");
        string name = Text(descriptor.Slice(8, Version == 5 ? 8 : 32));
        ReadOnlySpan<byte> second = Header(7, "second member descriptor");
        string label = Text(second.Slice(32, 40));
        ReadOnlySpan<byte> namestrHeader = Header(8, "NAMESTR header");
        Expect(namestrHeader, 8, Version == 5 ? "NAMESTR HEADER RECORD!!!!!!!" : "NAMSTV8 HEADER RECORD!!!!!!!", "NAMESTR header");
        int count = Digits(namestrHeader, 48, 10, 8, "NAMESTR header (variable count)");
        if (count < 1 || count > 32767) throw Fail(null, null, Invariant($"record 8 (NAMESTR header): {count} variables; a dataset has 1 to 32767."));

        int namestrBytes = checked(count * namestrLength);
        int padded = (namestrBytes + RecordLength - 1) / RecordLength * RecordLength;
        ReadOnlySpan<byte> namestrs = Take(padded, "the variable descriptions (NAMESTR records)");
        var variables = new XportVariable[count];
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int v = 0; v < count; v++)
        {
            variables[v] = Variable(namestrs.Slice(v * namestrLength, namestrLength), v, namestrLength);
            if (!seen.TryAdd(variables[v].Name, v))
                throw Fail(variables[v].Name, null, Invariant($"variables {seen[variables[v].Name] + 1} and {v + 1} are both called {variables[v].Name}."));
        }
        long headerRecords = 8 + padded / RecordLength;

        ReadOnlySpan<byte> next = Header(++headerRecords, "observation header");
        while (Version == 8 && (StartsWith(next, Prefix + "LABELV8 HEADER RECORD!!!!!!!") || StartsWith(next, Prefix + "LABELV9 HEADER RECORD!!!!!!!")))
        {
            bool v9 = next[27] == (byte)'9';
            headerRecords += LongLabels(variables, v9);
            next = Header(++headerRecords, "observation header");
        }
        Expect(next, headerRecords, Version == 5 ? "OBS     HEADER RECORD!!!!!!!" : "OBSV8   HEADER RECORD!!!!!!!", "observation header");

        // Positions are 32-bit in the NAMESTR: add in 64 bits, so a damaged position near int.MaxValue cannot wrap round
        // to a small end and pass the checks below (found by fuzzing).
        long total = variables.Sum(v => (long)v.Length);
        foreach (XportVariable variable in variables)
            if ((long)variable.Position + variable.Length > total)
                throw Fail(variable.Name, Number(variable.Position), Invariant(
                    $"variable {variable.Index + 1} ({variable.Name}): position {variable.Position} lies outside the record: the {variables.Length} variables' lengths add up to {total} bytes per record, but it would end at byte {(long)variable.Position + variable.Length}."));
        _rowLength = variables.Max(v => v.Position + v.Length);
        if (_rowLength <= 0) throw Fail(null, null, "the record length is 0.");
        if (total != _rowLength)
        {
            // Variables lie back to back (TS-140: npos is the offset in the observation); a gap or an overlap is damage.
            XportVariable last = variables.OrderByDescending(v => v.Position + v.Length).First();
            throw Fail(last.Name, Number(last.Position), Invariant(
                $"variable {last.Index + 1} ({last.Name}): position {last.Position} does not fit: the {variables.Length} variables' lengths add up to {total} bytes per record, but it would end at byte {last.Position + last.Length}."));
        }
        if (_buffer.Length < 4 * _rowLength + 4 * RecordLength) Array.Resize(ref _buffer, 4 * _rowLength + 4 * RecordLength);
        _variables = variables;
        _dataStart = _bufferOffset + _start;
        _positions = variables.Select(v => v.Position).ToArray();
        _lengths = variables.Select(v => v.Length).ToArray();
        _kinds = variables.Select(v => v.IsNumeric ? v.Metadata.Kind : ValueKind.Text).ToArray();
        Metadata = new DatasetMetadata(_name, Invariant($"SAS transport (XPORT) version {Version}"), name, label,
            variables.Select(v => v.Metadata).ToArray());
    }

    /// <summary>5 or 8 (version 8 and 9 files share one layout).</summary>
    public int Version { get; }

    /// <summary>Dataset name and label, and each variable's name, label, kind (SAS date formats make dates), length and format.</summary>
    public DatasetMetadata Metadata { get; }

    /// <summary>1-based number of the current record; 0 before the first <see cref="Read"/>.</summary>
    public long RecordNumber => _record;

    /// <summary>Bytes per record.</summary>
    public int RecordBytes => _rowLength;

    /// <summary>The number of records the file can hold after the headers (its length over the record length; the last
    /// 80-byte block's blank padding may add one); null when the stream cannot tell its length.</summary>
    internal long? EstimatedRecords => _stream.CanSeek ? Math.Max(0, _stream.Length - _dataStart) / _rowLength : null;

    /// <summary>True once <see cref="Read"/> has stopped at the header of a second dataset in the same file.</summary>
    public bool HasMoreMembers { get; private set; }

    /// <summary>Advances to the next record; false after the last one.</summary>
    /// <exception cref="CohortDataException">The file ends inside a record.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        // Room for a record, the blank padding to the next 80-byte boundary and a possible next member's header.
        int wanted = Math.Max(_rowLength, RecordLength) + 2 * RecordLength;
        if (_start + wanted > _end) Fill(wanted);
        int available = _end - _start;
        if (available == 0) return false;
        // The last 80-byte block is padded with blanks: fewer than 80 blank bytes before the end are padding, not a record.
        if (available < RecordLength && _eof && _buffer.AsSpan(_start, available).IndexOfAnyExcept((byte)' ') < 0)
        {
            _start = _end;
            return false;
        }
        int toBoundary = (int)((RecordLength - (_bufferOffset + _start) % RecordLength) % RecordLength);
        if (available >= toBoundary + RecordLength && _buffer[_start + toBoundary] == (byte)'H'
            && _buffer.AsSpan(_start, toBoundary).IndexOfAnyExcept((byte)' ') < 0
            && StartsWith(_buffer.AsSpan(_start + toBoundary, RecordLength), Prefix + "MEMB"))
        {
            HasMoreMembers = true;
            _start = _end;
            _eof = true;
            return false;
        }
        if (available < _rowLength) throw Truncated(available);
        _record++;
        _current = _start;
        _start += _rowLength;
        return true;
    }

    // In a method of its own: a lambda capturing `available` in Read would allocate its closure on every record.
    private CohortDataException Truncated(int available)
    {
        XportVariable cut = _variables.Where(v => v.Position + v.Length > available).OrderBy(v => v.Position).First();
        return Fail(cut.Name, null, Invariant(
            $"record {_record + 1} is truncated: the file ends {available} bytes into a {_rowLength}-byte record, inside variable {cut.Name}."));
    }

    private int _current;
    private long _bufferOffset; // file offset of _buffer[0]

    /// <summary>Numeric variable <paramref name="variable"/> (0-based) of the current record; NaN when missing. Dates are
    /// days and datetimes seconds since 1 January 1960, as SAS stores them.</summary>
    public double GetNumber(int variable) => IbmFloat.ToDouble(Bytes(variable, numeric: true), out _);

    /// <summary>The SAS missing code of numeric variable <paramref name="variable"/>: '.', 'A'–'Z' or '_' for
    /// ., .A–.Z, ._; '\0' when the value is present.</summary>
    public char GetMissingCode(int variable)
    {
        IbmFloat.ToDouble(Bytes(variable, numeric: true), out char missing);
        return missing;
    }

    /// <summary>Character variable <paramref name="variable"/> of the current record without its trailing blanks.</summary>
    public string GetText(int variable) => Text(Bytes(variable, numeric: false));

    /// <summary>Numeric variable <paramref name="variable"/> as a date (days since 1960-01-01); null when missing.</summary>
    /// <exception cref="CohortDataException">The value is not a whole number of days inside 0001–9999.</exception>
    public DateOnly? GetDate(int variable)
    {
        double days = GetNumber(variable);
        if (double.IsNaN(days)) return null;
        if (days != Math.Floor(days) || days < -715_875 || days > 2_936_547)
            throw Fail(_variables[variable].Name, Number(days), Invariant($"record {_record}, variable {_variables[variable].Name}: {Number(days)} is not a SAS date (whole days since 1960-01-01 within years 1-9999)."));
        return SasEpoch.AddDays((int)days);
    }

    /// <summary>Numeric variable <paramref name="variable"/> as a date and time (seconds since 1960-01-01T00:00); null when missing.</summary>
    /// <exception cref="CohortDataException">The value lies outside years 1–9999.</exception>
    public DateTime? GetDateTime(int variable)
    {
        double seconds = GetNumber(variable);
        if (double.IsNaN(seconds)) return null;
        DateTime epoch = SasEpoch.ToDateTime(TimeOnly.MinValue);
        double limitLow = (DateTime.MinValue - epoch).TotalSeconds, limitHigh = (DateTime.MaxValue - epoch).TotalSeconds;
        if (!(seconds >= limitLow && seconds <= limitHigh))
            throw Fail(_variables[variable].Name, Number(seconds), Invariant($"record {_record}, variable {_variables[variable].Name}: {Number(seconds)} is not a SAS datetime (seconds since 1960-01-01 within years 1-9999)."));
        return epoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>The value of variable <paramref name="variable"/> as display text: character values as stored (trailing
    /// blanks removed), dates as ISO 8601 (<c>2014-01-02</c>, <c>2014-01-02T10:20:06</c>, <c>10:20:06</c>), other numbers in
    /// round-trip invariant form; null for a missing number.</summary>
    public string? GetDisplayText(int variable)
    {
        XportVariable v = _variables[variable];
        if (!v.IsNumeric) return GetText(variable);
        double x = GetNumber(variable);
        if (double.IsNaN(x)) return null;
        return v.Metadata.Kind switch
        {
            ValueKind.Date => GetDate(variable)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ValueKind.DateTime => GetDateTime(variable)!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            ValueKind.Time => TimeText(x),
            _ => Number(x),
        };
    }

    /// <summary>Writes what <see cref="GetDisplayText"/> returns into <paramref name="destination"/> (at least
    /// <see cref="DisplayLength"/> long) and returns its length, or -1 for a missing number: the same text without a
    /// string per value.</summary>
    internal int WriteDisplayText(int variable, Span<char> destination)
    {
        if (_record == 0) throw new InvalidOperationException("Call Read() before reading values.");
        ValueKind kind = _kinds[variable];
        ReadOnlySpan<byte> bytes = _buffer.AsSpan(_current + _positions[variable], _lengths[variable]);
        if (kind == ValueKind.Text) return WriteText(bytes, destination);
        double x = IbmFloat.ToDouble(bytes, out _);
        if (double.IsNaN(x)) return -1;
        int written;
        switch (kind)
        {
            case ValueKind.Date:
                GetDate(variable)!.Value.TryFormat(destination, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return written;
            case ValueKind.DateTime:
                GetDateTime(variable)!.Value.TryFormat(destination, out written, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
                return written;
            case ValueKind.Time:
                string time = TimeText(x);
                time.CopyTo(destination);
                return time.Length;
            default:
                return RoundTripText.Write(x, destination);
        }
    }

    /// <summary>Characters <see cref="WriteDisplayText"/> may need for variable <paramref name="variable"/>.</summary>
    internal int DisplayLength(int variable) =>
        _variables[variable].IsNumeric ? RoundTripText.MaxLength : _variables[variable].Length;

    /// <summary>The current record's bytes, <see cref="RecordBytes"/> long; variables lie at their NAMESTR positions.</summary>
    internal ReadOnlySpan<byte> Record
    {
        get
        {
            if (_record == 0) throw new InvalidOperationException("Call Read() before reading values.");
            return _buffer.AsSpan(_current, _rowLength);
        }
    }

    /// <summary>Where variable <paramref name="variable"/> starts in <see cref="Record"/>.</summary>
    internal int PositionOf(int variable) => _positions[variable];

    /// <summary>The stored length of variable <paramref name="variable"/> in bytes.</summary>
    internal int LengthOf(int variable) => _lengths[variable];

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static string TimeText(double seconds)
    {
        if (!double.IsFinite(seconds) || Math.Abs(seconds) > 1e12) return Number(seconds);
        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        return string.Create(CultureInfo.InvariantCulture, $"{(span < TimeSpan.Zero ? "-" : "")}{(long)Math.Abs(span.TotalHours):00}:{Math.Abs(span.Minutes):00}:{Math.Abs(span.Seconds):00}");
    }

    private static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private ReadOnlySpan<byte> Bytes(int variable, bool numeric)
    {
        if (_record == 0) throw new InvalidOperationException("Call Read() before reading values.");
        ref readonly XportVariable v = ref _variables[variable];
        if (v.IsNumeric != numeric)
            throw new InvalidOperationException(Invariant($"Variable {v.Name} is {(v.IsNumeric ? "numeric" : "character")}."));
        return _buffer.AsSpan(_current + v.Position, v.Length);
    }

    private XportVariable Variable(ReadOnlySpan<byte> namestr, int index, int namestrLength)
    {
        int type = BinaryPrimitives.ReadInt16BigEndian(namestr);
        int length = BinaryPrimitives.ReadInt16BigEndian(namestr[4..]);
        string shortName = Text(namestr.Slice(8, 8));
        string name = Version == 8 && namestrLength == 140 ? Text(namestr.Slice(88, 32)) : shortName;
        if (name.Length == 0) name = shortName;
        string where = Invariant($"variable {index + 1}{(name.Length > 0 ? $" ({name})" : "")}");
        if (name.Length == 0) throw Fail(null, null, where + " has no name.");
        if (type != 1 && type != 2)
            throw Fail(name, Number(type), Invariant($"{where}: type {type} is neither 1 (numeric) nor 2 (character)."));
        if (type == 1 && (length < 2 || length > 8))
            throw Fail(name, Number(length), Invariant($"{where}: a numeric variable has 2 to 8 bytes, not {length}."));
        if (type == 2 && length < 1)
            throw Fail(name, Number(length), Invariant($"{where}: a character variable needs at least 1 byte, not {length}."));
        string label = Text(namestr.Slice(16, 40));
        string formatName = Text(namestr.Slice(56, 8));
        int formatLength = BinaryPrimitives.ReadInt16BigEndian(namestr[64..]);
        int formatDecimals = BinaryPrimitives.ReadInt16BigEndian(namestr[66..]);
        int position = BinaryPrimitives.ReadInt32BigEndian(namestr[84..]);
        if (position < 0)
            throw Fail(name, Number(position), Invariant($"{where}: position {position} in the record is negative."));
        string format = formatName.Length == 0 && formatLength == 0 ? ""
            : Invariant($"{formatName}{(formatLength > 0 ? Number(formatLength) : "")}.{(formatDecimals > 0 ? Number(formatDecimals) : "")}");
        ValueKind kind = XportVariable.KindOf(type == 1, formatName);
        return new XportVariable(index, name, type == 1, length, position, formatName,
            new VariableMetadata(name, label, kind, length, format));
    }

    // LABELV8 (name, label) and LABELV9 (name, label, format, informat) entries for labels longer than 40 characters; they
    // run until the observation header, padded with blanks to an 80-byte boundary. Returns the 80-byte records consumed.
    private long LongLabels(XportVariable[] variables, bool v9)
    {
        var block = new List<byte>();
        long records = 0;
        while (true)
        {
            if (_start + RecordLength > _end) Fill(RecordLength);
            if (_end - _start < RecordLength)
                throw Fail(null, null, "the file ends inside the long-label records (LABELV8/LABELV9) before the observation header.");
            ReadOnlySpan<byte> record = _buffer.AsSpan(_start, RecordLength);
            if (StartsWith(record, Prefix)) break;
            block.AddRange(record.ToArray());
            _start += RecordLength;
            records++;
        }
        ReadOnlySpan<byte> bytes = block.ToArray();
        int head = v9 ? 10 : 6;
        int at = 0;
        while (at + head <= bytes.Length)
        {
            int number = BinaryPrimitives.ReadInt16BigEndian(bytes[at..]);
            if (number < 1 || number > variables.Length) break; // blank padding reads as 0x2020
            int nameLength = BinaryPrimitives.ReadInt16BigEndian(bytes[(at + 2)..]);
            int labelLength = BinaryPrimitives.ReadInt16BigEndian(bytes[(at + 4)..]);
            int formatLength = v9 ? BinaryPrimitives.ReadInt16BigEndian(bytes[(at + 6)..]) : 0;
            int informatLength = v9 ? BinaryPrimitives.ReadInt16BigEndian(bytes[(at + 8)..]) : 0;
            int total = head + nameLength + labelLength + formatLength + informatLength;
            if (nameLength < 0 || labelLength < 0 || formatLength < 0 || informatLength < 0 || at + total > bytes.Length)
                throw Fail(variables[number - 1].Name, null, Invariant(
                    $"the long-label record of variable {number} ({variables[number - 1].Name}) claims {total} bytes but the label records hold {bytes.Length - at}."));
            int p = at + head + nameLength;
            XportVariable v = variables[number - 1];
            string label = Text(bytes.Slice(p, labelLength));
            string format = v9 && formatLength > 0 ? Text(bytes.Slice(p + labelLength, formatLength)) : v.Metadata.DisplayFormat;
            string formatName = v9 && formatLength > 0 ? FormatName(format) : v.FormatName;
            variables[number - 1] = v with
            {
                FormatName = formatName,
                Metadata = v.Metadata with { Label = label, DisplayFormat = format, Kind = XportVariable.KindOf(v.IsNumeric, formatName) },
            };
            at += total;
        }
        return records;
    }

    private static string FormatName(string format)
    {
        int end = format.Length;
        while (end > 0 && (char.IsAsciiDigit(format[end - 1]) || format[end - 1] == '.')) end--;
        return format[..end];
    }

    private ReadOnlySpan<byte> Header(long number, string what)
    {
        if (_start + RecordLength > _end) Fill(RecordLength);
        if (_end - _start < RecordLength)
            throw Fail(null, null, _end == _start && number == 1
                ? "the file is empty."
                : Invariant($"the file ends inside the headers: 80-byte record {number} ({what}) is missing or short."));
        var record = _buffer.AsSpan(_start, RecordLength);
        _start += RecordLength;
        return record;
    }

    private ReadOnlySpan<byte> Take(int bytes, string what)
    {
        if (_buffer.Length < bytes + RecordLength) Array.Resize(ref _buffer, bytes + RecordLength);
        if (_start + bytes > _end) Fill(bytes);
        if (_end - _start < bytes)
            throw Fail(null, null, Invariant($"the file ends inside {what}: {bytes} bytes expected, {_end - _start} found."));
        var span = _buffer.AsSpan(_start, bytes);
        _start += bytes;
        return span;
    }

    // Makes at least `needed` bytes available from _start when the file has them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(int needed)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _bufferOffset += _start;
            _current -= _start;
            _start = 0;
        }
        while (!_eof && _end < _buffer.Length && _end - _start < Math.Max(needed, _buffer.Length / 2))
        {
            int got = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (got == 0) _eof = true;
            _end += got;
        }
    }

    private void Expect(ReadOnlySpan<byte> record, long number, string kind, string what)
    {
        if (!StartsWith(record, Prefix + kind))
            throw Fail(null, null, Invariant($"80-byte record {number} should be the {what} ({Prefix}{kind.TrimEnd('!')}...) but reads '{Shown(record)}'."));
    }

    private int Digits(ReadOnlySpan<byte> record, int offset, int count, long number, string what)
    {
        ReadOnlySpan<byte> digits = record.Slice(offset, count);
        int value = 0;
        foreach (byte b in digits)
        {
            if (b < (byte)'0' || b > (byte)'9' || value > 100_000_000)
                throw Fail(null, null, Invariant($"record {number} ({what}): '{Shown(digits)}' is not a number."));
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private static bool StartsWith(ReadOnlySpan<byte> record, string text)
    {
        if (record.Length < text.Length) return false;
        for (int i = 0; i < text.Length; i++)
            if (record[i] != (byte)text[i]) return false;
        return true;
    }

    internal static string Text(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.Length;
        while (end > 0 && (bytes[end - 1] == (byte)' ' || bytes[end - 1] == 0)) end--;
        bytes = bytes[..end];
        if (bytes.Length == 0) return "";
        if (bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0) return Encoding.ASCII.GetString(bytes);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    // Text(bytes) written into a buffer of at least bytes.Length characters (neither UTF-8 nor Latin-1 gives more
    // characters than bytes); returns the characters written.
    private static int WriteText(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        int end = bytes.Length;
        while (end > 0 && (bytes[end - 1] == (byte)' ' || bytes[end - 1] == 0)) end--;
        bytes = bytes[..end];
        if (bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0)
        {
            Ascii.ToUtf16(bytes, destination, out int widened);
            return widened;
        }
        try
        {
            return StrictUtf8.GetChars(bytes, destination);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetChars(bytes, destination);
        }
    }

    private static string Shown(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (byte b in bytes[..Math.Min(bytes.Length, 48)]) text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        return text.ToString().TrimEnd();
    }

    private CohortDataException Fail(string? column, string? value, string message) =>
        new([new DataIssue(DataIssueKind.Other, DataIssueSeverity.Excluded, _name, null, column, value, null, message)]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
