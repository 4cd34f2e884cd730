using System.Globalization;
using CohortAnalysis.Models;

namespace CohortAnalysis.Missing;

/// <summary>One parameter of a cohort arranged for imputation: subjects × post-baseline visits with the values used,
/// each subject's last visit used and strategy, and the MMRM design rows of every subject at every visit in its own
/// arm and in the reference arm.</summary>
/// <remarks>Immutable after <see cref="Build"/>; thread-safe for reads. Subjects without a baseline or a covariate are
/// left out and counted in <see cref="Excluded"/>.</remarks>
internal sealed class ImputationData
{
    internal const string ArmName = "ARM", VisitName = "VISIT", SubjectName = "SUBJECT", BaselineName = "BASE", ResponseName = "Y";

    private ImputationData() { }

    public required string Parameter { get; init; }
    public required ChangeVariable Outcome { get; init; }
    public required Visit[] Visits { get; init; }
    public int T => Visits.Length;
    public required string[] SubjectIds { get; init; }
    public int N => SubjectIds.Length;
    public required string[] ArmLevels { get; init; }
    /// <summary>Per subject: index into <see cref="ArmLevels"/>.</summary>
    public required int[] Arm { get; init; }
    public required int ReferenceArm { get; init; }
    public required ReferenceArmSource ReferenceSource { get; init; }
    public required double[] Baseline { get; init; }
    /// <summary>Per covariate name: per subject level.</summary>
    public required IReadOnlyList<(string Name, string[] Values)> Covariates { get; init; }
    /// <summary>n×T values used (NaN: missing or after the last visit used).</summary>
    public required double[] Y { get; init; }
    /// <summary>Per subject: index of the last visit used, −1 when none.</summary>
    public required int[] LastUsed { get; init; }
    public required ImputationStrategy[] Strategy { get; init; }
    public required StrategySource[] Source { get; init; }
    public required int[] Discarded { get; init; }
    /// <summary>Fixed-effect columns of the imputation MMRM.</summary>
    public required int P { get; init; }
    public required IReadOnlyList<string> ColumnNames { get; init; }
    /// <summary>n×T×p design rows in the subject's own arm.</summary>
    public required double[] XOwn { get; init; }
    /// <summary>n×T×p design rows with the arm set to the reference arm.</summary>
    public required double[] XRef { get; init; }
    /// <summary>The observed-data design for the first fit (the models' code: start values, fallback chain).</summary>
    public required ModelData ModelData { get; init; }
    public required IReadOnlyList<ModelTerm> Terms { get; init; }
    public required IReadOnlyDictionary<string, int> Excluded { get; init; }

    public bool IsUsed(int subject, int visit) => !double.IsNaN(Y[subject * T + visit]);

    public int ValuesImputed(int subject) => Enumerable.Range(0, T).Count(j => !IsUsed(subject, j));

    /// <summary>Bit j set when visit j's value is used.</summary>
    public ulong ObservedMask(int subject)
    {
        ulong mask = 0;
        for (int j = 0; j < T; j++) if (IsUsed(subject, j)) mask |= 1UL << j;
        return mask;
    }

    /// <summary>Subjects of each arm, in subject order (for bootstrap samples stratified by arm).</summary>
    public int[][] SubjectsByArm() => Enumerable.Range(0, ArmLevels.Length).Select(a => Enumerable.Range(0, N).Where(i => Arm[i] == a).ToArray()).ToArray();

    public string Formula => "Y ~ " + string.Join(" + ", Terms.Select(t => t.ToString()));

