using System.Globalization;
using System.Runtime.CompilerServices;
using CohortAnalysis.Change;
using CohortAnalysis.Instruments;

namespace CohortAnalysis.Data;

/// <summary>Collects parsed rows from any reader, validates them and derives baseline, CHG and PCHG.</summary>
/// <remarks>Problems that stop the load are collected (not thrown one by one) so the user sees them all.</remarks>
internal sealed partial class CohortBuilder
{
    /// <summary>Problems kept in detail; past this many only the count goes on.</summary>
    internal const int MaxProblems = 10_000;

    private readonly string _source;
    private readonly CohortReadOptions _options;
    private readonly List<DataIssue> _problems = [];
    private readonly List<DataIssue> _issues = [];
    private readonly Dictionary<string, int> _subjectIndex = new(StringComparer.Ordinal);
    private readonly List<string> _subjects = [];
    private readonly List<int> _subjectArm = [];
    private readonly List<long> _subjectArmLine = [];
    private readonly Dictionary<string, int> _armIndex = new(StringComparer.Ordinal);
    private readonly List<string> _arms = [];
    private readonly Dictionary<string, int> _parameterIndex = new(StringComparer.Ordinal);
    private readonly List<string> _parameters = [];
    private readonly List<Instrument?> _parameterInstrument = [];
    private readonly Dictionary<double, VisitLabelTally> _visitLabels = [];
    private readonly CaseVariantIndex _subjectCase = new(), _armCase = new(), _parameterCase = new();
    private readonly CaseVariantIndex[] _covariateCase;
    private readonly HashSet<(string? Column, string Code)> _caseReported = [];
    private readonly string _subjectColumn, _parameterColumn;
    private long _totalProblems, _rowsWithProblems, _lastProblemLine = -1;
    private readonly string[] _covariateNames;
    private readonly string[] _covariateRoles;     // "SEX value": how a case-variant message names a covariate's value
    private readonly string?[] _newCovariates;     // a new subject's covariate spellings, before they are kept
    private readonly List<string?>[] _covariates;
    private readonly string? _baselineFlagColumn;
    private readonly string _valueColumn;
    private readonly string? _baseColumn;
    private readonly string? _changeColumn;

    // Row columns, in arrival order.
    private readonly RowColumn<int> _rowSubject = new();
    private readonly RowColumn<int> _rowParameter = new();
    private readonly RowColumn<double> _rowVisit = new();
    private readonly RowColumn<double> _rowValue = new();
    private readonly RowColumn<bool> _rowFlag = new();
    private readonly RowColumn<double> _rowFileBase = new();
    private readonly RowColumn<double> _rowFileChange = new();
    private readonly RowColumn<long> _rowLine = new();

    public CohortBuilder(string source, CohortReadOptions options, string[] covariateNames,
        string valueColumn, string? baselineFlagColumn, string? baseColumn, string? changeColumn, string subjectColumn = "subject", string parameterColumn = "parameter")
    {
        _source = source;
        _options = options;
        _covariateNames = covariateNames;
        _covariates = covariateNames.Select(_ => new List<string?>()).ToArray();
        _covariateCase = covariateNames.Select(_ => new CaseVariantIndex()).ToArray();
        _covariateRoles = covariateNames.Select(n => n + " value").ToArray();
        _newCovariates = new string?[covariateNames.Length];
        _previousCovariates = new string?[covariateNames.Length];
        _checkedCovariates = new string?[covariateNames.Length];
        _checkedSpellings = new string?[covariateNames.Length];
        _subjectColumn = subjectColumn;
        _parameterColumn = parameterColumn;
        _valueColumn = valueColumn;
        _baselineFlagColumn = baselineFlagColumn;
        _baseColumn = baseColumn;
        _changeColumn = changeColumn;
        if (options.Baseline.Kind == BaselineRuleKind.Flag && baselineFlagColumn is null)
            Problem(1, null, null, $"the baseline rule is the baseline flag, but no flag column ({string.Join(" or ", options.Mapping.BaselineFlag)}) is in the header.");
    }

    public long RowsRead { get; set; }

