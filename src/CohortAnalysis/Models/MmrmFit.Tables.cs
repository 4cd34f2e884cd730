using System.Globalization;
using System.Text;

namespace CohortAnalysis.Models;

public sealed partial class MmrmFit : ITabular
{
    /// <summary>The model, e.g. "CHG ~ ARM + VISIT + ARM*VISIT + BASE + BASE*VISIT + SEX".</summary>
    public string Formula
    {
        get
        {
            var terms = new List<string> { "ARM", "VISIT", "ARM*VISIT" };
            if (Options.AdjustForBaseline) terms.AddRange(["BASE", "BASE*VISIT"]);
            terms.AddRange(Options.Covariates);
            return $"{Comparison.VariableCode(Outcome)} ~ {string.Join(" + ", terms)}";
        }
    }

    /// <summary>The reference arm of <see cref="Differences"/>; null when the model has no differences.</summary>
    public string? ReferenceArm => Differences.Count == 0 ? null : Differences[0].Comparison.ReferenceArm;

    /// <summary>"unstructured covariance (as requested), REML, Satterthwaite df, model-based SE".</summary>
    public string Settings => string.Create(CultureInfo.InvariantCulture,
        $"{CovarianceStructureNames.Describe(StructureUsed)} covariance{(Options.GroupCovariance ? " per arm" : "")} ({StructureNote}), {(Options.Method == EstimationMethod.Reml ? "REML" : "ML")}, {MmrmModel.DescribeDf(Options.DegreesOfFreedom)} df, {(Options.EmpiricalCovariance ? "empirical (sandwich)" : "model-based")} SE");

    /// <summary>LS means and differences from the reference arm as one table (the notebook view), through the shared
    /// estimate renderer.</summary>
    public TableView ToTableView() => ToTableView(null);

    /// <summary>LS means and differences as one table, with the cohort's data line in the notes.</summary>
    /// <param name="report">The cohort's data-quality report, for the "Data:" note; null to leave it out.</param>
    public TableView ToTableView(DataQualityReport? report)
    {
        TableView table = Rendering.EstimateText.ToTableView($"MMRM of {Parameter} {Comparison.VariableCode(Outcome)}: {Formula}", Estimates, report);
        return table with { Notes = [Settings + ".", .. Exclusions(), .. table.Notes] };
    }

    /// <summary>LS means by arm and visit (SAS "Least Squares Means", emmeans <c>~ ARM | VISIT</c>).</summary>
    /// <param name="visit">Only this visit (study time); null = every visit.</param>
    public TableView LsMeansTable(double? visit = null)
    {
        LsMeanEstimate[] rows = LsMeans.Where(e => visit is null || e.Comparison.Visit?.Time == visit).ToArray();
        string ci = CiHeader(rows);
        return TableView.Create($"LS means of {Parameter} {Comparison.VariableCode(Outcome)} by arm and visit",
            [new("Arm"), new("Visit"), new("LS mean", true), new("SE", true), new("df", true), new(ci, true), new("n", true)],
            rows.Select(e => (IReadOnlyList<string>)[e.Comparison.Arm ?? "", e.Comparison.Visit?.DisplayName ?? "", Number(e.Estimate),
                Number(e.StandardError), Df(e.DegreesOfFreedom), Display.Interval(e.Ci, "0.000"), Display.Integer(e.Sizes.Groups.First)]),
            ["n: subjects observed at the visit; every subject with at least one visit contributes to every LS mean (MAR)."]);
    }

    /// <summary>Each arm minus the reference arm at each visit (SAS <c>PDIFF</c>, emmeans <c>trt.vs.ctrl</c>).</summary>
    /// <param name="visit">Only this visit (study time); null = every visit.</param>
    public TableView DifferencesTable(double? visit = null)
    {
        LsMeanEstimate[] rows = Differences.Where(e => visit is null || e.Comparison.Visit?.Time == visit).ToArray();
        string ci = CiHeader(rows);
        var notes = rows.Select(r => r.Comparison.ReferenceNote).Where(s => s.Length > 0).Distinct().ToList();
        notes.Add("No adjustment for multiplicity across visits.");
        return TableView.Create($"Differences in LS means from {ReferenceArm ?? "the reference arm"} at each visit",
            [new("Visit"), new("Comparison"), new("Difference", true), new("SE", true), new("df", true), new(ci, true), new("t", true),
                new("p", true), new("n", true)],
            rows.Select(e => (IReadOnlyList<string>)[e.Comparison.Visit?.DisplayName ?? "", $"{e.Comparison.Arm} - {e.Comparison.ReferenceArm}",
                Number(e.Estimate), Number(e.StandardError), Df(e.DegreesOfFreedom), Display.Interval(e.Ci, "0.000"), Display.Number(e.Statistic, "0.00"),
                Display.P(e.PValue), Display.Sizes(e.Sizes.Groups)]),
            notes);
    }

