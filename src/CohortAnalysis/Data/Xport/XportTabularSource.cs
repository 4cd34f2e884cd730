namespace CohortAnalysis.Data.Xport;

/// <summary>A SAS transport file as a <see cref="TabularSource"/>: numbers reach the cohort builder as numbers (never
/// formatted and parsed back); character values, dates and numbers used as text arrive as display text.</summary>
/// <remarks>
/// <para>Lines count as in a CSV export of the same data: the header is line 1, so record r is line r + 1.</para>
/// <para>No field costs a string of its own. A character value is looked up by its stored bytes in a
/// <see cref="StoredTextCache"/>, so equal values share one string, decoded once (values longer than the cache keeps
/// are decoded into a buffer slot instead); the text of a number, date or time comes from a
/// <see cref="DisplayTextCache"/> keyed by its stored bytes, so a repeated value (a site, a visit number, a score) is
/// formatted once. Each field is looked up at most once per record, however often the reader and the de-identification
/// guard ask for it.</para>
/// </remarks>
internal sealed class XportTabularSource : TabularSource
{
    private readonly XportReader _reader;
    private readonly string[] _header;
    private readonly bool[] _numeric;   // numbers the builder takes as numbers (not dates)
    private readonly bool[] _stored;    // SAS numeric variables (numbers, dates, times): their text comes from _numbers
    private readonly bool[] _long;      // character variables too long for _texts: decoded into _text
    private readonly DisplayTextCache _numbers;
    private readonly StoredTextCache _texts;
    private readonly string?[] _rowText;   // variable c's string on record _decoded[c] (character variables that fit _texts)
    private readonly char[] _text;
    private readonly int[] _slot;       // where a long variable's text starts in _text
    private readonly int[] _length;     // its length on record _decoded[c]
    private readonly long[] _decoded;   // the record _rowText or _text holds for variable c (-1: none yet)

    public XportTabularSource(XportReader reader)
    {
        _reader = reader;
        IReadOnlyList<VariableMetadata> variables = reader.Metadata.Variables;
        int count = variables.Count;
        _header = variables.Select(v => v.Name).ToArray();
        _numeric = variables.Select(v => v.Kind == ValueKind.Number).ToArray();
        _stored = variables.Select(v => v.Kind != ValueKind.Text).ToArray();
        _long = Enumerable.Range(0, count).Select(c => !_stored[c] && reader.DisplayLength(c) > StoredTextCache.MaxKeyLength).ToArray();
        _numbers = new DisplayTextCache(count);
        _texts = new StoredTextCache(count);
        _rowText = new string?[count];
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
    }

    public static XportTabularSource Open(string path) => new(XportReader.Open(path));

    public override string Name => _reader.Metadata.Source;
    public override IReadOnlyList<string> Header => _header;
    public override long Line => _reader.RecordNumber + 1;
    public override int FieldCount => _header.Length;
    public override DatasetMetadata Metadata => _reader.Metadata;

    public override bool Read() => _reader.Read();

    public override long? EstimatedRows => _reader.EstimatedRecords;

    public override ReadOnlySpan<char> Field(int column, out bool isNull)
    {
        if (_stored[column]) return _numbers.Text(NumberEntry(column), out isNull);
        isNull = false;
        if (!_long[column]) return Text(column);
        long record = _reader.RecordNumber;
        if (_decoded[column] != record)
        {
            _length[column] = _reader.WriteDisplayText(column, _text.AsSpan(_slot[column], _reader.DisplayLength(column)));
            _decoded[column] = record;
        }
        return _text.AsSpan(_slot[column], _length[column]);
    }

    public override bool TryNumber(int column, out double value)
    {
        if (!_numeric[column])
        {
            value = double.NaN;
            return false;
        }
        value = _reader.GetNumber(column);
        return true;
    }

    public override void Dispose() => _reader.Dispose();

    private int NumberEntry(int column)
    {
        ulong bits = _reader.NumberBits(column);
        int entry = _numbers.Find(column, bits, out bool hit);
        if (!hit) _numbers.Set(entry, bits, _reader.WriteDisplayText(column, _numbers.Room(entry)));
        return entry;
    }

    private string Text(int column)
    {
        long record = _reader.RecordNumber;
        if (_decoded[column] == record) return _rowText[column]!;
        ReadOnlySpan<byte> bytes = _reader.StoredBytes(column);
        string text = _texts.Find(column, bytes, out int entry) ?? _texts.Set(entry, bytes, XportReader.Text(bytes));
        _rowText[column] = text;
        _decoded[column] = record;
        return text;
    }
}
