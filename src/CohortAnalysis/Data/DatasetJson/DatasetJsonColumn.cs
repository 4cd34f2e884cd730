namespace CohortAnalysis.Data.DatasetJson;

/// <summary>One entry of a Dataset-JSON <c>columns</c> array (CDISC Dataset-JSON 1.1, "Column Metadata").</summary>
/// <remarks>Immutable.</remarks>
/// <param name="ItemOid">itemOID.</param>
/// <param name="Name">name.</param>
/// <param name="Label">label.</param>
/// <param name="DataType">dataType: string, integer, decimal, float, double, boolean, datetime, date, time or URI.</param>
/// <param name="TargetDataType">targetDataType (integer or decimal), or null.</param>
/// <param name="Length">length, or null.</param>
/// <param name="DisplayFormat">displayFormat, or null.</param>
/// <param name="KeySequence">keySequence, or null.</param>
public sealed record DatasetJsonColumn(string ItemOid, string Name, string Label, string DataType, string? TargetDataType = null,
    int? Length = null, string? DisplayFormat = null, int? KeySequence = null)
{
    /// <summary>The kind of value the column holds.</summary>
    public ValueKind Kind => DataType switch
    {
        "integer" or "decimal" or "float" or "double" => ValueKind.Number,
        "boolean" => ValueKind.Boolean,
        "date" => ValueKind.Date,
        "datetime" => ValueKind.DateTime,
        "time" => ValueKind.Time,
        _ => ValueKind.Text,
    };

    internal VariableMetadata ToVariable() => new(Name, Label, Kind, Length, DisplayFormat ?? "");
}
