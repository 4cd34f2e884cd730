using CohortAnalysis.Change;

namespace CohortAnalysis.Responders;

/// <summary>Each subject of a parameter classified as responder, non-responder or not evaluable at one visit.</summary>
/// <remarks>Immutable. Rows align with <see cref="Trajectories.SubjectIndices"/>.</remarks>
public sealed class ResponderClassification
{
    private readonly bool?[] _status;

    private ResponderClassification(Trajectories trajectories, ResponderRule rule, Visit visit, bool?[] status)
    {
        Trajectories = trajectories; Rule = rule; Visit = visit; _status = status;
    }

    /// <summary>The trajectories classified.</summary>
    public Trajectories Trajectories { get; }

    /// <summary>The rule applied.</summary>
    public ResponderRule Rule { get; }

    /// <summary>The analysis visit.</summary>
    public Visit Visit { get; }

    /// <summary>Per grid row: true (responder), false (non-responder) or null (not evaluable).</summary>
    public IReadOnlyList<bool?> Status => _status;

    /// <summary>Classifies every subject at the visit with study time <paramref name="visitTime"/>.</summary>
    /// <exception cref="ArgumentException">The parameter was not recorded at that visit.</exception>
    public static ResponderClassification Of(Trajectories trajectories, ResponderRule rule, double visitTime)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentNullException.ThrowIfNull(rule);
        int v = trajectories.IndexOfVisit(visitTime);
        if (v < 0)
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{trajectories.Parameter} has no visit {visitTime:0.###}; its visits are {string.Join(", ", trajectories.Visits.Select(x => x.Time))}."), nameof(visitTime));
        var status = new bool?[trajectories.SubjectCount];
        for (int row = 0; row < status.Length; row++)
            status[row] = trajectories.IsPostBaseline(row, v) ? rule.Evaluate(trajectories, row, v) : null;
        return new ResponderClassification(trajectories, rule, trajectories.Visits[v], status);
    }

    /// <summary>Per arm: responders, subjects counted (the denominator) and subjects not evaluable.</summary>
    public IReadOnlyList<ArmResponderCount> CountByArm(NonCompleterHandling handling = NonCompleterHandling.NonResponder)
    {
        Cohort cohort = Trajectories.Cohort;
        var responders = new int[cohort.Arms.Count];
        var evaluable = new int[cohort.Arms.Count];
        var subjects = new int[cohort.Arms.Count];
        for (int row = 0; row < _status.Length; row++)
        {
            int a = Trajectories.ArmOf(row);
            subjects[a]++;
            if (_status[row] is { } known) { evaluable[a]++; if (known) responders[a]++; }
        }
        return cohort.Arms.Select((arm, a) => new ArmResponderCount(arm, responders[a],
            handling == NonCompleterHandling.NonResponder ? subjects[a] : evaluable[a], subjects[a] - evaluable[a], handling)).ToList();
    }
}

/// <summary>Responders in one arm.</summary>
/// <param name="Arm">Arm name.</param>
/// <param name="Responders">Subjects meeting the rule.</param>
/// <param name="Denominator">Subjects counted: all subjects with the parameter (non-responder imputation) or only the evaluable ones (observed cases).</param>
/// <param name="NotEvaluable">Subjects without an evaluable score at the visit (dropped out or missing).</param>
/// <param name="Handling">How not-evaluable subjects were counted.</param>
public sealed record ArmResponderCount(string Arm, int Responders, int Denominator, int NotEvaluable, NonCompleterHandling Handling)
{
    /// <summary>Responders / Denominator (NaN when the denominator is 0).</summary>
    public double Proportion => Denominator == 0 ? double.NaN : (double)Responders / Denominator;
}
