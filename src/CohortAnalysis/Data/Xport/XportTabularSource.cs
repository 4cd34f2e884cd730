using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data.Xport;

/// <summary>A SAS transport file as a <see cref="TabularSource"/>: numbers reach the cohort builder as numbers (never
/// formatted and parsed back); character values, dates and numbers used as text arrive as display text.</summary>
/// <remarks>
/// <para>Lines count as in a CSV export of the same data: the header is line 1, so record r is line r + 1.</para>
/// <para>No field costs a string of its own. A character value is looked up by its stored bytes in a
/// <see cref="StoredTextCache"/>, so equal values share one string, decoded once (values longer than the cache keeps
/// are decoded into a buffer slot instead); the text of a number, date or time comes from a
/// <see cref="DisplayTextCache"/> keyed by its stored bytes, so a repeated value (a site, a visit number, a score) is
/// formatted once. Each variable remembers its last stored bytes with their text and number, so a value equal to the
/// previous record's (a BDS dataset repeats subject, site, arm, parameter and baseline record after record) costs one
/// comparison; each field is looked up at most once per record, however often the reader and the de-identification
/// guard ask for it.</para>
/// </remarks>
internal sealed class XportTabularSource : TabularSource
{
    private readonly XportReader _reader;
    private readonly string[] _header;
    private readonly bool[] _numeric;   // numbers the builder takes as numbers (not dates)
    private readonly bool[] _stored;    // SAS numeric variables (numbers, dates, times): their text comes from _numbers
    private readonly bool[] _long;      // character variables too long for _texts: decoded into _text
    private readonly int[] _position;   // where each variable lies in the record
    private readonly int[] _width;      // and its stored length
    private readonly DisplayTextCache _numbers;
    private readonly StoredTextCache _texts;
    private readonly string?[] _rowText;   // variable c's string on the current record (character variables that fit _texts)
    private readonly int[] _rowCode;       // and its code in _texts (-1: a value too long to keep)
    private readonly char[] _text;
    private readonly int[] _slot;       // where a long variable's text starts in _text
    private readonly int[] _length;     // its length on record _decoded[c]
    private readonly long[] _decoded;   // the record _text holds for long variable c (-1: none yet)
    private readonly int[] _numberColumns;   // the SAS numeric variables
    private readonly int[] _textColumns;     // the character variables that fit _texts
    private readonly ulong[] _bits;     // numeric variable c's stored bits on the current record
    private readonly int[] _entry;      // the entry of _numbers holding their text (-1: not looked up since they changed)
    private readonly double[] _value;   // their number
    private readonly bool[] _hasValue;  // (false: not converted since they changed)

    public XportTabularSource(XportReader reader)
    {
        _reader = reader;
        IReadOnlyList<VariableMetadata> variables = reader.Metadata.Variables;
        int count = variables.Count;
        _header = variables.Select(v => v.Name).ToArray();
        _numeric = variables.Select(v => v.Kind == ValueKind.Number).ToArray();
        _stored = variables.Select(v => v.Kind != ValueKind.Text).ToArray();
        _long = Enumerable.Range(0, count).Select(c => !_stored[c] && reader.DisplayLength(c) > StoredTextCache.MaxKeyLength).ToArray();
        _position = Enumerable.Range(0, count).Select(reader.PositionOf).ToArray();
        _width = Enumerable.Range(0, count).Select(reader.LengthOf).ToArray();
        _numbers = new DisplayTextCache(count);
        _texts = new StoredTextCache(count);
        _rowText = new string?[count];
        _rowCode = new int[count];
        _slot = new int[count];
        int total = 0;
        for (int c = 0; c < count; c++)
        {
            _slot[c] = total;
            if (_long[c]) total += reader.DisplayLength(c);
        }
        _text = new char[total];
        _length = new int[count];
        _decoded = new long[count];
        Array.Fill(_decoded, -1);
        _numberColumns = Enumerable.Range(0, count).Where(c => _stored[c]).ToArray();
        _textColumns = Enumerable.Range(0, count).Where(c => !_stored[c] && !_long[c]).ToArray();
        _bits = new ulong[count];
        _entry = new int[count];
        Array.Fill(_entry, -1);
        _value = new double[count];
        _hasValue = new bool[count];
    }

