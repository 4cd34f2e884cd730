using System.Globalization;
using CohortAnalysis.Change;
using CohortAnalysis.Instruments;

namespace CohortAnalysis;

/// <summary>A trial cohort in long form: subjects in arms, observed on parameters (instruments) at visits,
/// with baseline, change (CHG) and percent change (PCHG) derived from each subject's baseline record, found once on load.</summary>
/// <remarks>
/// <para>Immutable and thread-safe; parallel reads of one cohort are safe. Stored as columns (arrays), so a
/// 1 000 000-observation cohort stays compact. Observations are ordered by parameter, then subject, then visit time.</para>
/// <para>Each observation keeps the row of its baseline record; BASE, CHG and PCHG follow from it. Their columns
/// (<see cref="Baselines"/>, <see cref="Changes"/>, …) are made the first time they are asked for and kept, so a cohort
/// holds 36 bytes per observation (subject, parameter, visit, value, source line, baseline row), and an analysis that
/// reads a subject's baseline through its <see cref="Change.Trajectories"/> never makes them.</para>
/// <para>Create one with <see cref="Data.CohortCsvReader"/>, <see cref="Data.DataFrameInterop.ToCohort"/> or <see cref="Data.DemoTrial.Load"/>.</para>
/// </remarks>
public sealed class Cohort
{
    private readonly string[] _subjects;
    private readonly int[] _subjectArm;
    private readonly string[] _arms;
    private readonly string[] _parameters;
    private readonly Visit[] _visits;
    private readonly string[] _covariateNames;
    private readonly string?[][] _covariates; // [covariate][subject]
    private readonly int[] _rowSubject;
    private readonly int[] _rowParameter;
    private readonly double[] _rowVisit;
    private readonly double[] _value;
    private readonly int[] _baselineRow; // per observation: the row of its baseline record, −1 when none
    private double[]? _baseline, _baselineTime, _change, _percentChange; // made on first use (Derived)
    private readonly long[] _line;
    private readonly int[] _parameterStart; // rows of parameter p are [_parameterStart[p], _parameterStart[p + 1])
    private readonly Dictionary<string, int> _subjectIndex;
    private readonly Dictionary<double, Visit> _visitByTime;

    internal Cohort(
        string source, string[] subjects, int[] subjectArm, string[] arms, string[] parameters, Visit[] visits,
        string[] covariateNames, string?[][] covariates,
        int[] rowSubject, int[] rowParameter, double[] rowVisit, double[] value, int[] baselineRow, long[] line,
        BaselineRule baselineRule, InstrumentRegistry instruments, DataQualityReport report)
    {
        Source = source;
        _subjects = subjects; _subjectArm = subjectArm; _arms = arms; _parameters = parameters; _visits = visits;
        _covariateNames = covariateNames; _covariates = covariates;
        _rowSubject = rowSubject; _rowParameter = rowParameter; _rowVisit = rowVisit; _value = value; _baselineRow = baselineRow; _line = line;
        BaselineRule = baselineRule; Instruments = instruments; Report = report;
        _parameterStart = new int[parameters.Length + 1];
        for (int p = 0, row = 0; p < parameters.Length; p++)
        {
            _parameterStart[p] = row;
            while (row < rowParameter.Length && rowParameter[row] == p) row++;
            _parameterStart[p + 1] = row;
        }
        _subjectIndex = new Dictionary<string, int>(subjects.Length, StringComparer.Ordinal);
        for (int s = 0; s < subjects.Length; s++) _subjectIndex[subjects[s]] = s;
        _visitByTime = visits.ToDictionary(v => v.Time);
    }

    /// <summary>Where the cohort came from (file name or data-frame name).</summary>
    public string Source { get; }

    /// <summary>How baselines were chosen.</summary>
    public BaselineRule BaselineRule { get; }

    /// <summary>The instruments the scores were validated against.</summary>
    public InstrumentRegistry Instruments { get; }

    /// <summary>What the load excluded or found suspicious.</summary>
    public DataQualityReport Report { get; }

    /// <summary>Subject identifiers, in order of first appearance.</summary>
    public IReadOnlyList<string> Subjects => _subjects;

    /// <summary>Arms, in order of first appearance.</summary>
    public IReadOnlyList<string> Arms => _arms;

    /// <summary>Parameter codes, in order of first appearance.</summary>
    public IReadOnlyList<string> Parameters => _parameters;

    /// <summary>Distinct visits, by increasing time.</summary>
    public IReadOnlyList<Visit> Visits => _visits;

