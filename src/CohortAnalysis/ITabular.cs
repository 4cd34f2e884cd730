namespace CohortAnalysis;

/// <summary>A result that can show itself as a table: notebooks render it as HTML, reports and the CLI as text.</summary>
/// <remarks>
/// <para>Implement it on result records and <c>…Table</c> types. The table holds display strings, formatted by the
/// result itself with <see cref="System.Globalization.CultureInfo.InvariantCulture"/>, so every front end shows
/// the same digits. Rich front ends (CohortAnalysis.Interactive) pick this interface up without knowing the type.</para>
/// </remarks>
public interface ITabular
{
    /// <summary>The result laid out as a table of display strings.</summary>
    /// <returns>A new, immutable table view.</returns>
    TableView ToTableView();
}
