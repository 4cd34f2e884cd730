using AngleSharp.Dom;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Section 2: baseline scores and every subject covariate by arm.</summary>
internal static class BaselineSection
{
    public static void Write(HtmlReportDocument html, IElement section, TrialReport report) =>
        HtmlTables.Write(html, section, report.Baseline.ToTableView(), "baseline");
}
