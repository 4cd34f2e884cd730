namespace CohortAnalysis.Data.Xport;

/// <summary>A SAS transport file as a <see cref="TabularSource"/>: numbers reach the cohort builder as numbers (never
/// formatted and parsed back); character values, dates and numbers used as text arrive as display text.</summary>
/// <remarks>Lines count as in a CSV export of the same data: the header is line 1, so record r is line r + 1.</remarks>
internal sealed class XportTabularSource : TabularSource
{
    private readonly XportReader _reader;
    private readonly string[] _header;
    private readonly bool[] _numeric;

    public XportTabularSource(XportReader reader)
    {
        _reader = reader;
        _header = reader.Metadata.Variables.Select(v => v.Name).ToArray();
        _numeric = reader.Metadata.Variables.Select(v => v.Kind == ValueKind.Number).ToArray();
    }

    public static XportTabularSource Open(string path) => new(XportReader.Open(path));

    public override string Name => _reader.Metadata.Source;
    public override IReadOnlyList<string> Header => _header;
    public override long Line => _reader.RecordNumber + 1;
    public override int FieldCount => _header.Length;
    public override DatasetMetadata Metadata => _reader.Metadata;

    public override bool Read() => _reader.Read();

    public override ReadOnlySpan<char> Field(int column, out bool isNull)
    {
        string? text = _reader.GetDisplayText(column);
        isNull = text is null;
        return text.AsSpan();
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
}