    /// <summary>Rows that may always be reserved, whatever the memory: a misleading estimate (short rows read ahead,
    /// then one huge field) claims at most this, or <see cref="ReservableRows"/> where more memory is free.</summary>
    internal const int MaxReservedRows = 16_000_000;

    /// <summary>Bytes per row of the arrival-order columns a file with BASE and CHG columns fills (subject, parameter,
    /// visit, value, flag, line, BASE, CHG).</summary>
    private const int ReservedBytesPerRow = 4 + 4 + 8 + 8 + 1 + 8 + 8 + 8;

    /// <summary>The rows <see cref="Reserve"/> sizes the columns for at most: <see cref="MaxReservedRows"/>, or as many
    /// rows as a quarter of the memory the process may use holds (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>:
    /// the machine's memory, or a container's or a heap limit), whichever is larger. Reserved memory is not touched
    /// until rows fill it, so a generous reserve costs address space, not resident memory; a file of 100 million rows
    /// then fills its columns without growing them three times (each growth copies every column into memory touched
    /// afresh) and sizes its subject look-ups once.</summary>
    internal static int ReservableRows(long availableBytes) =>
        (int)Math.Clamp(availableBytes / 4 / ReservedBytesPerRow, MaxReservedRows, Array.MaxLength);

    /// <summary>Sizes the row columns for about <paramref name="rows"/> rows (a hint; they still grow past it). At most
    /// <see cref="ReservableRows"/> are reserved, so a misleading estimate cannot claim memory the process does not have.</summary>
    /// <param name="rows">The rows expected.</param>
    /// <param name="exact">The count is the file's own (a Parquet footer's): no margin is added, so that columns filled
    /// exactly and already in cohort order are handed to the cohort without a copy.</param>
    public void Reserve(long rows, bool exact = false)
    {
        int capacity = (int)Math.Clamp(exact ? rows : rows + rows / 20 + 16, 0, ReservableRows(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes));
        _reservedRows = capacity;
        _rowSubject.EnsureCapacity(capacity);
        _rowParameter.EnsureCapacity(capacity);
        _rowVisit.EnsureCapacity(capacity);
        _rowValue.EnsureCapacity(capacity);
        _rowFlag.EnsureCapacity(capacity);
        if (_baseColumn is not null) _rowFileBase.EnsureCapacity(capacity);
        if (_changeColumn is not null) _rowFileChange.EnsureCapacity(capacity);
        _rowLine.EnsureCapacity(capacity);
    }

    private int _reservedRows;

    /// <summary>Rows after which the per-subject tables are sized for the subjects the file will likely hold.</summary>
    internal const int SubjectEstimateRows = 8192;

    // The subjects in the rows reserved, estimated from the first rows (plus a tenth), so the subject look-ups and lists
    // are sized once instead of doubling (each doubling copies them) a dozen times. A file whose first rows are not
    // typical only costs the usual growth; the estimate never exceeds the rows reserved.
    private void ReserveSubjects()
    {
        if (_reservedRows <= SubjectEstimateRows || _subjects.Count == 0) return;
        long estimate = (long)_reservedRows * _subjects.Count / SubjectEstimateRows;
        int capacity = (int)Math.Min(estimate + estimate / 10 + 16, _reservedRows);
        _subjectIndex.EnsureCapacity(capacity);
        _subjectCase.EnsureCapacity(capacity);
        _subjects.EnsureCapacity(capacity);
        _subjectArm.EnsureCapacity(capacity);
        _subjectArmLine.EnsureCapacity(capacity);
        foreach (List<string?> covariate in _covariates) covariate.EnsureCapacity(capacity);
    }

    /// <summary>Appended to a duplicate-visit message (the ADaM analysis-flag advice); empty by default.</summary>
    public string DuplicateHint { get; init; } = "";

    public IdentifierAcknowledgement? Identifiers { get; set; }

    public bool HasProblems => _totalProblems > 0;

    /// <summary>Problems found so far, including those past <see cref="MaxProblems"/> whose details are not kept.</summary>
    public long ProblemCount => _totalProblems;

    public void Problem(long line, string? column, string? value, string message) =>
        Problem(new DataIssue(DataIssueKind.Other, DataIssueSeverity.Excluded, _source, line, column, value, null, message));