    /// <summary>Subject-level covariates present (e.g. SITEID, SEX).</summary>
    public IReadOnlyList<string> CovariateNames => _covariateNames;

    /// <summary>Number of observations (rows of the long form).</summary>
    public int ObservationCount => _value.Length;

    /// <summary>Per observation: index into <see cref="Subjects"/>.</summary>
    public ReadOnlySpan<int> SubjectIndex => _rowSubject;

    /// <summary>Per observation: index into <see cref="Parameters"/>.</summary>
    public ReadOnlySpan<int> ParameterIndex => _rowParameter;

    /// <summary>Per observation: visit time.</summary>
    public ReadOnlySpan<double> VisitTimes => _rowVisit;

    /// <summary>Per observation: the score (AVAL), NaN when missing.</summary>
    public ReadOnlySpan<double> Values => _value;

    /// <summary>Per observation: the subject's baseline for the parameter (BASE), NaN when none.</summary>
    /// <remarks>Made on first use (8 bytes per observation) and kept.</remarks>
    public ReadOnlySpan<double> Baselines => _baseline ?? Derived(ref _baseline, BaselineAt);

    /// <summary>Per observation: study time of the subject's baseline record for the parameter, NaN when none.
    /// Visits after it are post-baseline.</summary>
    /// <remarks>Made on first use (8 bytes per observation) and kept.</remarks>
    public ReadOnlySpan<double> BaselineVisitTimes => _baselineTime ?? Derived(ref _baselineTime, BaselineVisitTimeAt);

    /// <summary>Per observation: change from baseline (CHG = AVAL − BASE), NaN at or before baseline.</summary>
    /// <remarks>Made on first use (8 bytes per observation) and kept.</remarks>
    public ReadOnlySpan<double> Changes => _change ?? Derived(ref _change, ChangeAt);

    /// <summary>Per observation: percent change (PCHG = 100·CHG/|BASE|), NaN when undefined.</summary>
    /// <remarks>Made on first use (8 bytes per observation) and kept.</remarks>
    public ReadOnlySpan<double> PercentChanges => _percentChange ?? Derived(ref _percentChange, PercentChangeAt);

    // A derived column, made once: two threads asking at the same time make the same values, and one array is kept.
    private double[] Derived(ref double[]? column, Func<int, double> of)
    {
        var made = new double[_value.Length];
        for (int row = 0; row < made.Length; row++) made[row] = of(row);
        return Interlocked.CompareExchange(ref column, made, null) ?? made;
    }

    // One observation's BASE, baseline visit, CHG and PCHG, from the row of its baseline record.
    internal double BaselineAt(int row) => _baselineRow[row] is var b && b >= 0 ? _value[b] : double.NaN;

    internal double BaselineVisitTimeAt(int row) => _baselineRow[row] is var b && b >= 0 ? _rowVisit[b] : double.NaN;

    internal double ChangeAt(int row) => DerivedChange.Change(_value[row], _rowVisit[row], BaselineAt(row), BaselineVisitTimeAt(row));

    internal double PercentChangeAt(int row) => DerivedChange.PercentChange(ChangeAt(row), BaselineAt(row));

    /// <summary>Per observation: source line (header = line 1), 0 when not from a file.</summary>
    public ReadOnlySpan<long> Lines => _line;

    /// <summary>The arm comparisons use as reference when none is named: <see cref="ReferenceArm.Resolve"/> with no
    /// arm given (the only arm named like "placebo", else the first alphabetically).</summary>
    public string DefaultReferenceArm => ReferenceArm.Resolve(_arms, null).Arm;

    /// <summary>Index into <see cref="Arms"/> of a subject's arm.</summary>
    public int ArmIndexOfSubject(int subject) => _subjectArm[subject];

    /// <summary>Index into <see cref="Subjects"/>, or −1.</summary>
    public int IndexOfSubject(string subject) => _subjectIndex.GetValueOrDefault(subject, -1);

    /// <summary>Index into <see cref="Parameters"/> of a code or of any alias of its instrument, or −1.</summary>
    public int IndexOfParameter(string codeOrAlias)
    {
        int exact = Array.FindIndex(_parameters, p => string.Equals(p, codeOrAlias, StringComparison.OrdinalIgnoreCase));
        if (exact >= 0) return exact;
        Instrument? wanted = Instruments.Find(codeOrAlias);
        return wanted is null ? -1 : Array.FindIndex(_parameters, p => wanted.Equals(Instruments.Find(p)));
    }

    /// <summary>The instrument registered for a parameter code, or null.</summary>
    public Instrument? InstrumentOf(string parameter) => Instruments.Find(parameter);

