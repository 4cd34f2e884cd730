using System.Globalization;
using CohortAnalysis.Inference;

namespace CohortAnalysis.Change;

/// <summary>Within-arm change at one visit: paired t and Wilcoxon signed-rank on CHG.</summary>
/// <remarks>As an <see cref="IEstimate"/> it is the mean change with its paired-t interval, keyed by <see cref="Comparison"/>
/// (NaN with a note when the arm has fewer than two changes); the signed-rank test is a separate row in
/// <see cref="WithinArmChangeTable.Estimates"/>.</remarks>
/// <param name="Arm">Arm.</param>
/// <param name="N">Subjects with a CHG at the visit.</param>
/// <param name="PairedT">One-sample t on CHG (= paired t of visit vs baseline): mean change, CI, t, df, p; null when n &lt; 2.</param>
/// <param name="SignedRank">Wilcoxon signed-rank on CHG (V, p, exact or normal approximation); null when n = 0.</param>
/// <param name="Note">Why a test is missing, or empty.</param>
public sealed record WithinArmChange(string Arm, int N, TTestEstimate? PairedT, RankTestResult? SignedRank, string Note) : IHeadlineEstimate
{
    /// <summary>The typed key: parameter, visit, CHG, arm and missing-data method.</summary>
    public Comparison Comparison { get; init; } = new() { Arm = Arm, Variable = ChangeVariable.Change };

    /// <summary>The paired t estimate, or a not-estimable one (n &lt; 2) with the level asked for.</summary>
    public IEstimate Headline => PairedT ?? TTestEstimate.NotEstimable(EstimateSizes.Single(N), CiLevel, "One-sample t test on CHG", Citations.Student1908) with { Comparison = Comparison };

    /// <summary>The headline's estimate (also <see cref="IEstimate.Estimate"/>).</summary>
    public double Estimate => Headline.Estimate;

    /// <summary>The headline's confidence interval, with its level and method.</summary>
    public ConfidenceInterval Ci => Headline.Ci;

    /// <summary>The headline's group sizes, with missing and excluded counts.</summary>
    public EstimateSizes Sizes => Headline.Sizes;

    /// <summary>The headline's p-value (NaN when it has none).</summary>
    public double PValue => Headline.PValue;

    string IEstimate.Name => "Mean change";
    string IEstimate.Note => Note.Length > 0 ? Note : Headline.Note;

    /// <summary>The confidence level asked for (kept for rows without a t test).</summary>
    public double CiLevel { get; init; } = 0.95;
}

/// <summary>Within-arm change of one parameter at one visit, per arm.</summary>
/// <param name="Parameter">Parameter code.</param>
/// <param name="Visit">Visit.</param>
/// <param name="MissingData">Missing-data method applied.</param>
/// <param name="Arms">One row per arm.</param>
public sealed record WithinArmChangeTable(string Parameter, Visit Visit, MissingDataMethod MissingData, IReadOnlyList<WithinArmChange> Arms) : ITabular
{
    /// <summary>Per arm, the mean change (paired t) and then the signed-rank test, each keyed by its comparison.</summary>
    public IReadOnlyList<IEstimate> Estimates =>
        [.. Arms.SelectMany(a => a.SignedRank is null ? new IEstimate[] { a } : [a, a.SignedRank])];

    /// <summary>The tidy frame of <see cref="Estimates"/> (<see cref="Rendering.EstimateFrame"/>).</summary>
    public Microsoft.Data.Analysis.DataFrame ToDataFrame() => Rendering.EstimateFrame.From(Estimates);

    /// <inheritdoc />
    public TableView ToTableView() => TableView.Create(
        $"{Parameter}: within-arm change at {Visit.DisplayName}",
        [new("Arm"), new("n", true), new("Mean CHG", true), new(CiHeader, true), new("t", true), new("df", true), new("p (t)", true),
         new("V", true), new("p (signed rank)", true), new("Method")],
        Arms.Select(a => (IReadOnlyList<string>)[a.Arm, Display.Integer(a.N), Display.Number(a.PairedT?.Estimate ?? double.NaN, "0.00"),
            a.PairedT is null ? "NA" : Display.Interval(a.PairedT.Ci, "0.00"), Display.Number(a.PairedT?.Statistic ?? double.NaN, "0.00"),
            Display.Number(a.PairedT?.DegreesOfFreedom ?? double.NaN, "0.#"), Display.P(a.PairedT?.PValue ?? double.NaN),
            Display.Number(a.SignedRank?.Statistic ?? double.NaN, "0.#"), Display.P(a.SignedRank?.PValue ?? double.NaN),
            a.SignedRank is null ? a.Note : a.SignedRank.PValueMethod == RankPValueMethod.Exact ? "exact" : "normal approx. with continuity correction"]),
        [$"Missing data: {MissingData.Describe()}."]);