    public static XportTabularSource Open(string path) => new(XportReader.Open(path));

    public override string Name => _reader.Metadata.Source;
    public override IReadOnlyList<string> Header => _header;
    public override long Line => _reader.RecordNumber + 1;
    public override int FieldCount => _header.Length;
    public override DatasetMetadata Metadata => _reader.Metadata;

    // Each record's variables are compared with the previous record's as it is read: a number whose stored bytes did not
    // change keeps its text and value, a character value equal to the last one its string (StoredTextCache tries the
    // last value first). Number text and values are made when first asked for (a damaged date throws then, naming it).
    // Compiled optimized at the first call: a load runs it a million times within seconds of start-up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Read()
    {
        if (!_reader.Read()) return false;
        ReadOnlySpan<byte> record = _reader.Record;
        foreach (int c in _numberColumns)
        {
            ulong bits = IbmFloat.Bits(record.Slice(_position[c], _width[c]));
            if (bits == _bits[c]) continue;
            _bits[c] = bits;
            _entry[c] = -1;
            _hasValue[c] = false;
        }
        foreach (int c in _textColumns)
        {
            ReadOnlySpan<byte> stored = record.Slice(_position[c], _width[c]);
            _rowText[c] = _texts.Find(c, stored, out int entry) ?? _texts.Set(entry, stored, XportReader.Text(stored));
            _rowCode[c] = entry < 0 ? -1 : _texts.Code(entry);
        }
        return true;
    }

    public override long? EstimatedRows => _reader.EstimatedRecords;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override ReadOnlySpan<char> Field(int column, out bool isNull)
    {
        if (_stored[column])
        {
            int entry = _entry[column];
            if (entry < 0) entry = NumberEntry(column);
            return _numbers.Text(entry, out isNull);
        }
        isNull = false;
        if (!_long[column]) return _rowText[column];
        long record = _reader.RecordNumber;
        if (_decoded[column] != record)
        {
            _length[column] = _reader.WriteDisplayText(column, _text.AsSpan(_slot[column], _reader.DisplayLength(column)));
            _decoded[column] = record;
        }
        return _text.AsSpan(_slot[column], _length[column]);
    }

    /// <summary>A character value as the one string its stored bytes decode to, and the text of a number, date or time
    /// once its value has been met before (a first one costs no string).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override string? SharedField(int column, out int code)
    {
        if (_stored[column])
        {
            int entry = _entry[column];
            if (entry < 0) entry = NumberEntry(column);
            return _numbers.Shared(entry, out code);
        }
        code = _long[column] ? -1 : _rowCode[column];
        return code < 0 ? null : _rowText[column];
    }

    /// <summary>The record's fields as <see cref="Field"/>, <see cref="SharedField"/> and <see cref="TryNumber"/> give
    /// them, without a virtual call per field (the class is sealed: these are direct calls).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal override void CopyRowTo(ScannedRowBlock block)
    {
        int count = _header.Length;
        block.BeginRow(count);
        for (int c = 0; c < count; c++)
        {
            if (_numeric[c]) block.MarkTyped(c, Number(c));
            if (SharedField(c, out int code) is { } shared) block.AddShared(c, shared, code);
            else block.AddText(c, Field(c, out bool isNull), isNull);
        }
        long line = Line;
        block.EndRow(line, line);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryNumber(int column, out double value)
    {
        if (!_numeric[column])
        {
            value = double.NaN;
            return false;
        }
        value = Number(column);
        return true;
    }

    // Numeric variable `column`'s value on the current record, converted once per change of its stored bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Number(int column)
    {
        if (!_hasValue[column])
        {
            _value[column] = IbmFloat.ToDouble(_bits[column], out _);
            _hasValue[column] = true;
        }
        return _value[column];
    }

    public override void Dispose() => _reader.Dispose();

    private int NumberEntry(int column)
    {
        if (_reader.RecordNumber == 0) throw new InvalidOperationException("Call Read() before reading values.");
        ulong bits = _bits[column];
        int entry = _numbers.Find(column, bits, out bool hit);
        if (!hit) _numbers.Set(entry, bits, _reader.WriteDisplayText(column, _numbers.Room(entry)));
        return _entry[column] = entry;
    }
}