    public void Problem(DataIssue problem)
    {
        _totalProblems++;
        if (problem.Line != _lastProblemLine)
        {
            _rowsWithProblems++;
            _lastProblemLine = problem.Line ?? -1;
        }
        if (_problems.Count < MaxProblems) _problems.Add(problem);
    }

    private CohortDataException Failure() => new(_problems, _totalProblems, _rowsWithProblems);

    /// <summary>The spelling to use for a code seen for the first time, after the <see cref="CaseVariantPolicy"/>; null when
    /// the code is refused (a problem was recorded once for it).</summary>
    private string? CaseChecked(CaseVariantIndex index, string role, string column, string code, long line)
    {
        if (index.Register(code, line) is not { } first) return code;
        string both = string.Create(CultureInfo.InvariantCulture,
            $"{role} '{ColumnCodeCleaner.Visible(code)}' (line {line}) and {role} '{ColumnCodeCleaner.Visible(first.Spelling)}' (line {first.Line}) differ only by letter case");
        bool firstTime = _caseReported.Add((column, code));
        switch (_options.CaseVariants)
        {
            case CaseVariantPolicy.Merge:
                if (firstTime)
                    _issues.Add(new DataIssue(DataIssueKind.CaseVariant, DataIssueSeverity.Warning, _source, line, column, code, null,
                        $"{both}; read as '{ColumnCodeCleaner.Visible(first.Spelling)}' (case variants merged)."));
                return first.Spelling;
            case CaseVariantPolicy.KeepDistinct:
                if (firstTime)
                    _issues.Add(new DataIssue(DataIssueKind.CaseVariant, DataIssueSeverity.Warning, _source, line, column, code, null,
                        $"{both}; kept as two different codes (case variants kept distinct)."));
                return code;
            default:
                if (firstTime)
                    Problem(line, column, code,
                        $"{both}: one {role} spelled two ways would be analysed as two. Correct the file, or read them as one with the case-variant policy Merge.");
                return null;
        }
    }

    public void Note(DataIssue issue) => _issues.Add(issue);