    private string CiHeader => Arms.Count > 0 ? Display.CiHeader(((IEstimate)Arms[0]).Ci) : "CI";

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}

/// <summary>Comparison of CHG between two arms at one visit: difference in means (Student and Welch) and Mann–Whitney.</summary>
/// <remarks>As an <see cref="IEstimate"/> it is the Welch difference (R's default); <see cref="Estimates"/> holds Welch,
/// Student and Mann–Whitney, each with the same <see cref="Comparison"/>.</remarks>
/// <param name="Parameter">Parameter code.</param>
/// <param name="Visit">Visit.</param>
/// <param name="Treatment">First arm (the difference is Treatment − Reference).</param>
/// <param name="Reference">Second (reference) arm.</param>
/// <param name="MissingData">Missing-data method applied.</param>
/// <param name="N">CHG values used per arm.</param>
/// <param name="Student">Pooled-variance t (R <c>t.test(var.equal = TRUE)</c>, SAS TTEST "Pooled"); null when not estimable.</param>
/// <param name="Welch">Welch–Satterthwaite t (R default; SAS "Satterthwaite"); null when not estimable.</param>
/// <param name="MannWhitney">Wilcoxon rank-sum / Mann–Whitney (W as R); null when an arm has no value.</param>
/// <param name="Note">Why a test is missing, or empty.</param>
public sealed record BetweenArmChange(string Parameter, Visit Visit, string Treatment, string Reference, MissingDataMethod MissingData,
    GroupSizes N, TTestEstimate? Student, TTestEstimate? Welch, RankTestResult? MannWhitney, string Note) : ITabular, IHeadlineEstimate
{
    /// <summary>The typed key: parameter, visit, CHG, treatment vs reference arm, missing-data method.</summary>
    public Comparison Comparison { get; init; } = new()
    {
        Parameter = Parameter, Visit = Visit, Variable = ChangeVariable.Change, Arm = Treatment, ReferenceArm = Reference,
        ReferenceSource = ReferenceArmSource.Given, MissingData = MissingData,
    };

    /// <summary>Welch, Student and Mann–Whitney results that exist.</summary>
    public IReadOnlyList<IEstimate> Estimates => new IEstimate?[] { Welch, Student, MannWhitney }.OfType<IEstimate>().ToList();

    /// <summary>The tidy frame of <see cref="Estimates"/> (<see cref="Rendering.EstimateFrame"/>).</summary>
    public Microsoft.Data.Analysis.DataFrame ToDataFrame() => Rendering.EstimateFrame.From(Estimates);

    /// <summary>The Welch estimate, or a not-estimable one (an arm with fewer than two changes) with the level asked for.</summary>
    public IEstimate Headline => Welch ?? TTestEstimate.NotEstimable(N, CiLevel, "Welch two-sample t test", Citations.Welch1947) with { Comparison = Comparison };

    /// <summary>The headline's estimate (also <see cref="IEstimate.Estimate"/>).</summary>
    public double Estimate => Headline.Estimate;

    /// <summary>The headline's confidence interval, with its level and method.</summary>
    public ConfidenceInterval Ci => Headline.Ci;

    /// <summary>The headline's group sizes, with missing and excluded counts.</summary>
    public EstimateSizes Sizes => Headline.Sizes;

    /// <summary>The headline's p-value (NaN when it has none).</summary>
    public double PValue => Headline.PValue;

    // The positional Reference is the reference arm and Note the row's own note; the contract's are the citation and
    // the row note, else the test's.
    string IEstimate.Reference => Headline.Reference;
    string IEstimate.Note => Note.Length > 0 ? Note : Headline.Note;

    /// <summary>The confidence level asked for.</summary>
    public double CiLevel { get; init; } = 0.95;

    /// <inheritdoc />
    public TableView ToTableView()
    {
        IReadOnlyList<string> Row(string name, TTestEstimate? t) => [name, Display.Number(t?.Estimate ?? double.NaN, "0.00"),
            t is null ? "NA" : Display.Interval(t.Ci, "0.00"), Display.Number(t?.Statistic ?? double.NaN, "0.00"), Display.Number(t?.DegreesOfFreedom ?? double.NaN, "0.0"), Display.P(t?.PValue ?? double.NaN)];
        return TableView.Create(
            $"{Parameter} CHG at {Visit.DisplayName}: {Treatment} − {Reference} (n = {N})",
            [new("Test"), new("Difference", true), new(Display.CiHeader(Headline.Ci), true), new("Statistic", true), new("df", true), new("p", true)],
            [Row("t (pooled SD)", Student), Row("t (Welch)", Welch),
             ["Mann-Whitney (W)", "", "", Display.Number(MannWhitney?.Statistic ?? double.NaN, "0.#"), "", Display.P(MannWhitney?.PValue ?? double.NaN)]],
            [$"Missing data: {MissingData.Describe()}.", .. Note.Length > 0 ? new[] { Note } : []]);
    }

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}

