using AngleSharp.Dom;

namespace CohortAnalysis.Reporting.Html;

/// <summary>The title block and the table of contents.</summary>
internal static class ReportHeader
{
    public static void Write(HtmlReportDocument html, TrialReport report)
    {
        IElement header = html.Append(html.Main, "header");
        html.Append(header, "h1", "Trial report");
        var cohort = report.Cohort;
        html.Append(header, "p", $"{report.Source.Name} · {cohort.Subjects.Count} subjects in {cohort.Arms.Count} arms ({string.Join(", ", cohort.Arms)}) · " +
            $"endpoints {string.Join(" and ", report.Endpoints.Select(e => e.Parameter))} · CohortAnalysis {report.LibraryVersion}", "subtitle");
        IElement nav = html.Append(header, "nav");
        nav.SetAttribute("aria-label", "Contents");
        IElement list = html.Append(nav, "ul", className: "toc");
        for (int i = 0; i < TrialReportHtml.SectionTitles.Count; i++)
        {
            IElement link = html.Append(html.Append(list, "li"), "a", TrialReportHtml.SectionTitles[i]);
            link.SetAttribute("href", "#s" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (string note in report.Notes) html.Append(header, "p", note, "note");
    }
}
