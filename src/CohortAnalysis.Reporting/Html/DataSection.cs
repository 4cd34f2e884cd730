using System.Globalization;
using AngleSharp.Dom;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Section 1: the source and its checksum, subjects per arm, the subject flow, completeness by visit, every
/// exclusion with its reason, the other data notes and the de-identification check.</summary>
internal static class DataSection
{
    public static void Write(HtmlReportDocument html, IElement section, TrialReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        CohortDescription d = report.Description;
        DataQualityReport q = d.Report;
        html.Facts(section,
        [
            ("Source", $"{report.Source.Name} ({report.Source.Description})", null),
            ("Size", string.Create(inv, $"{report.Source.Bytes:N0} bytes"), null),
            ("SHA-256", report.Source.Sha256, "hash"),
            ("Rows", string.Create(inv, $"{q.RowsRead} read, {q.RowsLoaded} loaded, {q.RowsExcluded} excluded"), null),
            ("Subjects", string.Create(inv, $"{d.Subjects}: ") + string.Join("; ", d.Arms.Select(a => string.Create(inv, $"{a.Arm} {a.Subjects}"))), null),
            ("Parameters", string.Join("; ", d.Parameters.Select(p => p.Instrument is null ? p.Code : $"{p.Code} ({p.Instrument}, {p.Range})")), null),
            ("Visits", string.Join(", ", d.Visits.Select(v => string.Create(inv, $"{v.DisplayName} ({v.Time:0.###})"))), null),
            ("Baseline", d.Baseline, null),
        ]);

        html.Append(section, "h3", "Subject flow");
        IElement flows = html.Append(section, "div", className: "flows");
        foreach (EndpointReport endpoint in report.Endpoints) Flow(html, flows, endpoint.Flow);

        html.Append(section, "h3", "Completeness by visit");
        foreach (EndpointReport endpoint in report.Endpoints)
            HtmlTables.Write(html, section, Completeness(d, endpoint.Parameter), "completeness-" + endpoint.Parameter);

        html.Append(section, "h3", "Exclusions");
        DataIssue[] excluded = q.Issues.Where(i => i.Severity == DataIssueSeverity.Excluded).ToArray();
        if (excluded.Length == 0)
            html.Append(section, "p", "No row was excluded: every row read is in the analyses.");
        else
            HtmlTables.Write(html, section, Issues(string.Create(inv, $"{excluded.Length} rows excluded, each with its reason"), excluded), "exclusions");
        DataIssue[] other = q.Issues.Where(i => i.Severity != DataIssueSeverity.Excluded && i.Kind != DataIssueKind.MissingValue).ToArray();
        int missing = q.Issues.Count(i => i.Kind == DataIssueKind.MissingValue);
        html.Append(section, "p", string.Create(inv,
            $"Missing scores kept as missing (counted in the completeness tables): {missing} row{(missing == 1 ? "" : "s")}."));
        if (other.Length > 0) HtmlTables.Write(html, section, Issues("Other notes on the data (nothing excluded)", other), "data-notes");

        html.Append(section, "h3", "De-identification check");
        html.Append(section, "p", Deidentification(q));
    }

    private static void Flow(HtmlReportDocument html, IElement parent, ConsortFlow flow)
    {
        IElement figure = html.Append(parent, "figure", className: "flow");
        figure.Id = "flow-" + flow.Parameter;
        html.Append(figure, "figcaption", $"{flow.Parameter}: subject flow (percent of the subjects randomised to the arm)");
        IElement list = html.Append(figure, "ol");
        int[] randomised = flow.Steps[0].Counts.ToArray();
        foreach (ConsortStep step in flow.Steps)
        {
            IElement item = html.Append(list, "li");
            html.Append(item, "strong", step.Name);
            html.Append(item, "span", " — " + step.Definition, "definition");
            IElement counts = html.Append(item, "ul", className: "arm-counts");
            for (int a = 0; a < flow.Arms.Count; a++)
                html.Append(counts, "li", $"{flow.Arms[a]}: {Percent(step.Counts[a], randomised[a])}");
            html.Append(counts, "li", "Total: " + Percent(step.Total, randomised.Sum()));
        }
    }

    private static string Percent(int n, int of) =>
        of == 0 ? n.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{n} ({100.0 * n / of:0}%)");

    private static TableView Completeness(CohortDescription d, string parameter)
    {
        var cells = d.Completeness.Where(c => c.Parameter == parameter).ToList();
        var visits = cells.Select(c => c.Visit).DistinctBy(v => v.Time).OrderBy(v => v.Time).ToList();
        return TableView.Create($"{parameter}: subjects with a score, by arm and visit",
            [new("Arm"), .. visits.Select(v => new TableColumn(v.DisplayName, true))],
            d.Arms.Select(a => (IReadOnlyList<string>)[a.Arm, .. visits.Select(v =>
                cells.FirstOrDefault(c => c.Arm == a.Arm && c.Visit.Time == v.Time) is { } c
                    ? string.Create(CultureInfo.InvariantCulture, $"{c.Observed}/{c.ArmSubjects} ({c.Percent:0}%)") : "–")]),
            ["Observed / subjects in the arm (percent)."]);
    }

    private static TableView Issues(string title, IReadOnlyList<DataIssue> issues) => TableView.Create(title,
        [new("Line", true), new("Column"), new("Subject"), new("Kind"), new("Reason")],
        issues.Select(i => (IReadOnlyList<string>)[i.Line?.ToString(CultureInfo.InvariantCulture) ?? "", i.Column ?? "", i.Subject ?? "", i.Kind.ToString(), i.Message]),
        [$"Source: {issues[0].Source}."]);

    private static string Deidentification(DataQualityReport q)
    {
        var dropped = q.Issues.Where(i => i.Kind == DataIssueKind.IdentifierColumnDropped).ToList();
        string rule = $"Every column's name and a sample of its content were checked at load against the HIPAA Safe Harbor identifier categories ({Citations.HipaaSafeHarbor})";
        if (q.Identifiers is { } acknowledged)
            return $"{rule}. Identifiable columns were loaded on purpose, with the reason given: {acknowledged.Reason}. Findings: {string.Join("; ", acknowledged.Findings)}.";
        if (dropped.Count > 0)
            return $"{rule}. {dropped.Count} column(s) that looked like identifiers were dropped before analysis: {string.Join("; ", dropped.Select(i => i.Message))}";
        return $"{rule}. No column looked like a personal identifier, so the file was analysed as de-identified.";
    }
}
