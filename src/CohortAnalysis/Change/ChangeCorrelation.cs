using System.Globalization;
using CohortAnalysis.Inference;

namespace CohortAnalysis.Change;

/// <summary>Correlation of change on one parameter with change on another (e.g. MADRS change with pain change), within
/// each arm and overall.</summary>
/// <remarks>As an <see cref="IEstimate"/> it is Pearson's r (NaN with a note when there are fewer than 3 pairs), keyed by
/// <see cref="Comparison"/>: <see cref="Comparison.Term"/> "X ~ Y", the visit, CHG, the arm (null for all subjects) and the
/// missing-data method.</remarks>
/// <param name="Arm">Arm, or "All subjects".</param>
/// <param name="Pearson">Pearson r with the Fisher-z CI (R <c>cor.test</c>); null when fewer than 3 pairs.</param>
/// <param name="Spearman">Spearman ρ with a Fisher-z CI (SE 1/√(n−3)); null when fewer than 3 pairs.</param>
/// <param name="N">Subjects with both changes at the visit.</param>
public sealed record ChangeCorrelationRow(string Arm, CorrelationEstimate? Pearson, CorrelationEstimate? Spearman, int N) : IEstimate
{
    /// <summary>The typed key.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;

    /// <summary>The confidence level asked for (kept for rows without an estimate).</summary>
    public double CiLevel { get; init; } = 0.95;

    /// <inheritdoc />
    public string Name => "Pearson r";
    /// <inheritdoc />
    public double Estimate => Pearson?.Estimate ?? double.NaN;
    /// <inheritdoc />
    public ConfidenceInterval Ci => Pearson?.Ci ?? ConfidenceInterval.NotEstimable(CiLevel, CiMethod.FisherZ);
    /// <inheritdoc />
    public EstimateSizes Sizes => Pearson?.Sizes ?? EstimateSizes.Single(N);
    /// <inheritdoc />
    public string Method => Pearson?.Method ?? "Pearson r; Fisher z CI";
    /// <inheritdoc />
    public string Reference => Pearson?.Reference ?? Citations.Fisher1921;
    /// <inheritdoc />
    public string Note => Pearson?.Note ?? string.Create(CultureInfo.InvariantCulture, $"n = {N}: a correlation needs at least 3 pairs");
    /// <inheritdoc />
    public double Statistic => Pearson?.Statistic ?? double.NaN;
    /// <inheritdoc />
    public double DegreesOfFreedom => Pearson?.DegreesOfFreedom ?? double.NaN;
    /// <inheritdoc />
    public double PValue => Pearson?.PValue ?? double.NaN;
}

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
        int vx = x.VisitIndex(visit), vy = y.VisitIndex(visit);
        var pairs = new List<(int Arm, double X, double Y)>();
        foreach (var (row, other) in AnalysisContext.PairSubjects(x, y))
        {
            double a = x.Change(row, vx), b = y.Change(other, vy);
            if (!double.IsNaN(a) && !double.IsNaN(b)) pairs.Add((x.ArmOf(row), a, b));
        }
        var rows = new List<ChangeCorrelationRow>();
        var key = new Comparison { Term = $"{x.Parameter} ~ {y.Parameter}", Visit = x.Visits[vx], Variable = ChangeVariable.Change, MissingData = missingData };
        for (int arm = 0; arm < cohort.Arms.Count; arm++)
            rows.Add(Row(cohort.Arms[arm], pairs.Where(p => p.Arm == arm).ToList(), options, key with { Arm = cohort.Arms[arm] }));
        rows.Add(Row(AllSubjects, pairs, options, key));
        return new ChangeCorrelationTable(x.Parameter, y.Parameter, x.Visits[vx], missingData, rows);
    }

    private static ChangeCorrelationRow Row(string arm, List<(int Arm, double X, double Y)> pairs, CorrelationOptions? options, Comparison key)
    {
        double[] xs = pairs.Select(p => p.X).ToArray(), ys = pairs.Select(p => p.Y).ToArray();
        bool ok = xs.Length >= 3;
        options ??= CorrelationOptions.Default;
        return new ChangeCorrelationRow(arm,
            ok ? Correlation.Pearson(xs, ys, options with { CiMethod = CiMethod.FisherZ }) with { Comparison = key } : null,
            ok ? Correlation.Spearman(xs, ys, options) with { Comparison = key } : null, xs.Length)
        { Comparison = key, CiLevel = options.CiLevel };
    }

    /// <summary>Per row, Pearson's r then Spearman's ρ (rows with fewer than 3 pairs give one NaN row with a note).</summary>
    public IReadOnlyList<IEstimate> Estimates =>
        [.. Rows.SelectMany(r => r.Pearson is null || r.Spearman is null ? new IEstimate[] { r } : [r.Pearson, r.Spearman])];

    /// <summary>The tidy frame of <see cref="Estimates"/> (<see cref="Rendering.EstimateFrame"/>).</summary>
    public Microsoft.Data.Analysis.DataFrame ToDataFrame() => Rendering.EstimateFrame.From(Estimates);

    /// <inheritdoc />
    public TableView ToTableView() => TableView.Create(
        $"Correlation of {First} change with {Second} change at {Visit.DisplayName}",
        [new("Arm"), new("n", true), new("Pearson r", true), new(CiHeader, true), new("p", true), new("Spearman rho", true), new(CiHeader + " ", true), new("p ", true)],
        Rows.Select(r => (IReadOnlyList<string>)[r.Arm, r.N.ToString(CultureInfo.InvariantCulture),
            Display.Number(r.Pearson?.Estimate ?? double.NaN, "0.000"), r.Pearson is null ? "NA" : Display.Interval(r.Pearson.Ci, "0.000"), Display.P(r.Pearson?.PValue ?? double.NaN),
            Display.Number(r.Spearman?.Estimate ?? double.NaN, "0.000"), r.Spearman is null ? "NA" : Display.Interval(r.Spearman.Ci, "0.000"), Display.P(r.Spearman?.PValue ?? double.NaN)]),
        [$"Missing data: {MissingData.Describe()}. Pearson CI: Fisher z (R cor.test); Spearman CI: {SpearmanCi}."]);

    private string CiHeader => Rows.Count > 0 ? Display.CiHeader(Rows[0].Ci) : "CI";

    private string SpearmanCi => Rows.Select(r => r.Spearman).OfType<CorrelationEstimate>().FirstOrDefault()?.Ci.Method == CiMethod.FisherZBonettWright
        ? "Fisher z with the Bonett-Wright SE sqrt((1+rho^2/2)/(n-3))" : "Fisher z with SE 1/sqrt(n-3)";

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}
