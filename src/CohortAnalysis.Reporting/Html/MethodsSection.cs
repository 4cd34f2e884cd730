using System.Globalization;
using System.Runtime.InteropServices;
using AngleSharp.Dom;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Section 8: every estimator with its method, settings and reference; how to reproduce the report.</summary>
internal static class MethodsSection
{
    public static void Write(HtmlReportDocument html, IElement section, TrialReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        html.Append(section, "h3", "Reproduce this report");
        html.Facts(section,
        [
            ("Command line", report.Options.CommandLine.Length > 0 ? report.Options.CommandLine : "(built through the library API)", "command"),
            ("Seed", report.Options.Seed.ToString(inv), null),
            ("Bootstrap resamples", report.Options.Resamples.ToString(inv), null),
            ("Confidence level", TrialReportHtml.Level(report), null),
            ("Data", $"{report.Source.Name}, SHA-256 {report.Source.Sha256}", null),
            ("CohortAnalysis", report.LibraryVersion, null),
            (".NET", RuntimeInformation.FrameworkDescription, null),
        ]);
        html.Append(section, "p", "The same data file, command line, seed and library version give this file byte for byte.");

        html.Append(section, "h3", "Estimators");
        HtmlTables.Write(html, section, TableView.Create("Every estimator in this report, with its method and reference",
            [new("Analysis"), new("Estimator"), new("Method and settings"), new("Reference")],
            report.Methods.Select(m => (IReadOnlyList<string>)[m.Analysis, m.Estimator, m.Method, m.Reference])), "methods");
    }
}
