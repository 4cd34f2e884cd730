using System.Globalization;
using CohortAnalysis.Instruments;

namespace CohortAnalysis.Change;

/// <summary>Every subject's scores on one parameter as a subjects × visits grid, with baseline, change and percent
/// change, after a missing-data method has filled (and flagged) missing post-baseline visits.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Built once from a <see cref="Cohort"/> with <see cref="Of"/>; summaries, responder
/// analyses and plots read from it. Visits are those at which the parameter was recorded, by increasing time.</para>
/// <para>Imputation fills only visits after the subject's baseline and only with values observed before the visit, so
/// CHG of an imputed value is relative to the same baseline. <see cref="ImputedCount"/> says how many cells were filled.</para>
/// </remarks>
public sealed class Trajectories
{
    private readonly double[] _value;
    private readonly double[] _visitTimes;
    private readonly bool[] _imputed;
    private readonly double[] _baseline, _baselineTime;

    private Trajectories(Cohort cohort, string parameter, Instrument? instrument, MissingDataMethod method, Visit[] visits,
        int[] subjects, double[] value, bool[] imputed, double[] baseline, double[] baselineTime, int imputedCount)
    {
        Cohort = cohort; Parameter = parameter; Instrument = instrument; MissingData = method; Visits = visits; SubjectIndices = subjects;
        _value = value; _imputed = imputed; _baseline = baseline; _baselineTime = baselineTime;
        _visitTimes = Array.ConvertAll(visits, v => v.Time);
        ImputedCount = imputedCount;
    }

    /// <summary>The cohort these trajectories come from.</summary>
    public Cohort Cohort { get; }

    /// <summary>Parameter code.</summary>
    public string Parameter { get; }

    /// <summary>The parameter's instrument, or null when none is registered.</summary>
    public Instrument? Instrument { get; }

    /// <summary>How missing visits were handled.</summary>
    public MissingDataMethod MissingData { get; }

    /// <summary>Visits at which the parameter was recorded, by time (the grid's columns).</summary>
    public IReadOnlyList<Visit> Visits { get; }

    /// <summary>Cohort subject indices with at least one row of this parameter (the grid's rows).</summary>
    public IReadOnlyList<int> SubjectIndices { get; }

    /// <summary>Number of cells filled by the missing-data method.</summary>
    public int ImputedCount { get; }

    /// <summary>Number of subjects (rows).</summary>
    public int SubjectCount => SubjectIndices.Count;

    /// <summary>Arm index (into <see cref="Cohort.Arms"/>) of grid row <paramref name="row"/>.</summary>
    public int ArmOf(int row) => Cohort.ArmIndexOfSubject(SubjectIndices[row]);

    /// <summary>Subject identifier of grid row <paramref name="row"/>.</summary>
    public string SubjectOf(int row) => Cohort.Subjects[SubjectIndices[row]];

    /// <summary>Score (AVAL) at grid cell (row, visit); NaN when missing.</summary>
    public double Value(int row, int visit) => _value[row * _visitTimes.Length + visit];

    /// <summary>Change from baseline at grid cell; NaN at or before baseline, or when missing.</summary>
    /// <remarks>Worked out from the cell's value and the subject's baseline when asked (the grid holds the values only).</remarks>
    public double Change(int row, int visit) =>
        DerivedChange.Change(_value[row * _visitTimes.Length + visit], _visitTimes[visit], _baseline[row], _baselineTime[row]);

    /// <summary>Percent change from baseline at grid cell; NaN when undefined (baseline 0) or missing.</summary>
    public double PercentChange(int row, int visit) => DerivedChange.PercentChange(Change(row, visit), _baseline[row]);

    /// <summary>Whether grid cell (row, visit) was filled by the missing-data method.</summary>
    public bool IsImputed(int row, int visit) => _imputed[row * _visitTimes.Length + visit];

    /// <summary>The subject's baseline value; NaN when none.</summary>
    public double Baseline(int row) => _baseline[row];

    /// <summary>Whether <paramref name="visit"/> is after the subject's baseline (so CHG is defined there).</summary>
    public bool IsPostBaseline(int row, int visit) => !double.IsNaN(_baselineTime[row]) && _visitTimes[visit] > _baselineTime[row];

    /// <summary>The non-missing values of <paramref name="variable"/> (AVAL, CHG or PCHG) of one arm's subjects at the
    /// visit at study time <paramref name="visit"/>, e.g. <c>madrs.ArmValues("Placebo", 6)</c> for the week-6 changes.</summary>
    /// <exception cref="ArgumentException">No such arm or visit (the message lists those there are).</exception>
    public double[] ArmValues(string arm, double visit, ChangeVariable variable = ChangeVariable.Change) =>
        ArmValues(ArmIndex(arm), VisitIndex(visit), variable);

    /// <summary>The non-missing values of <paramref name="variable"/> of one arm's subjects at a visit (by index).</summary>
    internal double[] ArmValues(int arm, int visit, ChangeVariable variable) => ArmValues(arm, visit, variable, out _);

