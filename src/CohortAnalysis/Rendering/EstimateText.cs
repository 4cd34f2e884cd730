using System.Globalization;

namespace CohortAnalysis.Rendering;

/// <summary>Any estimates as a <see cref="TableView"/> (the text table of the CLI and the HTML table of notebooks and
/// reports): one row per estimate, the comparison in typed columns, the CI header stating its level.</summary>
/// <remarks>Columns that are empty in every row (no p-values, a single parameter) are left out; what is common to every
/// row (methods, references, how the reference arm was chosen, the data used) goes to the notes.</remarks>
public static class EstimateText
{
    /// <summary>The table view of <paramref name="estimates"/>.</summary>
    /// <param name="title">Caption, e.g. "Hedges' g of MADRS CHG by visit".</param>
    /// <param name="estimates">The rows, in display order.</param>
    /// <param name="report">The data-quality report of the cohort the estimates came from, for the "Data:" note.</param>
    /// <param name="digits">Decimal places of estimates and limits.</param>
    public static TableView ToTableView(string title, IEnumerable<IEstimate> estimates, DataQualityReport? report = null, int digits = 3)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        IEstimate[] rows = estimates.ToArray();
        string format = "0." + new string('0', Math.Clamp(digits, 0, 15));
        var columns = new List<(TableColumn Column, Func<IEstimate, string> Cell)>
        {
            (new("Parameter"), e => e.Comparison.Parameter ?? ""),
            (new("Visit"), e => e.Comparison.Visit?.DisplayName ?? ""),
            (new("Variable"), e => e.Comparison.Variable is { } v ? Comparison.VariableCode(v) : ""),
            (new("Subgroup"), e => e.Comparison.Subgroup ?? ""),
            (new("Term"), e => e.Comparison.Term ?? ""),
            (new("Comparison"), e => e.Comparison.Arm is null ? "" : e.Comparison.ReferenceArm is null ? e.Comparison.Arm : $"{e.Comparison.Arm} vs {e.Comparison.ReferenceArm}"),
            (new("Measure"), e => e.Name),
            (new("Estimate", true), e => Display.Number(e.Estimate, format)),
            (new("SE", true), e => double.IsNaN(e.StandardError) ? "" : Display.Number(e.StandardError, format)),
            (new("df", true), e => double.IsNaN(e.DegreesOfFreedom) ? "" : Display.Number(e.DegreesOfFreedom, "0.##")),
        };
        string ciHeader = CiHeader(rows);
        columns.Add((new(ciHeader, true), e => Display.Interval(e.Ci, format)));
        columns.Add((new("p", true), e => double.IsNaN(e.PValue) ? "" : Display.P(e.PValue)));
        columns.Add((new("n", true), e => Display.Sizes(e.Sizes.Groups)));
        columns.Add((new("Missing", true), e => e.Sizes.Missing > 0 ? Display.Integer(e.Sizes.Missing) : ""));
        columns.Add((new("Note"), e => e.Note));

        var kept = columns.Where(c => c.Column.Header == "Estimate" || c.Column.Header == ciHeader || c.Column.Header == "n" || rows.Any(r => c.Cell(r).Length > 0)).ToList();
        var notes = new List<string>();
        foreach (string line in rows.Where(r => !double.IsNaN(r.Estimate))
                     .Select(r => $"{r.Name}: {MethodWithCi(r)}. {r.Reference}".TrimEnd()).Distinct())
            notes.Add(line);
        foreach (string line in rows.Select(r => r.Comparison.ReferenceNote).Where(s => s.Length > 0).Distinct()) notes.Add(line);
        foreach (string line in rows.Select(r => r.Comparison.MissingData).OfType<MissingDataMethod>().Distinct().Select(m => "Missing data: " + m.Describe() + ".")) notes.Add(line);
        if (report is not null) notes.Add(Display.DataLine(report));
        return TableView.Create(title, kept.Select(c => c.Column).ToList(),
            rows.Select(r => (IReadOnlyList<string>)kept.Select(c => c.Cell(r)).ToList()), notes);
    }

    private static string MethodWithCi(IEstimate e) =>
        e.Method.Contains("CI", StringComparison.Ordinal) || e.Method.Contains("interval", StringComparison.OrdinalIgnoreCase)
            ? e.Method : $"{e.Method}; CI: {CiMethods.Describe(e.Ci.Method)}";

    /// <summary>"95% CI" when every row has the same level, "CI" (with the level in each row's method) otherwise.</summary>
    private static string CiHeader(IEstimate[] rows)
    {
        var levels = rows.Select(r => r.Ci.Level).Where(double.IsFinite).Distinct().ToList();
        return levels.Count == 1 ? (levels[0] * 100).ToString("0.##", CultureInfo.InvariantCulture) + "% CI" : "CI";
    }
}