    /// <summary>A subject's value of a covariate (e.g. "SITEID"), or null when missing or not present.</summary>
    public string? Covariate(int subject, string name)
    {
        int c = Array.FindIndex(_covariateNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return c < 0 ? null : _covariates[c][subject];
    }

    /// <summary>A covariate's value per subject (aligned with <see cref="Subjects"/>), or null when the cohort has no such covariate.</summary>
    public IReadOnlyList<string?>? CovariateValues(string name)
    {
        int c = Array.FindIndex(_covariateNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return c < 0 ? null : _covariates[c];
    }

    /// <summary>The visit at a study time.</summary>
    public Visit VisitAt(double time) => _visitByTime.TryGetValue(time, out Visit v) ? v : new Visit(time, null);

    /// <summary>The rows of one parameter, as a [start, end) range into the observation columns.</summary>
    public Range RowsOf(int parameter) => _parameterStart[parameter].._parameterStart[parameter + 1];

    /// <summary>One observation as a record.</summary>
    public Observation this[int row] => new(
        _subjects[_rowSubject[row]], _arms[_subjectArm[_rowSubject[row]]], VisitAt(_rowVisit[row]), _parameters[_rowParameter[row]],
        _value[row], BaselineAt(row), ChangeAt(row), PercentChangeAt(row), _line[row]);

    /// <summary>All observations as records (built lazily).</summary>
    public IEnumerable<Observation> Observations
    {
        get { for (int row = 0; row < _value.Length; row++) yield return this[row]; }
    }

    /// <summary>The cohort restricted to the subjects for which <paramref name="include"/> (given a subject index) is true:
    /// e.g. one site's subjects, for per-site accumulators. Arms, parameters, visits and the report's source are kept;
    /// derived baselines and changes are carried over unchanged.</summary>
    public Cohort Subset(Func<int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        int[] keepSubjects = Enumerable.Range(0, _subjects.Length).Where(include).ToArray();
        var newIndex = new int[_subjects.Length];
        Array.Fill(newIndex, -1);
        for (int i = 0; i < keepSubjects.Length; i++) newIndex[keepSubjects[i]] = i;
        int[] rows = Enumerable.Range(0, _value.Length).Where(r => newIndex[_rowSubject[r]] >= 0).ToArray();
        T[] Pick<T>(T[] column) => rows.Select(r => column[r]).ToArray();
        // A subject's rows are kept together, so each kept row's baseline record is kept too, at its new row.
        var newRow = new int[_value.Length];
        for (int i = 0; i < rows.Length; i++) newRow[rows[i]] = i;
        return new Cohort(Source, keepSubjects.Select(s => _subjects[s]).ToArray(), keepSubjects.Select(s => _subjectArm[s]).ToArray(), _arms,
            _parameters, _visits, _covariateNames, _covariates.Select(c => keepSubjects.Select(s => c[s]).ToArray()).ToArray(),
            rows.Select(r => newIndex[_rowSubject[r]]).ToArray(), Pick(_rowParameter), Pick(_rowVisit), Pick(_value),
            rows.Select(r => _baselineRow[r] >= 0 ? newRow[_baselineRow[r]] : -1).ToArray(), Pick(_line), BaselineRule, Instruments,
            new DataQualityReport(Report.Source, Report.RowsRead, rows.Length, Report.Issues) { Identifiers = Report.Identifiers });
    }

    /// <summary>Why a parameter has no usable value of <paramref name="variable"/> (every score missing, no baseline, no visit
    /// after baseline, every baseline 0), or null when it has at least one. An analysis that ends up empty prints this
    /// instead of an empty table.</summary>
    /// <param name="variable">AVAL, CHG or PCHG.</param>
    /// <param name="parameter">A parameter code or alias; null for every parameter (the first reason found is returned).</param>
    public string? WhyNoValues(ChangeVariable variable, string? parameter = null)
    {
        IEnumerable<int> which = parameter is null ? Enumerable.Range(0, _parameters.Length) : [IndexOfParameter(parameter)];
        string? reason = null;
        foreach (int p in which)
        {
            if (p < 0) return $"the cohort has no parameter {parameter}; parameters are {string.Join(", ", _parameters)}.";
            string? why = WhyNoValues(variable, p);
            if (why is null) return null;
            reason ??= why;
        }
        return reason ?? "the cohort has no observations.";
    }

    private string? WhyNoValues(ChangeVariable variable, int p)
    {
        Range rows = RowsOf(p);
        var (start, end) = (rows.Start.Value, rows.End.Value);
        string code = _parameters[p];
        string name = variable switch { ChangeVariable.Change => "CHG", ChangeVariable.PercentChange => "PCHG", _ => "AVAL" };
        string excluded = Report.RowsExcluded > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({Report.RowsExcluded} row{(Report.RowsExcluded == 1 ? " was" : "s were")} excluded on load: see the data-quality report)")
            : "";
        int scored = 0, based = 0, post = 0, postScored = 0, nonZeroBase = 0;
        for (int r = start; r < end; r++)
        {
            double x = variable switch { ChangeVariable.Change => ChangeAt(r), ChangeVariable.PercentChange => PercentChangeAt(r), _ => _value[r] };
            if (!double.IsNaN(x)) return null;
            if (!double.IsNaN(_value[r])) scored++;
            double baseline = BaselineAt(r);
            if (!double.IsNaN(baseline)) { based++; if (baseline != 0) nonZeroBase++; }
            if (_rowVisit[r] > BaselineVisitTimeAt(r)) { post++; if (!double.IsNaN(_value[r])) postScored++; }
        }
        int n = end - start;
        if (n == 0) return $"no {code} observation was loaded{excluded}.";
        if (scored == 0) return string.Create(CultureInfo.InvariantCulture, $"all {n} {code} scores are missing{excluded}.");
        if (variable == ChangeVariable.Value) return null;
        if (based == 0) return WhyNoBaseline(p) + excluded;
        if (post == 0) return $"no {code} visit comes after a subject's baseline, so there is no {name}{excluded}.";
        if (postScored == 0) return string.Create(CultureInfo.InvariantCulture, $"all {post} post-baseline {code} scores are missing{excluded}.");
        if (variable == ChangeVariable.PercentChange && nonZeroBase == 0) return $"every {code} baseline is 0, so PCHG (100·CHG/|BASE|) is undefined.";
        return $"no {code} row has a {name} value{excluded}.";
    }

    /// <summary>Why no subject has a baseline for <paramref name="parameter"/>, naming the rule that found none, the
    /// parameter's visits, and how to choose the baseline visit; null when at least one subject has a baseline.</summary>
    /// <remarks>Without a baseline there is no change from baseline, so every change analysis of the parameter would be
    /// empty: an analysis checks this first and stops with the message rather than reporting n = 0.</remarks>
    /// <param name="parameter">A parameter code or alias.</param>
    /// <exception cref="ArgumentException">The cohort has no such parameter.</exception>
    public string? WhyNoBaseline(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        int p = IndexOfParameter(parameter);
        if (p < 0) throw new ArgumentException($"The cohort has no parameter '{parameter}'; it has: {string.Join(", ", _parameters)}.", nameof(parameter));
        Range rows = RowsOf(p);
        for (int r = rows.Start.Value; r < rows.End.Value; r++)
            if (!double.IsNaN(BaselineAt(r))) return null;
        return WhyNoBaseline(p);
    }

    private string WhyNoBaseline(int p)
    {
        Range rows = RowsOf(p);
        string code = _parameters[p];
        double[] times = [.. _rowVisit[rows].Where((_, i) => !double.IsNaN(_value[rows.Start.Value + i])).Distinct().Order()];
        if (times.Length == 0) return $"no subject has a {code} baseline: every {code} score is missing.";
        string found = BaselineRule.Kind switch
        {
            BaselineRuleKind.Flag => "no record is flagged as baseline (ABLFL = Y)",
            BaselineRuleKind.LastAtOrBefore => string.Create(CultureInfo.InvariantCulture, $"no score is at or before visit {BaselineRule.Visit:0.###}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"no record is flagged as baseline (ABLFL = Y) and no score is at or before visit {BaselineRule.Visit:0.###}"),
        };
        string first = times[0].ToString("0.###", CultureInfo.InvariantCulture);
        string visits = string.Join(", ", times.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture)));
        return $"no subject has a {code} baseline: {found}; the {code} visits are {visits}. Name the baseline visit (CLI --baseline-visit {first}; " +
            $"library: read with Baseline = BaselineRule.LastNonMissingAtOrBefore({first})), so change from baseline can be derived.";
    }

    /// <summary>Subjects per arm, parameters, visits and completeness by visit.</summary>
    public CohortDescription Describe() => CohortDescription.Of(this);

    /// <inheritdoc />
    public override string ToString() =>
        $"Cohort {Source}: {_subjects.Length} subjects in {_arms.Length} arms, {_parameters.Length} parameters, {_visits.Length} visits, {_value.Length} observations";
}
