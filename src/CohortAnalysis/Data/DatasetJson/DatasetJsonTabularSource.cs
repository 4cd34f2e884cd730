using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data.DatasetJson;

/// <summary>A Dataset-JSON file as a <see cref="TabularSource"/>: JSON numbers reach the cohort builder as numbers,
/// null is a missing value, strings arrive as they are.</summary>
/// <remarks>Lines count as in a CSV export (and as NDJSON lines): the header is line 1, so record r is line r + 1.</remarks>
internal sealed class DatasetJsonTabularSource : TabularSource
{
    private readonly DatasetJsonReader _reader;
    private readonly string[] _header;

    public DatasetJsonTabularSource(DatasetJsonReader reader)
    {
        _reader = reader;
        _header = reader.Columns.Select(c => c.Name).ToArray();
    }

    public static DatasetJsonTabularSource Open(string path, bool ndjson) => new(DatasetJsonReader.Open(path, ndjson));

    public override string Name => _reader.Metadata.Source;
    public override IReadOnlyList<string> Header => _header;
    public override long Line => _reader.RecordNumber + 1;
    public override int FieldCount => _header.Length;
    public override DatasetMetadata Metadata => _reader.Metadata;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Read() => _reader.Read();

    /// <summary>The <c>records</c> count, when the metadata before the rows declares it (the specification's order).</summary>
    public override long? EstimatedRows => _reader.Records;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override ReadOnlySpan<char> Field(int column, out bool isNull) => _reader.GetSpan(column, out isNull);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal override void CopyRowTo(ScannedRowBlock block) => _reader.CopyRowTo(block, Line);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override string? SharedField(int column, out int code) => _reader.GetShared(column, out code);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryNumber(int column, out double value)
    {
        if (!_reader.IsNumberColumn(column))
        {
            value = double.NaN;
            return false;
        }
        value = _reader.GetNumber(column);
        return true;
    }

    public override void Dispose() => _reader.Dispose();
}
