using AngleSharp.Dom;
using CohortAnalysis.Plotting;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Section 3: change from baseline by arm and visit, the mean-change plot and the spaghetti plot, per endpoint.</summary>
internal static class ChangeSection
{
    public static void Write(HtmlReportDocument html, IElement section, TrialReport report, HtmlFigures figures)
    {
        foreach (EndpointReport e in report.Endpoints)
        {
            html.Append(section, "h3", e.Instrument is null ? e.Parameter : $"{e.Parameter}: {e.Instrument.Name}");
            HtmlTables.Write(html, section, ChangeOnly(e.Change.ToTableView()), "change-" + e.Parameter);
            figures.Write(section, "mean-change-" + e.Parameter, () => CohortPlots.MeanChange(e.Change, e.Parameter),
                $"{e.Parameter}: mean change from baseline by arm (mean ± {TrialReportHtml.Level(report)} CI), observed cases.");
            figures.Write(section, "spaghetti-" + e.Parameter, () => CohortPlots.Spaghetti(e.Trajectories),
                $"{e.Parameter}: each subject's scores over the visits, with the arm means.");
        }
    }

    /// <summary>The change rows of the summary (baseline scores are in section 2; values and percent change stay in the
    /// library's table and the CLI).</summary>
    internal static TableView ChangeOnly(TableView table)
    {
        int variable = table.Columns.ToList().FindIndex(c => c.Header == "Variable");
        return variable < 0 ? table : table with
        {
            Title = table.Title.Replace("Change from baseline", "Change from baseline (CHG)", StringComparison.Ordinal),
            Rows = table.Rows.Where(r => r[variable] == "CHG").ToList(),
        };
    }
}
