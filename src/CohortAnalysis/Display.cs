using System.Globalization;

namespace CohortAnalysis;

/// <summary>How numbers appear in tables and text: invariant culture, "NA" for missing, "Inf" for infinities.</summary>
internal static class Display
{
    public static string Number(double x, string format = "0.###") =>
        double.IsNaN(x) ? "NA" : double.IsPositiveInfinity(x) ? "Inf" : double.IsNegativeInfinity(x) ? "-Inf" : x.ToString(format, CultureInfo.InvariantCulture);

    public static string Integer(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string P(double p) =>
        double.IsNaN(p) ? "NA" : p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>"p = 0.0123", or "p &lt; 0.0001" below the four decimals tables print (never "p = 0").</summary>
    public static string PClause(double p) => double.IsNaN(p) ? "p = NA" : p < 0.0001 ? "p < 0.0001" : "p = " + P(p);

    public static string Interval(ConfidenceInterval ci, string format = "0.###") => $"[{Number(ci.Lower, format)}, {Number(ci.Upper, format)}]";

    public static double? Nullable(double x) => double.IsNaN(x) ? null : x;

    /// <summary>"95% CI" for a column header.</summary>
    public static string CiHeader(ConfidenceInterval ci) =>
        (double.IsFinite(ci.Level) ? (ci.Level * 100).ToString("0.##", CultureInfo.InvariantCulture) : "NA") + "% CI";

    /// <summary>"40" for one group, "40 vs 38" for two.</summary>
    public static string Sizes(GroupSizes n) => n.ToString();

    /// <summary>Notes of a single-estimate table: the CI method and the reference, then an optional note.</summary>
    public static IReadOnlyList<string> EstimateNotes(ConfidenceInterval ci, string method, string reference, string note = "") =>
        new[] { method.Contains("CI", StringComparison.Ordinal) || method.Contains("interval", StringComparison.OrdinalIgnoreCase) ? method + "." : $"{method}; CI: {CiMethods.Describe(ci.Method)}.", reference, note }.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();

    /// <summary>"Data: 1138 observations used, 0 rows excluded at load (10 data-quality issues; see Report)."</summary>
    public static string DataLine(DataQualityReport report) => string.Create(CultureInfo.InvariantCulture,
        $"Data: {report.RowsLoaded} observations used, {report.RowsExcluded} rows excluded at load ({report.Issues.Count} data-quality issues; see Report).")
        + (report.DerivedRecordsNote is { Length: > 0 } derived ? $" {derived}." : "");
}