    /// <summary>Adds one observation; <paramref name="covariateValues"/> is aligned with the covariate names.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long line, string subject, string arm, string armColumn, double visit, string? visitLabel, string parameter,
        double value, bool baselineFlag, double fileBase, double fileChange, ReadOnlySpan<string?> covariateValues)
    {
        int p = ParameterIndex(parameter, line);
        if (p < 0 || !InRange(p, value, line, subject)) return;

        int s = SubjectIndex(subject, arm, armColumn, line, covariateValues);
        if (s < 0) return;
        VisitLabels(visit).Add(visitLabel, line);

        _rowSubject.Add(s);
        _rowParameter.Add(p);
        _rowVisit.Add(visit);
        _rowValue.Add(value);
        _rowFlag.Add(baselineFlag);
        if (_baseColumn is not null) _rowFileBase.Add(fileBase);
        if (_changeColumn is not null) _rowFileChange.Add(fileChange);
        _rowLine.Add(line);
        if (_rowLine.Count == SubjectEstimateRows) ReserveSubjects();
        if (double.IsNaN(value)) NoteMissing(line, subject);
    }

    /// <summary>True when <paramref name="value"/> is missing or within parameter <paramref name="p"/>'s instrument range;
    /// otherwise the row is refused or excluded (<see cref="CohortReadOptions.OutOfRangeScores"/>) and reported.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool InRange(int p, double value, long line, string subject)
    {
        Instrument? instrument = _parameterInstrument[p];
        if (double.IsNaN(value) || instrument is null || instrument.InRange(value)) return true;
        ReportOutOfRange(instrument, value, line, subject);
        return false;
    }

    private void ReportOutOfRange(Instrument instrument, double value, long line, string subject)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        string message = string.Create(CultureInfo.InvariantCulture,
            $"'{text}' is {(value < instrument.Minimum ? "below" : "above")} the {instrument.Code} range {instrument.RangeText}");
        if (_options.OutOfRangeScores == InvalidRowPolicy.Reject) Problem(line, _valueColumn, text, message + ".");
        else _issues.Add(new DataIssue(DataIssueKind.OutOfRange, DataIssueSeverity.Excluded, _source, line, _valueColumn, text, subject, message + "; row excluded."));
    }

    private void NoteMissing(long line, string subject) =>
        _issues.Add(new DataIssue(DataIssueKind.MissingValue, DataIssueSeverity.Note, _source, line, _valueColumn, null, subject,
            "missing score kept as a missing observation."));

    // A trial has a handful of visits: they are found by a scan of the first few before the dictionary is asked.
    private const int VisitsScanned = 32;
    private readonly double[] _visitTimes = new double[VisitsScanned];
    private readonly VisitLabelTally[] _visitTallies = new VisitLabelTally[VisitsScanned];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private VisitLabelTally VisitLabels(double visit)
    {
        int known = Math.Min(_visitLabels.Count, VisitsScanned);
        for (int i = 0; i < known; i++)
            if (_visitTimes[i] == visit) return _visitTallies[i];
        if (_visitLabels.TryGetValue(visit, out VisitLabelTally? labels)) return labels;
        labels = new VisitLabelTally();
        if (_visitLabels.Count < VisitsScanned) (_visitTimes[_visitLabels.Count], _visitTallies[_visitLabels.Count]) = (visit, labels);
        _visitLabels[visit] = labels;
        return labels;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParameterIndex(string parameter, long line)
    {
        // Codes arrive as one string per distinct text (the readers intern them), in runs: the previous row's again.
        if (ReferenceEquals(parameter, _previousParameter)) return _previousParameterIndex;
        int p = Lookup(parameter, line);
        if (p >= 0) (_previousParameter, _previousParameterIndex) = (parameter, p);
        return p;
    }

    private string? _previousParameter;
    private int _previousParameterIndex;

    private int Lookup(string parameter, long line)
    {
        if (_parameterIndex.TryGetValue(parameter, out int p)) return p;
        string? spelling = CaseChecked(_parameterCase, "parameter", _parameterColumn, parameter, line);
        if (spelling is null) return -1;
        if (_parameterIndex.TryGetValue(spelling, out p))
        {
            _parameterIndex[parameter] = p;
            return p;
        }
        p = _parameters.Count;
        _parameterIndex[parameter] = p;
        _parameters.Add(parameter);
        Instrument? instrument = _options.Instruments.Find(parameter);
        _parameterInstrument.Add(instrument);
        if (instrument is null)
            _issues.Add(new DataIssue(DataIssueKind.UnknownInstrument, DataIssueSeverity.Note, _source, null, null, parameter, null,
                $"parameter '{parameter}' has no registered instrument; its scores are not range-checked."));
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SubjectIndex(string subject, string arm, string armColumn, long line, ReadOnlySpan<string?> covariateValues)
    {
        // The previous row's subject with the same arm and covariate strings: the same index, with nothing new to check or
        // report (that row's checks passed, and they depend only on these strings and on what is already registered).
        if (ReferenceEquals(subject, _previousSubject) && ReferenceEquals(arm, _previousArm) && SameReferences(covariateValues, _previousCovariates))
            return _previousSubjectIndex;
        int s = Register(subject, arm, armColumn, line, covariateValues);
        if (s >= 0)
        {
            (_previousSubject, _previousArm, _previousSubjectIndex) = (subject, arm, s);
            covariateValues.CopyTo(_previousCovariates);
        }
        else _previousSubject = null;
        return s;
    }

    private string? _previousSubject, _previousArm;
    private int _previousSubjectIndex;
    private readonly string?[] _previousCovariates;

    // The arm's index, its kept spelling in arm; -1 when the arm is refused.
    private int ArmIndex(ref string arm, string armColumn, long line)
    {
        // Readers share one string per distinct code, so a new subject's arm is usually the previous one's string.
        if (ReferenceEquals(arm, _registeredArm))
        {
            arm = _arms[_registeredArmIndex];
            return _registeredArmIndex;
        }
        string given = arm;
        if (!_armIndex.TryGetValue(arm, out int a))
        {
            string? spelling = CaseChecked(_armCase, "arm", armColumn, arm, line);
            if (spelling is null) return -1;
            if (!_armIndex.TryGetValue(spelling, out a))
            {
                a = _arms.Count;
                _arms.Add(spelling);
            }
            _armIndex[arm] = a;
        }
        arm = _arms[a];
        (_registeredArm, _registeredArmIndex) = (given, a);
        return a;
    }

    private string? _registeredArm;
    private int _registeredArmIndex;

    // A new subject's covariate value after the case-variant policy (CaseChecked). The outcome for one string never
    // changes once it is known (the first spelling of its letters is fixed, and each warning is given once), so the
    // last string accepted per covariate is remembered: readers share one string per distinct value.
    private string? CovariateSpelling(int c, string value, long line)
    {
        if (ReferenceEquals(value, _checkedCovariates[c])) return _checkedSpellings[c];
        string? spelling = CaseChecked(_covariateCase[c], _covariateRoles[c], _covariateNames[c], value, line);
        if (spelling is not null) (_checkedCovariates[c], _checkedSpellings[c]) = (value, spelling);
        return spelling;
    }

    private readonly string?[] _checkedCovariates, _checkedSpellings;

    private static bool SameReferences(ReadOnlySpan<string?> a, ReadOnlySpan<string?> b)
    {
        for (int i = 0; i < a.Length; i++)
            if (!ReferenceEquals(a[i], b[i])) return false;
        return true;
    }

    private int Register(string subject, string arm, string armColumn, long line, ReadOnlySpan<string?> covariateValues)
    {
        int a = ArmIndex(ref arm, armColumn, line);
        if (a < 0) return -1;
        bool known = _subjectIndex.TryGetValue(subject, out int s);
        if (!known)
        {
            string? spelling = CaseChecked(_subjectCase, "subject", _subjectColumn, subject, line);
            if (spelling is null) return -1;
            // The spelling is the subject itself unless it is a case variant merged into an earlier one.
            known = !ReferenceEquals(spelling, subject) && _subjectIndex.TryGetValue(spelling, out s);
            if (known) _subjectIndex[subject] = s;
            subject = spelling;
        }
        if (!known)
        {
            string?[] values = _newCovariates;
            for (int c = 0; c < values.Length; c++)
            {
                values[c] = covariateValues[c] is { } v ? CovariateSpelling(c, v, line) : null;
                if (covariateValues[c] is not null && values[c] is null) return -1;
            }
            s = _subjects.Count;
            _subjectIndex[subject] = s;
            _subjects.Add(subject);
            _subjectArm.Add(a);
            _subjectArmLine.Add(line);
            for (int c = 0; c < _covariateNames.Length; c++) _covariates[c].Add(values[c]);
            return s;
        }
        if (_subjectArm[s] != a)
        {
            Problem(line, armColumn, arm, string.Create(CultureInfo.InvariantCulture,
                $"subject {subject} appears in arms {_arms[_subjectArm[s]]} (line {_subjectArmLine[s]}) and {arm}."));
            return -1;
        }
        for (int c = 0; c < _covariateNames.Length; c++)
        {
            if (string.Equals(_covariates[c][s], covariateValues[c], StringComparison.Ordinal)) continue;
            string? value = covariateValues[c];
            if (value is not null)
            {
                value = CaseChecked(_covariateCase[c], _covariateRoles[c], _covariateNames[c], value, line);
                if (value is null) return -1;
                if (string.Equals(_covariates[c][s], value, StringComparison.Ordinal)) continue;
            }
            Problem(line, _covariateNames[c], covariateValues[c], string.Create(CultureInfo.InvariantCulture,
                $"subject {subject} has {_covariateNames[c]} '{_covariates[c][s]}' on line {_subjectArmLine[s]} but '{covariateValues[c]}' here; a covariate must be constant within a subject."));
            return -1;
        }
        return s;
    }

    public Cohort Build()
    {
        if (_totalProblems > 0) throw Failure();

        int n = _rowValue.Count;
        // The row columns are read in place (no copies): at scale the builder's columns, the order and the cohort's
        // columns are what the load holds at its peak.
        ReadOnlySpan<int> rowParameter = _rowParameter.Span, rowSubject = _rowSubject.Span;
        ReadOnlySpan<double> rowVisit = _rowVisit.Span;
        ReadOnlySpan<long> rowLine = _rowLine.Span;
        bool arrivalOrder = RowOrder.IsCohortOrder(rowParameter, rowSubject, rowVisit, rowLine);
        int[] keep = arrivalOrder ? RowOrder.Identity(n) : RowOrder.Of(rowParameter, _parameters.Count, rowSubject, _subjects.Count, rowVisit, rowLine);

        // Duplicates of a visit are set aside; the rows kept are compacted into the front of the order.
        int m = 0;
        for (int k = 0; k < n; k++)
        {
            int i = keep[k];
            if (m > 0)
            {
                int prev = keep[m - 1];
                if (rowParameter[prev] == rowParameter[i] && rowSubject[prev] == rowSubject[i] && rowVisit[prev] == rowVisit[i])
                {
                    string subject = _subjects[rowSubject[i]];
                    string message = string.Create(CultureInfo.InvariantCulture,
                        $"duplicate visit: subject {subject}, {_parameters[rowParameter[i]]} at visit {rowVisit[i]:0.###} already on line {rowLine[prev]}");
                    if (_options.DuplicateVisits == InvalidRowPolicy.Reject) Problem(rowLine[i], null, subject, message + "." + DuplicateHint);
                    else _issues.Add(new DataIssue(DataIssueKind.DuplicateVisit, DataIssueSeverity.Excluded, _source, rowLine[i], null, null, subject, message + "; row excluded."));
                    continue;
                }
            }
            keep[m++] = i;
        }
        if (_totalProblems > 0) throw Failure();

        // Each column is put in order and its arrival-order list let go before the next is made, so at most one column
        // per thread is held twice (at 100 million rows the load's peak is set here). On a large cohort two threads do
        // this, each for its own columns: the work is mostly the first touch of the new arrays' memory.
        int[] outSubject = null!, outParameter = null!;
        double[] outVisit = null!, outValue = null!;
        long[] outLine = null!;
        // Rows that arrived in cohort order with none set aside are the cohort's columns as they stand.
        bool asArrived = arrivalOrder && m == n;
        T[] Take<T>(RowColumn<T> column) where T : struct => asArrived ? column.TakeAll() : column.TakeInOrder(keep.AsSpan(0, m));
        void Integers()
        {
            outSubject = Take(_rowSubject);
            outParameter = Take(_rowParameter);
            outLine = Take(_rowLine);
        }
        void Reals()
        {
            outVisit = Take(_rowVisit);
            outValue = Take(_rowValue);
        }
        if (m >= ParallelFromRows) Parallel.Invoke(Integers, Reals);
        else { Integers(); Reals(); }
        var outBaseRow = new int[m];
        DeriveChange(keep, outSubject, outParameter, outVisit, outValue, outLine, outBaseRow);
        _rowFlag.Release();
        _rowFileBase.Release();
        _rowFileChange.Release();

        foreach (var (time, labels) in _visitLabels.OrderBy(kv => kv.Key))
            if (labels.Conflict(_source, time) is { } conflict) _issues.Add(conflict);
        Visit[] visits = _visitLabels.OrderBy(kv => kv.Key).Select(kv => new Visit(kv.Key, kv.Value.Chosen)).ToArray();
        string?[][] covariates = _covariates.Select(c => c.ToArray()).ToArray();
        _issues.Sort((x, y) => (x.Line ?? 0).CompareTo(y.Line ?? 0));
        var report = new DataQualityReport(_source, RowsRead, m, _issues.ToArray()) { Identifiers = Identifiers };
        return new Cohort(_source, [.. _subjects], [.. _subjectArm], [.. _arms], [.. _parameters], visits, _covariateNames, covariates,
            outSubject, outParameter, outVisit, outValue, outBaseRow, outLine, _options.Baseline, _options.Instruments, report);
    }

    /// <summary>Rows from which <see cref="Build"/> orders its columns on two threads (the result is the same).</summary>
    internal const int ParallelFromRows = 200_000;

    // The baseline record of every row (the cohort derives BASE, CHG and PCHG from it), with the checks of the baseline
    // flag and of the file's own BASE and CHG. On a large cohort the rows are derived in two halves on two
    // threads (split between two subject × parameter groups); each half collects what it finds, and the findings are
    // then recorded in row order, so the problems, warnings and their order are those of one pass.
    private void DeriveChange(int[] keep, int[] subject, int[] parameter, double[] visit, double[] value, long[] line, int[] baselineRow)
    {
        int m = value.Length;
        int split = m;
        if (m >= ParallelFromRows)
        {
            split = m / 2;
            while (split < m && subject[split] == subject[split - 1] && parameter[split] == parameter[split - 1]) split++;
        }
        var first = new List<(bool Problem, DataIssue Issue)>();
        var second = new List<(bool Problem, DataIssue Issue)>();
        void Derive(int from, int to, List<(bool, DataIssue)> found) =>
            DeriveRows(from, to, found, keep, subject, parameter, visit, value, line, baselineRow);
        if (split < m) Parallel.Invoke(() => Derive(0, split, first), () => Derive(split, m, second));
        else Derive(0, m, first);
        foreach (var (problem, issue) in first.Concat(second))
        {
            if (problem) Problem(issue);
            else _issues.Add(issue);
        }
        if (_totalProblems > 0) throw Failure();
    }

    private void DeriveRows(int from, int to, List<(bool Problem, DataIssue Issue)> found, int[] keep, int[] subject, int[] parameter,
        double[] visit, double[] value, long[] line, int[] baselineRow)
    {
        bool useFlag = _options.Baseline.Kind == BaselineRuleKind.Flag
            || (_options.Baseline.Kind == BaselineRuleKind.FlagOrLastAtOrBefore && _baselineFlagColumn is not null);
        for (int start = from; start < to;)
        {
            int end = start;
            while (end < to && subject[end] == subject[start] && parameter[end] == parameter[start]) end++;

            int baseRow = -1;
            if (useFlag)
            {
                for (int r = start; r < end; r++)
                {
                    if (!_rowFlag[keep[r]]) continue;
                    if (baseRow >= 0)
                    {
                        found.Add((true, new DataIssue(DataIssueKind.Other, DataIssueSeverity.Excluded, _source, line[r], _baselineFlagColumn, "Y", null,
                            string.Create(CultureInfo.InvariantCulture,
                                $"subject {_subjects[subject[r]]} has a second baseline flag for {_parameters[parameter[r]]} (first on line {line[baseRow]})."))));
                        continue;
                    }
                    baseRow = r;
                }
            }
            else
            {
                for (int r = start; r < end && visit[r] <= _options.Baseline.Visit; r++)
                    if (!double.IsNaN(value[r])) baseRow = r;
            }

            if (useFlag && baseRow >= 0) CheckFlagPlacement(found, start, end, baseRow, subject, parameter, visit, value, line);

            double b = baseRow >= 0 ? value[baseRow] : double.NaN;
            double baseTime = baseRow >= 0 ? visit[baseRow] : double.NaN;
            string subjectId = _subjects[subject[start]];
            string parameterCode = _parameters[parameter[start]];
            if (double.IsNaN(b))
            {
                found.Add((false, new DataIssue(DataIssueKind.MissingBaseline, DataIssueSeverity.Warning, _source, line[start], null, null, subjectId,
                    $"subject {subjectId} has no baseline for {parameterCode} ({_options.Baseline}); change is missing for its {end - start} row{(end - start == 1 ? "" : "s")}.")));
            }
            else if (b == 0 && end - 1 > baseRow)
            {
                found.Add((false, new DataIssue(DataIssueKind.ZeroBaseline, DataIssueSeverity.Warning, _source, line[baseRow], _valueColumn, "0", subjectId,
                    $"subject {subjectId} has baseline 0 for {parameterCode}: percent change is undefined for its post-baseline rows.")));
            }

            baselineRow.AsSpan(start, end - start).Fill(baseRow);
            if (_baseColumn is not null || _changeColumn is not null)
                for (int r = start; r < end; r++)
                    CheckFileDerivation(found, keep[r], line[r], subjectId, b, DerivedChange.Change(value[r], visit[r], b, baseTime));
            start = end;
        }
    }

    /// <summary>Warns when the flagged baseline comes after post-baseline visits (visit times above the baseline visit, 0
    /// unless the rule names another) or is not the record the last-at-or-before rule would pick.</summary>
    private void CheckFlagPlacement(List<(bool Problem, DataIssue Issue)> found, int start, int end, int baseRow, int[] subject, int[] parameter, double[] visit, double[] value, long[] line)
    {
        double threshold = double.IsFinite(_options.Baseline.Visit) ? _options.Baseline.Visit : 0;
        double flagged = visit[baseRow];
        int byRule = -1;
        bool anyEarlierPost = false;
        for (int r = start; r < end; r++)
        {
            if (double.IsNaN(value[r])) continue;
            if (visit[r] <= threshold) byRule = r;
            else if (visit[r] < flagged) anyEarlierPost = true;
        }
        bool disagrees = _options.Baseline.Kind == BaselineRuleKind.FlagOrLastAtOrBefore && byRule >= 0 && byRule != baseRow;
        if (!anyEarlierPost && !disagrees) return;
        ReportFlagPlacement(found, start, end, baseRow, byRule, disagrees, threshold, subject, parameter, visit, value, line);
    }

    // The warning of CheckFlagPlacement, made only for a subject it applies to (the lambdas below are allocated per call).
    private void ReportFlagPlacement(List<(bool Problem, DataIssue Issue)> found, int start, int end, int baseRow, int byRule, bool disagrees, double threshold, int[] subject,
        int[] parameter, double[] visit, double[] value, long[] line)
    {
        double flagged = visit[baseRow];
        var earlierPost = new List<int>();
        for (int r = start; r < end; r++)
            if (!double.IsNaN(value[r]) && visit[r] > threshold && visit[r] < flagged) earlierPost.Add(r);
        string subjectId = _subjects[subject[start]];
        var text = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"subject {subjectId}, {_parameters[parameter[start]]}: the baseline flag is on visit {flagged:0.###} (line {line[baseRow]})"));
        if (earlierPost.Count > 0)
            text.Append(CultureInfo.InvariantCulture,
                $", after post-baseline visit{(earlierPost.Count == 1 ? "" : "s")} {string.Join(", ", earlierPost.Select(r => visit[r].ToString("0.###", CultureInfo.InvariantCulture)))} (line{(earlierPost.Count == 1 ? "" : "s")} {string.Join(", ", earlierPost.Select(r => line[r]))})");
        if (disagrees)
            text.Append(CultureInfo.InvariantCulture,
                $"{(earlierPost.Count > 0 ? ";" : ",")} the last value at or before visit {threshold:0.###} is on visit {visit[byRule]:0.###} (line {line[byRule]})");
        text.Append(". The flagged record is used as baseline; check the flag.");
        found.Add((false, new DataIssue(DataIssueKind.BaselineFlag, DataIssueSeverity.Warning, _source, line[baseRow], _baselineFlagColumn, null, subjectId,
            text.ToString())));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckFileDerivation(List<(bool Problem, DataIssue Issue)> found, int arrival, long line, string subject, double derivedBase, double derivedChange)
    {
        double tol = _options.DerivationTolerance;
        double fileBase = _baseColumn is null ? double.NaN : _rowFileBase[arrival];
        double fileChange = _changeColumn is null ? double.NaN : _rowFileChange[arrival];
        if (_baseColumn is not null && !Agrees(fileBase, derivedBase, tol))
            found.Add((false, new DataIssue(DataIssueKind.DerivationMismatch, DataIssueSeverity.Warning, _source, line, _baseColumn, Format(fileBase), subject,
                $"file BASE {Format(fileBase)} differs from the derived baseline {Format(derivedBase)}; the derived value is used.")));
        // A baseline record may carry CHG = 0 (admiral's default) where we derive NA; that is a convention, not a mismatch.
        if (_changeColumn is not null && !Agrees(fileChange, derivedChange, tol) && !(double.IsNaN(derivedChange) && fileChange == 0))
            found.Add((false, new DataIssue(DataIssueKind.DerivationMismatch, DataIssueSeverity.Warning, _source, line, _changeColumn, Format(fileChange), subject,
                $"file CHG {Format(fileChange)} differs from the derived change {Format(derivedChange)}; the derived value is used.")));
    }

    private static bool Agrees(double file, double derived, double tol) =>
        (double.IsNaN(file) && double.IsNaN(derived)) || Math.Abs(file - derived) <= tol;

    private static string Format(double x) => double.IsNaN(x) ? "NA" : x.ToString("R", CultureInfo.InvariantCulture);
}
