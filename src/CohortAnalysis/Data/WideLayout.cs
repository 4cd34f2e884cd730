using System.Text.RegularExpressions;

namespace CohortAnalysis.Data;

/// <summary>How a wide file (one row per subject, one column per parameter × visit) names its score columns.</summary>
/// <remarks>Immutable. By default a column named <c>PARAMCD_Wn</c> (also <c>_WKn</c>, <c>_WEEKn</c>, <c>_Vn</c>, <c>_VISITn</c>
/// or just <c>_n</c>) holds parameter PARAMCD at visit n, e.g. <c>MADRS_W0</c>, <c>PAINNRS_W12</c>. The subject, arm and
/// covariate columns come from the <see cref="ColumnMapping"/>. Columns that match neither are reported as unused.</remarks>
public sealed record WideLayout
{
    /// <summary>The default pattern.</summary>
    public static WideLayout Default { get; } = new();

    /// <value>A regular expression with named groups <c>parameter</c> and <c>visit</c>, matched against the whole column name
    /// (case-insensitive). Default <c>^(?&lt;parameter&gt;[A-Za-z][A-Za-z0-9]*)_(?:W|WK|WEEK|V|VISIT)?(?&lt;visit&gt;-?\d+(?:\.\d+)?)$</c>.</value>
    public string ColumnPattern { get; init; } = @"^(?<parameter>[A-Za-z][A-Za-z0-9]*)_(?:W|WK|WEEK|V|VISIT)?(?<visit>-?\d+(?:\.\d+)?)$";

    /// <value>Default "Week": a visit label is this word followed by the number ("Week 6"); visit 0 is labelled "Baseline".</value>
    public string VisitLabelPrefix { get; init; } = "Week";

    internal Regex CreateRegex() => new(ColumnPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
}