    /// <summary>Fit statistics as SAS prints them: −2 (Res) Log Likelihood, AIC, AICC, BIC; with the covariance
    /// parameters, iterations, convergence and the records used.</summary>
    public TableView FitStatisticsTable()
    {
        string likelihood = Options.Method == EstimationMethod.Reml ? "-2 Res Log Likelihood" : "-2 Log Likelihood";
        return TableView.Create("Fit statistics (smaller is better)", [new("Statistic"), new("Value", true)],
        [
            [likelihood, Display.Number(Minus2LogLikelihood, "0.0###")],
            ["AIC", Display.Number(Aic, "0.0###")],
            ["AICC", Display.Number(Aicc, "0.0###")],
            ["BIC", Display.Number(Bic, "0.0###")],
            ["Covariance parameters", Display.Integer(CovarianceParameterCount)],
            ["Iterations", Display.Integer(Iterations)],
            ["Converged", string.Create(CultureInfo.InvariantCulture, $"yes (criterion {ConvergenceCriterion:0.0E+0})")],
            ["Observations used", Display.Integer(ObservationsUsed)],
            ["Subjects", Display.Integer(SubjectsUsed)],
        ], ConvergenceNotes.Select(n => "Not used: " + n + "."));
    }

    /// <summary>The Type III F tests of the fixed effects (SAS "Type 3 Tests of Fixed Effects").</summary>
    public TableView TypeIIITable() => TermTestTable.Of("Type III tests of fixed effects", TypeIIITests,
        TypeIIITests.Any(t => t.Scale != 1) ? ["F: the Kenward–Roger scaled statistic λ·F."] : []);

    /// <summary>The estimated covariance matrix of one covariance group, with the correlations below the diagonal
    /// (SAS <c>R</c> and <c>RCORR</c> options in one table).</summary>
    /// <param name="group">Index into <see cref="Covariance"/> (0 unless the fit has one covariance per arm).</param>
    public TableView CovarianceTable(int group = 0)
    {
        MmrmCovariance c = Covariance[group];
        int t = c.Visits.Count;
        string title = $"Estimated covariance ({CovarianceStructureNames.Describe(StructureUsed)}, TYPE={CovarianceStructureNames.Sas(StructureUsed)})"
            + (Covariance.Count > 1 ? $" for {c.Group}" : "");
        var columns = new List<TableColumn> { new("") };
        columns.AddRange(c.Visits.Select(v => new TableColumn(v.DisplayName, true)));
        var rows = Enumerable.Range(0, t).Select(i => (IReadOnlyList<string>)
            [c.Visits[i].DisplayName, .. Enumerable.Range(0, t).Select(j => j >= i ? Number(c.Matrix[i, j]) : Display.Number(c.Correlation[i, j], "0.000"))]);
        string parameters = string.Join(", ", c.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} = {p.Estimate:0.####}")));
        return TableView.Create(title, columns, rows,
            ["Covariances on and above the diagonal, correlations below.", $"Covariance parameters (SAS names): {parameters}."]);
    }

    /// <summary>The whole fit as text: model and settings, LS means, differences, fit statistics and the covariance.</summary>
    /// <param name="report">The cohort's data-quality report, for the "Data:" line; optional.</param>
    /// <param name="visit">Only this visit's LS means and differences (the model still uses every visit); null = all.</param>
    public string ToText(DataQualityReport? report = null, double? visit = null)
    {
        var text = new StringBuilder();
        text.AppendLine($"MMRM of {Parameter} {Comparison.VariableCode(Outcome)}: {Formula}");
        text.AppendLine(char.ToUpperInvariant(Settings[0]) + Settings[1..] + ".");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{ObservationsUsed} observations from {SubjectsUsed} subjects."));
        foreach (string line in Exclusions()) text.AppendLine(line);
        if (report is not null) text.AppendLine(Display.DataLine(report));
        text.AppendLine();
        text.AppendLine(TextTable.Render(LsMeansTable(visit)));
        text.AppendLine(TextTable.Render(DifferencesTable(visit)));
        if (TypeIIITests.Count > 0) text.AppendLine(TextTable.Render(TypeIIITable()));
        text.AppendLine(TextTable.Render(FitStatisticsTable()));
        for (int g = 0; g < Covariance.Count; g++)
        {
            if (g > 0) text.AppendLine();
            text.Append(TextTable.Render(CovarianceTable(g)));
        }
        string method = LsMeans.Count > 0 ? LsMeans[0].Method : "";
        if (method.Length > 0) text.AppendLine().AppendLine($"Method: {method}. {LsMeans[0].Reference}");
        return text.ToString();
    }

    private IEnumerable<string> Exclusions() =>
        ExcludedSubjects.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Value} subjects not analysed: {e.Key}."))
            .Concat(Excluded.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Value} records not analysed: {e.Key}.")));

    private static string Number(double x) => Display.Number(x, "0.000");

    private static string Df(double df) => Display.Number(df, "0.0");

    private static string CiHeader(IReadOnlyList<LsMeanEstimate> rows) => rows.Count == 0 ? "CI" : Display.CiHeader(rows[0].Ci);
}
