using AngleSharp.Dom;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Plotting;
using CohortAnalysis.Rendering;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Section 5: Cohen's d, Hedges' g and d_ppc2 with their intervals at every visit, the bootstrap interval of g at
/// the primary visit, and a forest plot of g across visits and endpoints.</summary>
internal static class EffectSizeSection
{
    public static void Write(HtmlReportDocument html, IElement section, TrialReport report, HtmlFigures figures)
    {
        foreach (EndpointReport e in report.Endpoints)
        {
            html.Append(section, "h3", e.Parameter);
            HtmlTables.Write(html, section, EstimateText.ToTableView($"{e.Parameter}: effect sizes against the reference arm by visit",
                e.EffectSizes.Concat(e.BootstrapG)), "effect-sizes-" + e.Parameter);
        }
        var g = report.Endpoints.SelectMany(e => e.EffectSizes.Where(r => r.Index == EffectSizeIndex.HedgesG)).Cast<IEstimate>().ToList();
        if (g.Count > 0)
            figures.Write(section, "forest-effect-sizes", () => CohortPlots.Forest(g),
                $"Hedges' g ({TrialReportHtml.Level(report)} CI) of change from baseline, treatment against the reference arm, by endpoint and visit.",
                Math.Max(HtmlFigures.Height, 140 + 34 * g.Count));
    }
}