    public static ImputationData Build(Cohort cohort, string parameter, ImputationOptions options)
    {
        int p = Mmrm.ParameterIndex(cohort, parameter, options.Covariates);
        string code = cohort.Parameters[p];
        ReadOnlySpan<double> outcome = options.Outcome switch
        {
            ChangeVariable.Change => cohort.Changes,
            ChangeVariable.PercentChange => cohort.PercentChanges,
            _ => cohort.Values,
        };

        // Subjects with a record of the parameter, their baseline, and the post-baseline visit times.
        Range range = cohort.RowsOf(p);
        var baseline = new Dictionary<int, double>();
        var times = new SortedSet<double>();
        var order = new List<int>();
        for (int r = range.Start.Value; r < range.End.Value; r++)
        {
            int s = cohort.SubjectIndex[r];
            if (!baseline.ContainsKey(s)) { baseline[s] = double.NaN; order.Add(s); }
            double baseTime = cohort.BaselineVisitTimeAt(r);
            if (double.IsNaN(baseTime)) continue;
            baseline[s] = cohort.BaselineAt(r);
            if (cohort.VisitTimes[r] > baseTime) times.Add(cohort.VisitTimes[r]);
        }
        if (times.Count == 0)
            throw new ModelSpecificationException($"{code}: no post-baseline record in {cohort.Source}; nothing to impute or analyse.");
        double[] visitTimes = times.ToArray();
        int t = visitTimes.Length;
        if (t > 64) throw new ModelSpecificationException(string.Create(CultureInfo.InvariantCulture, $"{code}: {t} post-baseline visits; imputation supports at most 64."));

        var excluded = new Dictionary<string, int>(StringComparer.Ordinal);
        var subjects = new List<int>();
        foreach (int s in order.OrderBy(s => cohort.Subjects[s], StringComparer.Ordinal))
        {
            if (double.IsNaN(baseline[s])) { Count(excluded, "no baseline value"); continue; }
            string? missingCovariate = options.Covariates.FirstOrDefault(c => cohort.Covariate(s, c) is null);
            if (missingCovariate is not null) { Count(excluded, $"{missingCovariate} missing"); continue; }
            subjects.Add(s);
        }
        int n = subjects.Count;
        var row = new Dictionary<int, int>();
        for (int i = 0; i < n; i++) row[subjects[i]] = i;

        var y = new double[n * t];
        Array.Fill(y, double.NaN);
        for (int r = range.Start.Value; r < range.End.Value; r++)
        {
            if (!row.TryGetValue(cohort.SubjectIndex[r], out int i)) continue;
            double baseTime = cohort.BaselineVisitTimeAt(r);
            if (!(cohort.VisitTimes[r] > baseTime)) continue;
            int j = Array.BinarySearch(visitTimes, cohort.VisitTimes[r]);
            if (!double.IsNaN(y[i * t + j]))
                throw new ModelSpecificationException($"Subject {cohort.Subjects[subjects[i]]} has two {code} records at visit {cohort.VisitAt(visitTimes[j]).DisplayName}; imputation needs one per subject and visit.");
            y[i * t + j] = outcome[r];
        }

        string[] armLevels = cohort.Arms.Where((_, a) => subjects.Any(s => cohort.ArmIndexOfSubject(s) == a)).ToArray();
        int[] arm = subjects.Select(s => Array.IndexOf(armLevels, cohort.Arms[cohort.ArmIndexOfSubject(s)])).ToArray();
        if (armLevels.Length < 2)
            throw new ModelSpecificationException($"{code}: subjects in {armLevels.Length} arm{(armLevels.Length == 1 ? "" : "s")} only; imputation and the comparison of arms need at least two.");
        (string reference, ReferenceArmSource source) = CohortAnalysis.ReferenceArm.Resolve(armLevels, options.ReferenceArm);
        int referenceArm = Array.IndexOf(armLevels, reference);
        Visit[] visits = visitTimes.Select(cohort.VisitAt).ToArray();

        // Last visit used and strategy per subject: events first, then the dropout rule.
        var lastUsed = new int[n];
        var strategy = new ImputationStrategy[n];
        var strategySource = new StrategySource[n];
        var discarded = new int[n];
        var events = new Dictionary<int, IntercurrentEvent>();
        foreach (IntercurrentEvent e in options.Events)
        {
            int s = cohort.IndexOfSubject(e.Subject);
            if (s < 0 || !row.ContainsKey(s))
                throw new ArgumentException(s < 0
                    ? $"Intercurrent event for subject '{e.Subject}': no such subject in {cohort.Source}."
                    : $"Intercurrent event for subject '{e.Subject}': the subject is not analysed ({(double.IsNaN(baseline.GetValueOrDefault(s, double.NaN)) ? $"no {code} baseline" : $"no {code} record or a covariate missing")}).", nameof(options));
            if (e.LastVisit is { } lv && Array.IndexOf(visitTimes, lv) < 0)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Intercurrent event for subject '{e.Subject}': LastVisit = {lv} is not a post-baseline visit of {code}; visits are: {string.Join(", ", visitTimes.Select(v => v.ToString(CultureInfo.InvariantCulture)))}."), nameof(options));
            events[row[s]] = e;
        }
        for (int i = 0; i < n; i++)
        {
            int lastObserved = -1;
            for (int j = 0; j < t; j++) if (!double.IsNaN(y[i * t + j])) lastObserved = j;
            if (events.TryGetValue(i, out IntercurrentEvent? e))
            {
                lastUsed[i] = e.LastVisit is { } lv ? Array.IndexOf(visitTimes, lv) : -1;
                strategy[i] = e.Strategy;
                strategySource[i] = StrategySource.Event;
                for (int j = lastUsed[i] + 1; j < t; j++)
                    if (!double.IsNaN(y[i * t + j])) { discarded[i]++; y[i * t + j] = double.NaN; }
            }
            else if (lastObserved == t - 1) { lastUsed[i] = t - 1; strategy[i] = ImputationStrategy.Mar; strategySource[i] = StrategySource.Complete; }
            else { lastUsed[i] = lastObserved; strategy[i] = options.Strategy; strategySource[i] = StrategySource.Dropout; }
            if (strategy[i] == ImputationStrategy.LastMeanCarriedForward && lastUsed[i] < 0)
                throw new ArgumentException(
                    $"Subject {cohort.Subjects[subjects[i]]} ({armLevels[arm[i]]}) has no post-baseline {code} value used, so LMCF has no mean to carry forward; give it another strategy with an IntercurrentEvent (J2R or CR impute from the reference arm).", nameof(options));
        }

        // Every arm needs a value used at every visit, or its mean there is not estimable.
        for (int a = 0; a < armLevels.Length; a++)
            for (int j = 0; j < t; j++)
            {
                bool any = false;
                for (int i = 0; i < n && !any; i++) any = arm[i] == a && !double.IsNaN(y[i * t + j]);
                if (!any)
                    throw new ModelSpecificationException($"{code}: no value used in arm {armLevels[a]} at {visits[j].DisplayName}; the imputation model cannot estimate that arm's mean there.");
            }

        // The complete grid (every subject at every visit) as model data.
        string[] visitLabels = visits.Select(v => v.DisplayName).ToArray();
        var data = new ModelData(n * t);
        data.AddFactor(SubjectName, Enumerable.Range(0, n * t).Select(k => cohort.Subjects[subjects[k / t]]).ToArray());
        data.AddFactor(ArmName, Enumerable.Range(0, n * t).Select(k => armLevels[arm[k / t]]).ToArray(), armLevels);
        data.AddFactor(VisitName, Enumerable.Range(0, n * t).Select(k => visitLabels[k % t]).ToArray(), visitLabels);
        data.AddNumeric(BaselineName, Enumerable.Range(0, n * t).Select(k => baseline[subjects[k / t]]).ToArray());
        data.AddNumeric(ResponseName, y);
        var terms = new List<ModelTerm> { new(ArmName), new(VisitName), new(ArmName, VisitName), new(BaselineName), new(BaselineName, VisitName) };
        var covariates = new List<(string, string[])>();
        foreach (string c in options.Covariates)
        {
            string[] values = subjects.Select(s => cohort.Covariate(s, c)!).ToArray();
            data.AddFactor(c, Enumerable.Range(0, n * t).Select(k => values[k / t]).ToArray());
            terms.Add(new ModelTerm(c));
            covariates.Add((c, values));
        }
        var frame = new ModelFrame(data, terms);
        int pp = frame.ColumnCount;
        var xOwn = new double[n * t * pp];
        var xRef = new double[n * t * pp];
        for (int k = 0; k < n * t; k++)
            for (int c = 0; c < pp; c++) xOwn[k * pp + c] = frame.X[k, c];
        var weights = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        var numeric = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < n; i++)
        {
            weights[ArmName] = PointMass(armLevels.Length, referenceArm);
            numeric[BaselineName] = baseline[subjects[i]];
            foreach (var (name, values) in covariates)
            {
                var f = (FactorVariable)data[name];
                weights[name] = PointMass(f.Levels.Length, f.IndexOf(values[i]));
            }
            for (int j = 0; j < t; j++)
            {
                weights[VisitName] = PointMass(t, j);
                frame.DesignRow(weights, numeric).CopyTo(xRef, (i * t + j) * pp);
            }
        }
        return new ImputationData
        {
            Parameter = code, Outcome = options.Outcome, Visits = visits, SubjectIds = subjects.Select(s => cohort.Subjects[s]).ToArray(),
            ArmLevels = armLevels, Arm = arm, ReferenceArm = referenceArm, ReferenceSource = source,
            Baseline = subjects.Select(s => baseline[s]).ToArray(), Covariates = covariates, Y = y, LastUsed = lastUsed,
            Strategy = strategy, Source = strategySource, Discarded = discarded, P = pp, ColumnNames = frame.ColumnNames,
            XOwn = xOwn, XRef = xRef, ModelData = data, Terms = terms, Excluded = excluded,
        };
    }

    private static void Count(Dictionary<string, int> counts, string reason) => counts[reason] = counts.GetValueOrDefault(reason) + 1;

    private static double[] PointMass(int length, int at)
    {
        var w = new double[length];
        w[at] = 1;
        return w;
    }
}