    /// <summary>The non-missing values of <paramref name="variable"/> of one arm's subjects at a visit, and how many of the
    /// arm's subjects had none there.</summary>
    internal double[] ArmValues(int arm, int visit, ChangeVariable variable, out int missing)
    {
        var values = new List<double>();
        missing = 0;
        for (int row = 0; row < SubjectCount; row++)
        {
            if (ArmOf(row) != arm) continue;
            double x = variable switch { ChangeVariable.Value => Value(row, visit), ChangeVariable.Change => Change(row, visit), _ => PercentChange(row, visit) };
            if (double.IsNaN(x)) missing++; else values.Add(x);
        }
        return values.ToArray();
    }

    /// <summary>Index of the visit at study time <paramref name="time"/>, or −1.</summary>
    public int IndexOfVisit(double time)
    {
        for (int v = 0; v < Visits.Count; v++) if (Visits[v].Time == time) return v;
        return -1;
    }

    /// <summary>Index into <see cref="Visits"/> of the visit at study time <paramref name="time"/>.</summary>
    /// <exception cref="ArgumentException">The parameter has no such visit (the message lists its visits with labels).</exception>
    public int VisitIndex(double time)
    {
        int v = IndexOfVisit(time);
        if (v < 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{Parameter} has no visit {time:0.###}; its visits are {string.Join(", ", Visits.Select(x => $"{x.Time:0.###} ({x.DisplayName})"))}."), "visit");
        return v;
    }

    /// <summary>Index into the cohort's arms of <paramref name="arm"/>.</summary>
    /// <exception cref="ArgumentException">No such arm (the message lists the arms).</exception>
    public int ArmIndex(string arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        for (int a = 0; a < Cohort.Arms.Count; a++)
            if (string.Equals(Cohort.Arms[a], arm, StringComparison.Ordinal)) return a;
        throw new ArgumentException($"No arm '{arm}'; arms are: {string.Join(", ", Cohort.Arms)}.", nameof(arm));
    }

    /// <summary>Builds the grid for one parameter (code or instrument alias).</summary>
    /// <exception cref="ArgumentException">The cohort has no such parameter; the message lists those it has.</exception>
    public static Trajectories Of(Cohort cohort, string parameter, MissingDataMethod missingData = MissingDataMethod.ObservedCases)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        int p = cohort.IndexOfParameter(parameter);
        if (p < 0)
            throw new ArgumentException($"The cohort has no parameter '{parameter}'; it has: {string.Join(", ", cohort.Parameters)}.", nameof(parameter));
        string code = cohort.Parameters[p];
        var (start, length) = cohort.RowsOf(p).GetOffsetAndLength(cohort.ObservationCount);
        ReadOnlySpan<int> subjectOfRow = cohort.SubjectIndex.Slice(start, length);
        ReadOnlySpan<double> time = cohort.VisitTimes.Slice(start, length), value = cohort.Values.Slice(start, length);

        var visitTimes = new HashSet<double>();
        foreach (double t in time) visitTimes.Add(t);
        Visit[] visits = visitTimes.Order().Select(cohort.VisitAt).ToArray();
        var visitIndex = new Dictionary<double, int>();
        for (int v = 0; v < visits.Length; v++) visitIndex[visits[v].Time] = v;

        var subjects = new List<int>();
        for (int r = 0; r < length; r++)
            if (r == 0 || subjectOfRow[r] != subjectOfRow[r - 1]) subjects.Add(subjectOfRow[r]);
        int n = subjects.Count, k = visits.Length;
        var values = new double[n * k];
        Array.Fill(values, double.NaN);
        var baseline = new double[n];
        var baselineTime = new double[n];
        double lastTime = double.NaN;
        int lastVisit = -1;
        for (int r = 0, row = -1; r < length; r++)
        {
            if (r == 0 || subjectOfRow[r] != subjectOfRow[r - 1])
            {
                row++;
                baseline[row] = cohort.BaselineAt(start + r);
                baselineTime[row] = cohort.BaselineVisitTimeAt(start + r);
            }
            // Rows of a subject come in visit order, so the next visit is usually the one after the last.
            if (time[r] != lastTime)
            {
                lastTime = time[r];
                lastVisit = lastVisit + 1 < k && visits[lastVisit + 1].Time == lastTime ? lastVisit + 1 : visitIndex[lastTime];
            }
            values[row * k + lastVisit] = value[r];
        }

        Instrument? instrument = cohort.InstrumentOf(code);
        bool higherIsWorse = instrument?.Direction != ScoreDirection.HigherIsBetter;
        var imputed = new bool[n * k];
        int imputedCount = 0;
        for (int row = 0; row < n; row++)
        {
            if (missingData == MissingDataMethod.ObservedCases || double.IsNaN(baselineTime[row])) continue;
            double carried = missingData switch
            {
                MissingDataMethod.Bocf or MissingDataMethod.Wocf => baseline[row],
                _ => double.NaN,
            };
            for (int v = 0; v < k; v++)
            {
                if (visits[v].Time <= baselineTime[row]) continue;
                double x = values[row * k + v];
                if (!double.IsNaN(x))
                {
                    if (missingData == MissingDataMethod.Locf) carried = x;
                    else if (missingData == MissingDataMethod.Wocf && (higherIsWorse ? x > carried : x < carried)) carried = x;
                    continue;
                }
                if (double.IsNaN(carried)) continue;
                values[row * k + v] = carried;
                imputed[row * k + v] = true;
                imputedCount++;
            }
        }

        return new Trajectories(cohort, code, instrument, missingData, visits, subjects.ToArray(), values, imputed,
            baseline, baselineTime, imputedCount);
    }
}
