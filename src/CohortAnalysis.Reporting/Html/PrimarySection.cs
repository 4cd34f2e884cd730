using System.Globalization;
using AngleSharp.Dom;
using CohortAnalysis.Models;
using CohortAnalysis.Plotting;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Section 4: the MMRM on change (model, LS means, differences, fit statistics, LS-mean plot) and the
/// sensitivity analyses at the primary visit (ANCOVA with observed cases, LOCF and BOCF) beside the MMRM estimate.</summary>
internal static class PrimarySection
{
    public static void Write(HtmlReportDocument html, IElement section, TrialReport report, HtmlFigures figures)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (EndpointReport e in report.Endpoints)
        {
            html.Append(section, "h3", $"{e.Parameter}: mixed model for repeated measures");
            foreach (string note in e.Notes.Where(n => n.StartsWith("MMRM", StringComparison.Ordinal) || n.StartsWith("ANCOVA", StringComparison.Ordinal)))
                html.Append(section, "p", note, "note");
            if (e.Mmrm is { } fit)
            {
                IElement model = html.Append(section, "p");
                html.Append(model, "code", fit.Formula);
                html.Text(model, string.Create(inv, $": {fit.Settings}; {fit.ObservationsUsed} observations from {fit.SubjectsUsed} subjects."));
                HtmlTables.Write(html, section, fit.LsMeansTable(), "mmrm-lsmeans-" + e.Parameter);
                HtmlTables.Write(html, section, fit.DifferencesTable(), "mmrm-differences-" + e.Parameter);
                figures.Write(section, "lsmeans-" + e.Parameter, () => CohortPlots.LsMeanChange(fit),
                    $"{e.Parameter}: MMRM LS mean change from baseline by arm and visit ({TrialReportHtml.Level(report)} CI).");
                HtmlTables.Write(html, section, fit.FitStatisticsTable(), "mmrm-fit-" + e.Parameter);
            }
            html.Append(section, "h3", $"{e.Parameter}: sensitivity analyses at {e.PrimaryVisit.DisplayName}");
            HtmlTables.Write(html, section, Sensitivity(e), "sensitivity-" + e.Parameter);
        }
    }

    /// <summary>The treatment difference at the primary visit under each analysis: the MMRM, then ANCOVA with observed
    /// cases, LOCF and BOCF.</summary>
    internal static TableView Sensitivity(EndpointReport e)
    {
        var rows = new List<(string Analysis, IEstimate Difference)>();
        if (e.Mmrm is { } fit)
            rows.AddRange(fit.Differences.Where(d => d.Comparison.Visit?.Time == e.PrimaryVisit.Time).Select(d => ("MMRM (primary), missing at random", (IEstimate)d)));
        foreach (AncovaFit a in e.Sensitivity)
            rows.AddRange(a.Differences.Select(d => ($"ANCOVA, {a.Options.MissingData.Describe()}", (IEstimate)d)));
        if (e.JumpToReference is { } mi)
            rows.AddRange(mi.Differences.Where(d => d.Comparison.Visit?.Time == e.PrimaryVisit.Time)
                .Select(d => (string.Create(CultureInfo.InvariantCulture, $"ANCOVA after multiple imputation, jump to reference (M = {mi.Imputations}, seed {mi.Seed})"), (IEstimate)d)));
        string ci = rows.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"{rows[0].Difference.Ci.Level * 100:0.##}% CI") : "CI";
        return TableView.Create($"{e.Parameter} CHG at {e.PrimaryVisit.DisplayName}: difference from the reference arm by analysis",
            [new("Analysis"), new("Comparison"), new("Difference", true), new("SE", true), new(ci, true), new("p", true), new("n", true)],
            rows.Select(r => (IReadOnlyList<string>)[r.Analysis, $"{r.Difference.Comparison.Arm} - {r.Difference.Comparison.ReferenceArm}",
                Number(r.Difference.Estimate), Number(r.Difference.StandardError),
                $"[{Number(r.Difference.Ci.Lower)}, {Number(r.Difference.Ci.Upper)}]", P(r.Difference.PValue), r.Difference.Sizes.Groups.ToString()]),
            ["ANCOVA: CHG ~ ARM + BASE at the visit, least squares; LOCF carries the last post-baseline value forward, BOCF the baseline (change 0).",
             "Jump to reference: after a subject's last observed visit its values are drawn around the reference arm's MMRM means " +
             "(Carpenter, Roger & Kenward 2013), Bayesian MI from the MMRM, pooled by Rubin's rules with Barnard-Rubin df."]);
    }

    internal static string Number(double x) => double.IsNaN(x) ? "NA" : x.ToString("0.000", CultureInfo.InvariantCulture);

    internal static string P(double p) => double.IsNaN(p) ? "NA" : p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);
}
