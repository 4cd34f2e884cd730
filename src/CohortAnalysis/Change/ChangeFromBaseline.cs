using CohortAnalysis.Descriptive;

namespace CohortAnalysis.Change;

/// <summary>Change-from-baseline summaries and tests for a cohort: the everyday table of a trial report.</summary>
/// <remarks>Thread-safe (pure functions of immutable inputs).</remarks>
public static partial class ChangeFromBaseline
{
    /// <summary>Summaries of AVAL, CHG and PCHG for every parameter × arm × visit.</summary>
    /// <remarks>
    /// <para>Each cell: n, n missing, mean, SD (n − 1), SE = SD/√n, t confidence interval of the mean
    /// (mean ± t(1 − α/2, n − 1)·SE, as R <c>t.test</c> and SAS PROC MEANS CLM), median, Q1, Q3 (SAS PCTLDEF=5 by default),
    /// min and max. Cells with n &lt; 2 have NaN SD, SE and CI; the table does not throw.</para>
    /// <para>The missing-data method (<see cref="ChangeSummaryOptions.MissingData"/>) is applied first and named in the table;
    /// it says how many values were carried forward.</para>
    /// </remarks>
    public static ChangeSummaryTable Summarize(Cohort cohort, ChangeSummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        options ??= ChangeSummaryOptions.Default;
        Guard.CiLevel(options.CiLevel);
        IEnumerable<string> parameters = options.Parameters ?? cohort.Parameters;
        var rows = new List<ChangeSummaryRow>();
        int imputed = 0;
        foreach (string parameter in parameters)
        {
            Trajectories t = Trajectories.Of(cohort, parameter, options.MissingData);
            imputed += t.ImputedCount;
            rows.AddRange(SummarizeRows(t, options));
        }
        return new ChangeSummaryTable(rows, options, cohort.Source, imputed, cohort.Report);
    }

    /// <summary>Summaries for several parameters' trajectories of one cohort in one table, in the order given, as
    /// <see cref="Summarize(Cohort, ChangeSummaryOptions?)"/> makes them; for a caller that also tests on the same
    /// trajectories and need not build them twice.</summary>
    /// <exception cref="ArgumentException">No trajectories, trajectories of different cohorts, or with a missing-data method
    /// other than the options' (the trajectories were built with it; it cannot be changed here).</exception>
    public static ChangeSummaryTable Summarize(IReadOnlyList<Trajectories> trajectories, ChangeSummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        if (trajectories.Count == 0) throw new ArgumentException("No trajectories to summarise.", nameof(trajectories));
        options ??= ChangeSummaryOptions.Default;
        Guard.CiLevel(options.CiLevel);
        Cohort cohort = trajectories[0].Cohort;
        foreach (Trajectories t in trajectories)
        {
            if (!ReferenceEquals(t.Cohort, cohort))
                throw new ArgumentException($"The trajectories of {t.Parameter} come from another cohort ({t.Cohort.Source}, not {cohort.Source}).", nameof(trajectories));
            if (t.MissingData != options.MissingData)
                throw new ArgumentException($"The trajectories of {t.Parameter} were built with missing-data method {t.MissingData}, but the options ask for {options.MissingData}.", nameof(options));
        }
        var rows = new List<ChangeSummaryRow>();
        foreach (Trajectories t in trajectories) rows.AddRange(SummarizeRows(t, options));
        return new ChangeSummaryTable(rows, options, cohort.Source, trajectories.Sum(t => t.ImputedCount), cohort.Report);
    }

    /// <summary>Summaries for one parameter's trajectories (the missing-data method is the trajectories').</summary>
    public static ChangeSummaryTable Summarize(Trajectories trajectories, ChangeSummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        options = (options ?? ChangeSummaryOptions.Default) with { MissingData = trajectories.MissingData, Parameters = [trajectories.Parameter] };
        Guard.CiLevel(options.CiLevel);
        return new ChangeSummaryTable(SummarizeRows(trajectories, options), options, trajectories.Cohort.Source, trajectories.ImputedCount, trajectories.Cohort.Report);
    }

    // Each arm × visit cell is summarised on its own (in parallel on a large cohort: the cells share nothing, so the rows
    // and their order are the same for any thread count).
    private static List<ChangeSummaryRow> SummarizeRows(Trajectories t, ChangeSummaryOptions options)
    {
        var summaryOptions = new SummaryOptions { CiLevel = options.CiLevel, QuantileMethod = options.QuantileMethod };
        Cohort cohort = t.Cohort;
        var cells = new List<(int Arm, int[] Members, int Visit)>();
        for (int arm = 0; arm < cohort.Arms.Count; arm++)
        {
            int[] members = Enumerable.Range(0, t.SubjectCount).Where(r => t.ArmOf(r) == arm).ToArray();
            if (members.Length == 0) continue;
            for (int v = 0; v < t.Visits.Count; v++) cells.Add((arm, members, v));
        }
        var results = new ChangeSummaryRow[cells.Count][];
        void SummarizeCell(int k)
        {
            var (arm, members, v) = cells[k];
            var value = new double[members.Length];
            var change = new double[members.Length];
            var percent = new double[members.Length];
            bool anyPost = false;
            int imputed = 0;
            for (int i = 0; i < members.Length; i++)
            {
                int row = members[i];
                value[i] = t.Value(row, v);
                change[i] = t.Change(row, v);
                percent[i] = t.PercentChange(row, v);
                anyPost |= t.IsPostBaseline(row, v);
                if (t.IsImputed(row, v)) imputed++;
            }
            string armName = cohort.Arms[arm];
            Visit visit = t.Visits[v];
            var observed = new ChangeSummaryRow(t.Parameter, armName, visit, ChangeVariable.Value, Summary.Of(value, summaryOptions), imputed, t.MissingData);
            results[k] = anyPost
                ? [observed,
                    new ChangeSummaryRow(t.Parameter, armName, visit, ChangeVariable.Change, Summary.Of(change, summaryOptions), imputed, t.MissingData),
                    new ChangeSummaryRow(t.Parameter, armName, visit, ChangeVariable.PercentChange, Summary.Of(percent, summaryOptions), imputed, t.MissingData)]
                : [observed];
        }
        if (t.SubjectCount >= ParallelFromSubjects) Parallel.For(0, cells.Count, SummarizeCell);
        else for (int k = 0; k < cells.Count; k++) SummarizeCell(k);
        return results.SelectMany(r => r).ToList();
    }

    /// <summary>Subjects from which the cells of a summary are computed in parallel.</summary>
    private const int ParallelFromSubjects = 20_000;
}
