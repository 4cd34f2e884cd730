using System.Globalization;
using CohortAnalysis.Change;

namespace CohortAnalysis.Reporting;

/// <summary>A CONSORT-style flow of one endpoint: subjects randomised, with a baseline, observed at each post-baseline
/// visit and analysed, by arm.</summary>
/// <remarks>Immutable. "Analysed" is the MMRM's analysis set: a baseline and at least one post-baseline value.</remarks>
/// <param name="Parameter">The endpoint.</param>
/// <param name="Arms">Arms, in the cohort's order.</param>
/// <param name="Steps">The steps, from randomised to analysed.</param>
public sealed record ConsortFlow(string Parameter, IReadOnlyList<string> Arms, IReadOnlyList<ConsortStep> Steps) : ITabular
{
    /// <summary>The flow of <paramref name="parameter"/> in <paramref name="cohort"/>, from observed cases.</summary>
    public static ConsortFlow Of(Cohort cohort, string parameter)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        Trajectories t = Trajectories.Of(cohort, parameter);
        int arms = cohort.Arms.Count;
        int[] randomised = new int[arms], withBaseline = new int[arms], analysed = new int[arms];
        for (int s = 0; s < cohort.Subjects.Count; s++) randomised[cohort.ArmIndexOfSubject(s)]++;
        int[] post = Enumerable.Range(0, t.Visits.Count).Where(v => t.Visits[v].Time > 0).ToArray();
        var atVisit = post.Select(_ => new int[arms]).ToArray();
        for (int row = 0; row < t.SubjectCount; row++)
        {
            if (!double.IsFinite(t.Baseline(row))) continue;
            int arm = t.ArmOf(row);
            withBaseline[arm]++;
            bool any = false;
            for (int k = 0; k < post.Length; k++)
            {
                if (!t.IsPostBaseline(row, post[k]) || !double.IsFinite(t.Value(row, post[k]))) continue;
                atVisit[k][arm]++;
                any = true;
            }
            if (any) analysed[arm]++;
        }
        var steps = new List<ConsortStep>
        {
            new("Randomised", "subjects with at least one record", randomised),
            new("With baseline", "a baseline " + t.Parameter + " score", withBaseline),
        };
        steps.AddRange(post.Select((v, k) => new ConsortStep("Observed at " + t.Visits[v].DisplayName, "baseline and a score at the visit", atVisit[k])));
        steps.Add(new ConsortStep("Analysed (MMRM)", "baseline and at least one post-baseline score", analysed));
        return new ConsortFlow(t.Parameter, cohort.Arms, steps);
    }

    /// <inheritdoc />
    public TableView ToTableView()
    {
        var inv = CultureInfo.InvariantCulture;
        int[] randomised = Steps[0].Counts.ToArray();
        return TableView.Create($"Subject flow for {Parameter}",
            [new("Step"), .. Arms.Select(a => new TableColumn(a, true)), new("Total", true)],
            Steps.Select(s => (IReadOnlyList<string>)[s.Name,
                .. s.Counts.Select((n, a) => Percent(n, randomised[a])), Percent(s.Total, randomised.Sum())]),
            ["Percentages of the subjects randomised to the arm."]);

        string Percent(int n, int of) => of == 0 ? n.ToString(inv) : string.Create(inv, $"{n} ({100.0 * n / of:0}%)");
    }
}

/// <summary>One step of a <see cref="ConsortFlow"/>.</summary>
/// <param name="Name">e.g. "Observed at Week 6".</param>
/// <param name="Definition">Who counts, in words.</param>
/// <param name="Counts">Subjects per arm.</param>
public sealed record ConsortStep(string Name, string Definition, IReadOnlyList<int> Counts)
{
    /// <summary>Subjects over all arms.</summary>
    public int Total => Counts.Sum();
}
