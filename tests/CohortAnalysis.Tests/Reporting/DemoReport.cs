using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CohortAnalysis.Data;
using CohortAnalysis.Reporting;
using CohortAnalysis.Reporting.Html;

namespace CohortAnalysis.Tests.Reporting;

/// <summary>The report of the bundled demo trial, built once for the tests that read it, and its parsed DOM.</summary>
public sealed partial class DemoReport
{
    [System.Text.RegularExpressions.GeneratedRegex("^</[a-z]+[A-Z][A-Za-z]*>$")]
    private static partial System.Text.RegularExpressions.Regex CamelCaseSvgEndTag();

    public DemoReport()
    {
        Report = TrialReport.Build(DemoTrial.Load(), ReportSource.DemoTrialCsv(), new TrialReportOptions { CommandLine = "cohort report" });
        Html = TrialReportHtml.ToHtml(Report);
        (Document, ParseErrors) = Parse(Html);
    }

    public TrialReport Report { get; }

    public string Html { get; }

    public IDocument Document { get; }

    public IReadOnlyList<string> ParseErrors { get; }

    /// <summary>Parses <paramref name="html"/> as a browser would, collecting every parse error the HTML5 parser reports.</summary>
    public static (IDocument Document, IReadOnlyList<string> Errors) Parse(string html)
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        string[] lines = html.Split('\n');
        parser.Error += (_, e) =>
        {
            var error = (AngleSharp.Html.Dom.Events.HtmlErrorEvent)e;
            string line = error.Position.Line >= 1 && error.Position.Line <= lines.Length ? lines[error.Position.Line - 1].Trim() : "";
            // AngleSharp compares an end tag with a camel-case SVG element (</clipPath>) case-sensitively; the HTML standard
            // compares "converted to ASCII lowercase" (13.2.6.5, foreign content), so that is no error in a browser.
            if (CamelCaseSvgEndTag().IsMatch(line)) return;
            errors.Add($"line {error.Position.Line}, column {error.Position.Column}: {error.Message} ({line})");
        };
        return (parser.ParseDocument(html), errors);
    }

    /// <summary>The cells of the table in the block with <paramref name="id"/>, by header.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(IDocument document, string id)
    {
        IElement table = document.QuerySelector($"#{id} table") ?? throw new InvalidOperationException($"No table #{id}.");
        string[] headers = table.QuerySelectorAll("thead th").Select(h => h.TextContent).ToArray();
        return table.QuerySelectorAll("tbody tr")
            .Select(tr => (IReadOnlyDictionary<string, string>)tr.QuerySelectorAll("td").Select((td, i) => (headers[i], td.TextContent))
                .ToDictionary(c => c.Item1, c => c.Item2))
            .ToList();
    }
}
