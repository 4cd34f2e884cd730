using System.Globalization;
using CohortAnalysis.Inference;

namespace CohortAnalysis.Change;

/// <summary>Correlation of change on one parameter with change on another (e.g. MADRS change with pain change), within
/// each arm and overall.</summary>
/// <param name="Arm">Arm, or "All subjects".</param>
/// <param name="Pearson">Pearson r with the Fisher-z CI (R <c>cor.test</c>); null when fewer than 3 pairs.</param>
/// <param name="Spearman">Spearman ρ with a Fisher-z CI (SE 1/√(n−3)); null when fewer than 3 pairs.</param>
/// <param name="N">Subjects with both changes at the visit.</param>
public sealed record ChangeCorrelationRow(string Arm, CorrelationEstimate? Pearson, CorrelationEstimate? Spearman, int N);

/// <summary>Correlations of two parameters' changes at one visit.</summary>
/// <param name="First">First parameter (x).</param>
/// <param name="Second">Second parameter (y).</param>
/// <param name="Visit">Visit.</param>
/// <param name="MissingData">Missing-data method of both.</param>
/// <param name="Rows">Per arm, then all subjects.</param>
public sealed record ChangeCorrelationTable(string First, string Second, Visit Visit, MissingDataMethod MissingData, IReadOnlyList<ChangeCorrelationRow> Rows) : ITabular
{
    /// <summary>The label of the overall row.</summary>
    public const string AllSubjects = "All subjects";

    /// <summary>Pairs each subject's CHG on <paramref name="first"/> and <paramref name="second"/> at <paramref name="visit"/>.</summary>
    public static ChangeCorrelationTable Of(Cohort cohort, string first, string second, double visit,
        MissingDataMethod missingData = MissingDataMethod.ObservedCases, CorrelationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        Trajectories x = Trajectories.Of(cohort, first, missingData), y = Trajectories.Of(cohort, second, missingData);
        int vx = ChangeFromBaseline.VisitIndex(x, visit), vy = ChangeFromBaseline.VisitIndex(y, visit);
        var yRow = new Dictionary<int, int>();
        for (int row = 0; row < y.SubjectCount; row++) yRow[y.SubjectIndices[row]] = row;
        var pairs = new List<(int Arm, double X, double Y)>();
        for (int row = 0; row < x.SubjectCount; row++)
        {
            if (!yRow.TryGetValue(x.SubjectIndices[row], out int other)) continue;
            double a = x.Change(row, vx), b = y.Change(other, vy);
            if (!double.IsNaN(a) && !double.IsNaN(b)) pairs.Add((x.ArmOf(row), a, b));
        }
        var rows = new List<ChangeCorrelationRow>();
        for (int arm = 0; arm < cohort.Arms.Count; arm++)
            rows.Add(Row(cohort.Arms[arm], pairs.Where(p => p.Arm == arm).ToList(), options));
        rows.Add(Row(AllSubjects, pairs, options));
        return new ChangeCorrelationTable(x.Parameter, y.Parameter, x.Visits[vx], missingData, rows);
    }

    private static ChangeCorrelationRow Row(string arm, List<(int Arm, double X, double Y)> pairs, CorrelationOptions? options)
    {
        double[] xs = pairs.Select(p => p.X).ToArray(), ys = pairs.Select(p => p.Y).ToArray();
        bool ok = xs.Length >= 3;
        return new ChangeCorrelationRow(arm, ok ? Correlation.Pearson(xs, ys, options) : null, ok ? Correlation.Spearman(xs, ys, options) : null, xs.Length);
    }

    /// <inheritdoc />
    public TableView ToTableView() => TableView.Create(
        $"Correlation of {First} change with {Second} change at {Visit.DisplayName}",
        [new("Arm"), new("n", true), new("Pearson r", true), new("95% CI", true), new("p", true), new("Spearman rho", true), new("95% CI ", true), new("p ", true)],
        Rows.Select(r => (IReadOnlyList<string>)[r.Arm, r.N.ToString(CultureInfo.InvariantCulture),
            Display.Number(r.Pearson?.Value ?? double.NaN, "0.000"), r.Pearson is null ? "NA" : Display.Interval(r.Pearson.Ci, "0.000"), Display.P(r.Pearson?.PValue ?? double.NaN),
            Display.Number(r.Spearman?.Value ?? double.NaN, "0.000"), r.Spearman is null ? "NA" : Display.Interval(r.Spearman.Ci, "0.000"), Display.P(r.Spearman?.PValue ?? double.NaN)]),
        [$"Missing data: {MissingData.Describe()}. Pearson CI: Fisher z (R cor.test); Spearman CI: Fisher z with SE 1/sqrt(n-3)."]);

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}
