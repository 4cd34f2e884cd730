using System.Reflection;
using System.Text;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Writes a <see cref="TrialReport"/> as one self-contained HTML5 file: inline CSS, figures as inline SVG, no
/// script and nothing fetched from the network; laid out for the screen and for A4 paper.</summary>
/// <remarks>
/// <para>The document is built as a DOM (AngleSharp) and serialised once, so every text from the data (arm names,
/// file names, messages) is escaped by the serialiser. The same report gives the same bytes: no timestamps, SVG ids
/// numbered per figure, invariant number formatting, ordered collections only.</para>
/// <para>Sections: 1 data and quality, 2 baseline characteristics, 3 change from baseline, 4 primary analysis,
/// 5 effect sizes, 6 responders and remission, 7 mood and pain together, 8 methods.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class TrialReportHtml
{
    /// <summary>The section headings, in order (the ids are <c>s1</c> … <c>s8</c>).</summary>
    public static IReadOnlyList<string> SectionTitles { get; } =
    [
        "1. Data and quality", "2. Baseline characteristics", "3. Change from baseline", "4. Primary analysis",
        "5. Effect sizes", "6. Responders and remission", "7. Mood and pain together", "8. Methods",
    ];

    /// <summary>The report as HTML text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="progress">Reports each figure as it is drawn.</param>
    public static string ToHtml(TrialReport report, IProgress<ReportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new HtmlReportDocument($"Trial report: {report.Source.Name}", Css());
        var figures = new HtmlFigures(html, progress, FigureCount(report));
        ReportHeader.Write(html, report);
        DataSection.Write(html, Section(html, 0), report);
        BaselineSection.Write(html, Section(html, 1), report);
        ChangeSection.Write(html, Section(html, 2), report, figures);
        PrimarySection.Write(html, Section(html, 3), report, figures);
        EffectSizeSection.Write(html, Section(html, 4), report, figures);
        ResponderSection.Write(html, Section(html, 5), report, figures);
        MoodPainSection.Write(html, Section(html, 6), report, figures);
        MethodsSection.Write(html, Section(html, 7), report);
        return html.Serialize();
    }

    /// <summary>Writes the report to <paramref name="path"/> as UTF-8 (no byte-order mark), replacing the file.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The HTML file.</param>
    /// <param name="progress">Reports each figure as it is drawn.</param>
    public static void Write(TrialReport report, string path, IProgress<ReportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, ToHtml(report, progress), new UTF8Encoding(false));
    }

    /// <summary>Figures the report will draw, for progress.</summary>
    internal static int FigureCount(TrialReport report) =>
        report.Endpoints.Count * 4 + report.Endpoints.Count(e => e.Mmrm is not null) + 1
        + (report.Endpoints.Any(e => e.Response is not null) ? 1 : 0) + (report.MoodAndPain is null ? 0 : 1);

    /// <summary>"95%" for a level of 0.95.</summary>
    internal static string Level(TrialReport report) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{report.Options.CiLevel * 100:0.##}%");

    private static AngleSharp.Dom.IElement Section(HtmlReportDocument html, int index)
    {
        AngleSharp.Dom.IElement section = html.Append(html.Main, "section");
        section.Id = "s" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        html.Append(section, "h2", SectionTitles[index]);
        return section;
    }

    private static string Css()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CohortAnalysis.Reporting.report.css")
            ?? throw new InvalidOperationException("The report style sheet is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
