namespace CohortAnalysis;

/// <summary>One column flagged as holding one kind of identifier; never carries a value from the file.</summary>
/// <param name="ColumnIndex">Zero-based position of the column in the header.</param>
/// <param name="Column">The header as given, or <c>#3</c> (one-based) when the header itself looks like a value
/// (a headerless file whose first data row was read as the header), so it is never echoed.</param>
/// <param name="Category">The HIPAA Safe Harbor category (45 CFR 164.514(b)(2)(i)).</param>
/// <param name="Evidence">Flagged by the column name, by sampled content, or both.</param>
/// <param name="Detail">A short qualifier built from the header or the pattern (e.g. "birth date"), or empty.</param>
/// <param name="MatchingValues">How many sampled values matched the content rule (0 for a name-only finding).</param>
/// <param name="SampledValues">How many non-missing values of the column were examined.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record IdentifierFinding(
    int ColumnIndex,
    string Column,
    IdentifierCategory Category,
    IdentifierEvidence Evidence,
    string Detail,
    int MatchingValues,
    int SampledValues)
{
    /// <summary>The finding as a message clause, e.g. <c>column 'DOB' (full date: birth date) by name</c>.</summary>
    public override string ToString()
    {
        bool withheld = Column == WithheldColumn(ColumnIndex);
        string column = withheld ? "column " + Column : "column '" + Column + "'";
        string what = IdentifierCategories.Describe(Category);
        if (Detail.Length > 0) what += ": " + Detail;
        string by = Evidence switch
        {
            IdentifierEvidence.ColumnName => "by name",
            IdentifierEvidence.Content => "by content",
            _ => "by name and content",
        };
        return $"{column} ({what}) {by}";
    }

    /// <summary>How a column whose header looks like a value is named instead: its one-based position.</summary>
    internal static string WithheldColumn(int columnIndex) =>
        "#" + (columnIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
