namespace CohortAnalysis.Data;

/// <summary>What a self-describing file (SAS transport, Dataset-JSON) says about its dataset: name, label and variables.</summary>
/// <remarks>Immutable. A CSV file has names only: its labels are empty and every variable is <see cref="ValueKind.Text"/>.</remarks>
/// <param name="Source">File name, as in messages.</param>
/// <param name="Format">The file format, e.g. "SAS transport (XPORT) version 5" or "CDISC Dataset-JSON 1.1".</param>
/// <param name="Name">Dataset name (e.g. ADADAS); empty when the file has none.</param>
/// <param name="Label">Dataset label (e.g. "ADAS-Cog Analysis"); empty when the file has none.</param>
/// <param name="Variables">The variables in file order.</param>
public sealed record DatasetMetadata(string Source, string Format, string Name, string Label, IReadOnlyList<VariableMetadata> Variables)
{
    /// <summary>The variable called <paramref name="name"/> (case-insensitive), or null.</summary>
    public VariableMetadata? Find(string name) =>
        Variables.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One variable of a <see cref="DatasetMetadata"/>.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Name">Variable name.</param>
/// <param name="Label">Variable label; empty when the file has none.</param>
/// <param name="Kind">What its values are.</param>
/// <param name="Length">Stored length in bytes (SAS) or planned length in characters (Dataset-JSON); null when not given.</param>
/// <param name="DisplayFormat">SAS display format (e.g. <c>DATE9.</c>, <c>E8601DA.</c>); empty when none.</param>
public sealed record VariableMetadata(string Name, string Label, ValueKind Kind, int? Length, string DisplayFormat);

/// <summary>What the values of a variable are.</summary>
public enum ValueKind
{
    /// <summary>Character values.</summary>
    Text,
    /// <summary>Numbers (SAS numeric; Dataset-JSON integer, float, double, decimal).</summary>
    Number,
    /// <summary>Calendar dates (a SAS date format such as DATE9. or E8601DA.; Dataset-JSON <c>date</c>).</summary>
    Date,
    /// <summary>Date and time (SAS DATETIME or E8601DT; Dataset-JSON <c>datetime</c>).</summary>
    DateTime,
    /// <summary>Time of day (SAS TIME or E8601TM; Dataset-JSON <c>time</c>).</summary>
    Time,
    /// <summary>true or false (Dataset-JSON <c>boolean</c>).</summary>
    Boolean,
}
