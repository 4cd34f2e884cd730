using CohortAnalysis.Change;

namespace CohortAnalysis.Responders;

/// <summary>Subjects classified as responder, non-responder or not evaluable at one visit, on one parameter or jointly on two.</summary>
/// <remarks>Immutable. <see cref="Status"/> aligns with <see cref="SubjectIndices"/> (indices into <see cref="Cohort.Subjects"/>).</remarks>
public sealed class ResponderClassification
{
    private readonly bool?[] _status;
    private readonly int[] _subjects;

    private ResponderClassification(Cohort cohort, string parameter, string rule, Visit visit, MissingDataMethod missingData, int[] subjects, bool?[] status)
    {
        Cohort = cohort; Parameter = parameter; Rule = rule; Visit = visit; MissingData = missingData; _subjects = subjects; _status = status;
    }

    /// <summary>The cohort.</summary>
    public Cohort Cohort { get; }

    /// <summary>Parameter code, or "MADRS &amp; PAINNRS" for a joint classification.</summary>
    public string Parameter { get; }

    /// <summary>The rule, as text.</summary>
    public string Rule { get; }

    /// <summary>The analysis visit.</summary>
    public Visit Visit { get; }

    /// <summary>Missing-data method of the underlying trajectories.</summary>
    public MissingDataMethod MissingData { get; }

    /// <summary>Cohort subject indices classified.</summary>
    public IReadOnlyList<int> SubjectIndices => _subjects;

    /// <summary>Per subject: true (responder), false (non-responder) or null (not evaluable).</summary>
    public IReadOnlyList<bool?> Status => _status;

    /// <summary>Classifies every subject at the visit with study time <paramref name="visitTime"/>.</summary>
    /// <exception cref="ArgumentException">The parameter was not recorded at that visit.</exception>
    public static ResponderClassification Of(Trajectories trajectories, ResponderRule rule, double visitTime)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentNullException.ThrowIfNull(rule);
        int v = trajectories.VisitIndex(visitTime);
        var status = new bool?[trajectories.SubjectCount];
        for (int row = 0; row < status.Length; row++)
            status[row] = trajectories.IsPostBaseline(row, v) ? rule.Evaluate(trajectories, row, v) : null;
        return new ResponderClassification(trajectories.Cohort, trajectories.Parameter, rule.Description, trajectories.Visits[v],
            trajectories.MissingData, [.. trajectories.SubjectIndices], status);
    }

    /// <summary>Responders on both classifications (e.g. mood response and pain response), subject by subject.</summary>
    /// <remarks>A subject is a joint responder when both are true, a non-responder when either is false, and not
    /// evaluable otherwise (including a subject who lacks one of the parameters).</remarks>
    /// <exception cref="ArgumentException">The two classifications come from different cohorts.</exception>
    public static ResponderClassification Joint(ResponderClassification first, ResponderClassification second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!ReferenceEquals(first.Cohort, second.Cohort)) throw new ArgumentException("Both classifications must come from the same cohort.", nameof(second));
        int[] subjects = first._subjects.Union(second._subjects).Order().ToArray();
        var status = new bool?[subjects.Length];
        for (int i = 0; i < subjects.Length; i++)
        {
            bool? a = first.StatusOf(subjects[i]), b = second.StatusOf(subjects[i]);
            status[i] = a == false || b == false ? false : a is null || b is null ? null : true;
        }
        string visit = first.Visit.Time == second.Visit.Time ? "" : $" (second at {second.Visit.DisplayName})";
        return new ResponderClassification(first.Cohort, $"{first.Parameter} & {second.Parameter}", $"({first.Rule}) and ({second.Rule}){visit}",
            first.Visit, first.MissingData, subjects, status);
    }

    /// <summary>The status of cohort subject <paramref name="subject"/>; null when not evaluable or not classified.</summary>
    public bool? StatusOf(int subject)
    {
        int i = Array.BinarySearch(_subjects, subject);
        return i >= 0 ? _status[i] : null;
    }

    /// <summary>Per arm: responders, subjects counted (the denominator) and subjects not evaluable.</summary>
    public IReadOnlyList<ArmResponderCount> CountByArm(NonCompleterHandling handling = NonCompleterHandling.NonResponder)
    {
        int arms = Cohort.Arms.Count;
        var responders = new int[arms];
        var evaluable = new int[arms];
        var subjects = new int[arms];
        for (int i = 0; i < _status.Length; i++)
        {
            int a = Cohort.ArmIndexOfSubject(_subjects[i]);
            subjects[a]++;
            if (_status[i] is { } known) { evaluable[a]++; if (known) responders[a]++; }
        }
        return Cohort.Arms.Select((arm, a) => new ArmResponderCount(arm, responders[a],
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
