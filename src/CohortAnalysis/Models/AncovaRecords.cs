using System.Globalization;
using CohortAnalysis.Change;

namespace CohortAnalysis.Models;

/// <summary>One record per subject for an ANCOVA at one visit: outcome, arm, baseline and subject covariates, with the
/// subjects left out for lack of an outcome counted per arm.</summary>
internal sealed class AncovaRecords
{
    public const string ArmName = "ARM";
    public const string BaselineName = "BASE";

    private AncovaRecords(ModelData data, double[] outcome, int[] candidates, string[] subjects, string[] armLevels,
        int[] missingOutcomeByArm, Trajectories trajectories, int visit, ChangeVariable outcomeVariable)
    {
        OutcomeVariable = outcomeVariable;
        Data = data;
        Outcome = outcome;
        Candidates = candidates;
        Subjects = subjects;
        ArmLevels = armLevels;
        MissingOutcomeByArm = missingOutcomeByArm;
        Trajectories = trajectories;
        VisitIndex = visit;
    }

    public ModelData Data { get; }
    public double[] Outcome { get; }
    public int[] Candidates { get; }
    public string[] Subjects { get; }
    public string[] ArmLevels { get; }
    public int[] MissingOutcomeByArm { get; }
    public Trajectories Trajectories { get; }
    public int VisitIndex { get; }
    public ChangeVariable OutcomeVariable { get; }
    public Visit Visit => Trajectories.Visits[VisitIndex];

    public static AncovaRecords Of(Cohort cohort, string parameter, double visitTime, AncovaOptions options, string? subgroup)
    {
        Trajectories trajectories = Trajectories.Of(cohort, parameter, options.MissingData);
        int visit = trajectories.IndexOfVisit(visitTime);
        string outcomeName = OutcomeName(options.Outcome);
        if (visit < 0)
            throw new ModelSpecificationException(Format($"{trajectories.Parameter} has no visit {visitTime}; its visits are {VisitList(trajectories)}."));

        int n = trajectories.SubjectCount;
        var outcome = new double[n];
        var candidates = new List<int>();
        for (int row = 0; row < n; row++)
        {
            outcome[row] = options.Outcome switch
            {
                ChangeVariable.Value => trajectories.Value(row, visit),
                ChangeVariable.Change => trajectories.Change(row, visit),
                _ => trajectories.PercentChange(row, visit),
            };
            if (!double.IsNaN(outcome[row])) candidates.Add(row);
        }
        if (candidates.Count == 0)
            throw new ModelSpecificationException(Format(
                $"No subject has {outcomeName} of {trajectories.Parameter} at {trajectories.Visits[visit].DisplayName}; visits with data: {VisitsWithData(trajectories, options.Outcome)}."));

        string[] arms = candidates.Select(r => cohort.Arms[trajectories.ArmOf(r)]).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (arms.Length < 2)
            throw new ModelSpecificationException(Format(
                $"ANCOVA needs at least two arms with {outcomeName} at {trajectories.Visits[visit].DisplayName}; only '{arms[0]}' has any ({candidates.Count} subjects)."));
        var missingByArm = new int[arms.Length];
        for (int row = 0; row < n; row++)
        {
            int a = Array.IndexOf(arms, cohort.Arms[trajectories.ArmOf(row)]);
            if (a >= 0 && double.IsNaN(outcome[row])) missingByArm[a]++;
        }

        string[] subjects = Enumerable.Range(0, n).Select(trajectories.SubjectOf).ToArray();
        var data = new ModelData(n);
        data.AddFactor(ArmName, Enumerable.Range(0, n).Select(r => (string?)cohort.Arms[trajectories.ArmOf(r)]).Select(a => Array.IndexOf(arms, a) >= 0 ? a : null).ToArray(), arms);
        if (options.AdjustForBaseline)
            data.AddNumeric(BaselineName, Enumerable.Range(0, n).Select(trajectories.Baseline).ToArray());
        int[] subjectIndex = trajectories.SubjectIndices.ToArray();
        IEnumerable<string> factors = options.Covariates.Concat(subgroup is null ? [] : [subgroup]).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (string name in factors)
            data.AddFactor(name, subjectIndex.Select(s => CovariateOf(cohort, s, name)).ToArray());
        foreach (string name in options.ContinuousCovariates)
        {
            if (options.Covariates.Contains(name, StringComparer.OrdinalIgnoreCase) || string.Equals(name, subgroup, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"Covariate {name} is listed both as categorical and as continuous.", nameof(options));
            data.AddNumeric(name, subjectIndex.Select(s => NumberOf(cohort, s, name)).ToArray());
        }
        return new AncovaRecords(data, outcome, candidates.ToArray(), subjects, arms, missingByArm, trajectories, visit, options.Outcome);
    }

    public static string OutcomeName(ChangeVariable variable) => variable switch
    {
        ChangeVariable.Value => "AVAL",
        ChangeVariable.Change => "CHG",
        _ => "PCHG",
    };

    private static string? CovariateOf(Cohort cohort, int subject, string name)
    {
        if (!cohort.CovariateNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"The cohort has no covariate '{name}'; it has: {string.Join(", ", cohort.CovariateNames)}.", nameof(name));
        string? value = cohort.Covariate(subject, cohort.CovariateNames.First(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)));
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static double NumberOf(Cohort cohort, int subject, string name)
    {
        string? text = CovariateOf(cohort, subject, name);
        if (text is null) return double.NaN;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x)) return x;
        throw new ModelSpecificationException($"{cohort.Source}, subject {cohort.Subjects[subject]}, column {name}: '{text}' is not a number; a continuous covariate needs numbers (or declare {name} categorical).");
    }

    private static string VisitList(Trajectories t) => string.Join(", ", t.Visits.Select(v => v.Time.ToString("0.###", CultureInfo.InvariantCulture)));

    private static string VisitsWithData(Trajectories t, ChangeVariable variable)
    {
        var with = new List<string>();
        for (int v = 0; v < t.Visits.Count; v++)
        {
            bool any = false;
            for (int a = 0; a < t.Cohort.Arms.Count && !any; a++) any = t.ArmValues(a, v, variable).Length > 0;
            if (any) with.Add(t.Visits[v].Time.ToString("0.###", CultureInfo.InvariantCulture));
        }
        return with.Count == 0 ? "none" : string.Join(", ", with);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
