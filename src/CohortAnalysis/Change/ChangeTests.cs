using System.Globalization;
using CohortAnalysis.Inference;

namespace CohortAnalysis.Change;

/// <summary>Within-arm change at one visit: paired t and Wilcoxon signed-rank on CHG.</summary>
/// <param name="Arm">Arm.</param>
/// <param name="N">Subjects with a CHG at the visit.</param>
/// <param name="PairedT">One-sample t on CHG (= paired t of visit vs baseline): mean change, CI, t, df, p; null when n &lt; 2.</param>
/// <param name="SignedRank">Wilcoxon signed-rank on CHG (V, p, exact or normal approximation); null when n = 0.</param>
/// <param name="Note">Why a test is missing, or empty.</param>
public sealed record WithinArmChange(string Arm, int N, TTestEstimate? PairedT, RankTestResult? SignedRank, string Note);

/// <summary>Within-arm change of one parameter at one visit, per arm.</summary>
/// <param name="Parameter">Parameter code.</param>
/// <param name="Visit">Visit.</param>
/// <param name="MissingData">Missing-data method applied.</param>
/// <param name="Arms">One row per arm.</param>
public sealed record WithinArmChangeTable(string Parameter, Visit Visit, MissingDataMethod MissingData, IReadOnlyList<WithinArmChange> Arms) : ITabular
{
    /// <inheritdoc />
    public TableView ToTableView() => TableView.Create(
        $"{Parameter}: within-arm change at {Visit.DisplayName}",
        [new("Arm"), new("n", true), new("Mean CHG", true), new("95% CI", true), new("t", true), new("df", true), new("p (t)", true),
         new("V", true), new("p (signed rank)", true), new("Method")],
        Arms.Select(a => (IReadOnlyList<string>)[a.Arm, Display.Integer(a.N), Display.Number(a.PairedT?.Estimate ?? double.NaN, "0.00"),
            a.PairedT is null ? "NA" : Display.Interval(a.PairedT.Ci, "0.00"), Display.Number(a.PairedT?.T ?? double.NaN, "0.00"),
            Display.Number(a.PairedT?.Df ?? double.NaN, "0.#"), Display.P(a.PairedT?.PValue ?? double.NaN),
            Display.Number(a.SignedRank?.Statistic ?? double.NaN, "0.#"), Display.P(a.SignedRank?.PValue ?? double.NaN),
            a.SignedRank is null ? a.Note : a.SignedRank.PValueMethod == RankPValueMethod.Exact ? "exact" : "normal approx. with continuity correction"]),
        [$"Missing data: {MissingData.Describe()}."]);

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}

/// <summary>Comparison of CHG between two arms at one visit: difference in means (Student and Welch) and Mann–Whitney.</summary>
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
    GroupSizes N, TTestEstimate? Student, TTestEstimate? Welch, RankTestResult? MannWhitney, string Note) : ITabular
{
    /// <inheritdoc />
    public TableView ToTableView()
    {
        IReadOnlyList<string> Row(string name, TTestEstimate? t) => [name, Display.Number(t?.Estimate ?? double.NaN, "0.00"),
            t is null ? "NA" : Display.Interval(t.Ci, "0.00"), Display.Number(t?.T ?? double.NaN, "0.00"), Display.Number(t?.Df ?? double.NaN, "0.0"), Display.P(t?.PValue ?? double.NaN)];
        return TableView.Create(
            $"{Parameter} CHG at {Visit.DisplayName}: {Treatment} − {Reference} ({N})",
            [new("Test"), new("Difference", true), new("95% CI", true), new("Statistic", true), new("df", true), new("p", true)],
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
        int v = VisitIndex(trajectories, visit);
        var rows = new List<WithinArmChange>();
        for (int arm = 0; arm < trajectories.Cohort.Arms.Count; arm++)
        {
            double[] chg = trajectories.ArmValues(arm, v, ChangeVariable.Change);
            if (chg.Length == 0 && !HasArm(trajectories, arm)) continue;
            TTestEstimate? t = chg.Length >= 2 ? TTest.OneSample(chg, tOptions) : null;
            RankTestResult? w = chg.Length >= 1 ? RankTest.WilcoxonSignedRank(chg, rankOptions) : null;
            string note = chg.Length < 2 ? string.Create(CultureInfo.InvariantCulture, $"n = {chg.Length}: too few changes for a t test.") : "";
            rows.Add(new WithinArmChange(trajectories.Cohort.Arms[arm], chg.Length, t, w, note));
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
        int v = VisitIndex(trajectories, visit);
        double[] x = trajectories.ArmValues(ArmIndex(trajectories, treatment), v, ChangeVariable.Change);
        double[] y = trajectories.ArmValues(ArmIndex(trajectories, reference), v, ChangeVariable.Change);
        tOptions ??= TTestOptions.Default;
        bool tOk = x.Length >= 2 && y.Length >= 2;
        string note = tOk ? "" : string.Create(CultureInfo.InvariantCulture, $"n = {x.Length} vs {y.Length}: each arm needs 2 changes for a t test.");
        return new BetweenArmChange(trajectories.Parameter, trajectories.Visits[v], treatment, reference, trajectories.MissingData,
            new GroupSizes(x.Length, y.Length),
            tOk ? TTest.TwoSample(x, y, tOptions with { EqualVariance = true }) : null,
            tOk ? TTest.TwoSample(x, y, tOptions with { EqualVariance = false }) : null,
            x.Length >= 1 && y.Length >= 1 ? RankTest.MannWhitney(x, y, rankOptions) : null,
            note);
    }

    internal static int VisitIndex(Trajectories t, double visit)
    {
        int v = t.IndexOfVisit(visit);
        if (v < 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{t.Parameter} has no visit {visit:0.###}; its visits are {string.Join(", ", t.Visits.Select(x => x.Time))}."), nameof(visit));
        return v;
    }

    internal static int ArmIndex(Trajectories t, string arm)
    {
        int a = t.Cohort.Arms.ToList().IndexOf(arm);
        if (a < 0) throw new ArgumentException($"No arm '{arm}'; arms are: {string.Join(", ", t.Cohort.Arms)}.", nameof(arm));
        return a;
    }

    private static bool HasArm(Trajectories t, int arm) => Enumerable.Range(0, t.SubjectCount).Any(r => t.ArmOf(r) == arm);
}