public static partial class ChangeFromBaseline
{
    /// <summary>Within-arm change at a visit: paired t (one-sample t on CHG) and Wilcoxon signed-rank, per arm.</summary>
    /// <remarks>Paired t as R <c>t.test(chg)</c>; signed-rank as R <c>wilcox.test(chg)</c> (exact for n &lt; 50 without ties
    /// or zeros, otherwise normal approximation with continuity correction; the result says which). Arms with too few
    /// values get nulls and a note instead of an exception.</remarks>
    public static WithinArmChangeTable TestWithinArms(Trajectories trajectories, double visit, TTestOptions? tOptions = null, RankTestOptions? rankOptions = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        int v = trajectories.VisitIndex(visit);
        var rows = new List<WithinArmChange>();
        for (int arm = 0; arm < trajectories.Cohort.Arms.Count; arm++)
        {
            double[] chg = trajectories.ArmValues(arm, v, ChangeVariable.Change, out int missing);
            if (chg.Length + missing == 0) continue;
            TTestEstimate? t = chg.Length >= 2 ? TTest.OneSample(chg, tOptions) : null;
            RankTestResult? w = chg.Length >= 1 ? RankTest.WilcoxonSignedRank(chg, rankOptions) : null;
            string note = chg.Length < 2 ? string.Create(CultureInfo.InvariantCulture, $"n = {chg.Length}: too few changes for a t test.") : "";
            string armName = trajectories.Cohort.Arms[arm];
            var key = new Comparison
            {
                Parameter = trajectories.Parameter, Visit = trajectories.Visits[v], Variable = ChangeVariable.Change, Arm = armName,
                MissingData = trajectories.MissingData,
            };
            rows.Add(new WithinArmChange(armName, chg.Length, t is null ? null : t with { Comparison = key }, w is null ? null : w with { Comparison = key }, note)
            {
                Comparison = key, CiLevel = (tOptions ?? TTestOptions.Default).CiLevel,
            });
        }
        return new WithinArmChangeTable(trajectories.Parameter, trajectories.Visits[v], trajectories.MissingData, rows);
    }

    /// <summary>CHG at a visit compared between two arms: Treatment − Reference.</summary>
    /// <remarks>Student (pooled) and Welch t as R <c>t.test(x, y, var.equal = TRUE/FALSE)</c>; Mann–Whitney as R
    /// <c>wilcox.test(x, y)</c>. Swapping the arms flips the sign of the difference and its interval.</remarks>
    /// <exception cref="ArgumentException">An arm name is not in the cohort.</exception>
    public static BetweenArmChange CompareArms(Trajectories trajectories, double visit, string treatment, string reference,
        TTestOptions? tOptions = null, RankTestOptions? rankOptions = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentNullException.ThrowIfNull(reference);
        return CompareArms(AnalysisContext.Of(trajectories, reference), visit, treatment, tOptions, rankOptions);
    }

    /// <summary>CHG at a visit compared between <paramref name="treatment"/> and the context's reference arm (named or
    /// guessed; the result's <see cref="Comparison"/> says which).</summary>
    /// <exception cref="ArgumentException">The arm is not in the cohort or is the reference arm.</exception>
    public static BetweenArmChange CompareArms(AnalysisContext context, double visit, string treatment,
        TTestOptions? tOptions = null, RankTestOptions? rankOptions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        Trajectories trajectories = context.Trajectories;
        int v = context.VisitIndex(visit);
        treatment = context.Treatment(treatment);
        string reference = context.ReferenceArm;
        double[] x = context.Values(treatment, v, ChangeVariable.Change).Values;
        double[] y = context.Values(reference, v, ChangeVariable.Change).Values;
        tOptions ??= TTestOptions.Default;
        bool tOk = x.Length >= 2 && y.Length >= 2;
        string note = tOk ? "" : string.Create(CultureInfo.InvariantCulture, $"n = {x.Length} vs {y.Length}: each arm needs 2 changes for a t test.");
        Comparison key = context.Between(treatment, v, ChangeVariable.Change);
        return new BetweenArmChange(trajectories.Parameter, trajectories.Visits[v], treatment, reference, trajectories.MissingData,
            new GroupSizes(x.Length, y.Length),
            tOk ? TTest.TwoSample(x, y, tOptions with { EqualVariance = true }) with { Comparison = key } : null,
            tOk ? TTest.TwoSample(x, y, tOptions with { EqualVariance = false }) with { Comparison = key } : null,
            x.Length >= 1 && y.Length >= 1 ? RankTest.MannWhitney(x, y, rankOptions) with { Comparison = key } : null,
            note) { CiLevel = tOptions.CiLevel, Comparison = key };
    }
}
