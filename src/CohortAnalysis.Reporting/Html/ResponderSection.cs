using AngleSharp.Dom;
using CohortAnalysis.Plotting;
using CohortAnalysis.Rendering;
using CohortAnalysis.Responders;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Section 6: response and remission at the primary visit (rates with CIs; RD, RR, OR, NNT and tests against the
/// reference arm), a forest plot of the risk differences, and per endpoint a waterfall and a CDF of change.</summary>
internal static class ResponderSection
{
    public static void Write(HtmlReportDocument html, IElement section, TrialReport report, HtmlFigures figures)
    {
        foreach (EndpointReport e in report.Endpoints)
        {
            html.Append(section, "h3", $"{e.Parameter} at {e.PrimaryVisit.DisplayName}");
            foreach (string note in e.Notes.Where(n => n.Contains("responder", StringComparison.Ordinal) || n.Contains("remission", StringComparison.Ordinal)))
                html.Append(section, "p", note, "note");
            foreach (var (table, kind) in new[] { (e.Response, "response"), (e.Remission, "remission") })
            {
                if (table is null) continue;
                HtmlTables.Write(html, section, table.ToTableView(), $"{kind}-{e.Parameter}");
                HtmlTables.Write(html, section, Comparisons(table), $"{kind}-comparisons-{e.Parameter}");
            }
            figures.Write(section, "waterfall-" + e.Parameter, () => CohortPlots.Waterfall(e.Trajectories, e.PrimaryVisit.Time),
                $"{e.Parameter}: percent change from baseline at {e.PrimaryVisit.DisplayName}, one bar per subject, with the response thresholds.");
            figures.Write(section, "cdf-" + e.Parameter, () => CohortPlots.Ecdf(e.Trajectories, e.PrimaryVisit.Time),
                $"{e.Parameter}: cumulative distribution of change from baseline at {e.PrimaryVisit.DisplayName} by arm.");
        }
        ResponderTable[] tables = report.Endpoints.SelectMany(e => new[] { e.Response, e.Remission }).OfType<ResponderTable>()
            .Where(t => t.Comparisons.Count > 0).ToArray();
        if (tables.Length > 0)
            figures.Write(section, "forest-responders", () => CohortPlots.Forest(tables),
                $"Risk difference ({TrialReportHtml.Level(report)} CI) in the proportion of responders and remitters, treatment against the reference arm.",
                Math.Max(HtmlFigures.Height, 140 + 40 * tables.Length));
    }

    /// <summary>RD, RR, OR, NNT, Fisher and chi-square of each comparison, one row each.</summary>
    internal static TableView Comparisons(ResponderTable table) =>
        EstimateText.ToTableView($"{table.Parameter} {table.Rule}: treatment against the reference arm",
            table.Comparisons.SelectMany(c => c.Estimates));
}
