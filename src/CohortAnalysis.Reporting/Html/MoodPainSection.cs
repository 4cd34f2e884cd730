using AngleSharp.Dom;
using CohortAnalysis.Plotting;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Section 7: joint response on mood and pain, the cross-table of the two responses, the correlation of the
/// two changes and their scatter plot.</summary>
internal static class MoodPainSection
{
    public static void Write(HtmlReportDocument html, IElement section, TrialReport report, HtmlFigures figures)
    {
        if (report.MoodAndPain is not { } both)
        {
            html.Append(section, "p", "Not shown: " + string.Join(" ", report.Notes.Where(n => n.StartsWith("Mood and pain", StringComparison.Ordinal))), "note");
            return;
        }
        HtmlTables.Write(html, section, both.Joint.ToTableView(), "joint-response");
        HtmlTables.Write(html, section, ResponderSection.Comparisons(both.Joint), "joint-comparisons");
        HtmlTables.Write(html, section, both.Cross.ToTableView(), "joint-cross");
        HtmlTables.Write(html, section, both.Correlation.ToTableView(), "correlation");
        figures.Write(section, "scatter", () => CohortPlots.ChangeScatter(report.Cohort, both.Mood, both.Pain, both.Visit.Time),
            $"Change in {both.Mood} against change in {both.Pain} at {both.Visit.DisplayName}, one point per subject, by arm.");
    }
}
