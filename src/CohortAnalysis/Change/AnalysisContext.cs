namespace CohortAnalysis.Change;

/// <summary>Resolves once what every cohort-level analysis needs: the parameter's trajectories, the visit, the arms, the
/// reference arm (and how it was chosen) and which subjects pair up, so no analysis repeats it or guesses differently.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. The reference arm is the one given, else the only arm named like "placebo", else the
/// first arm alphabetically (<see cref="CohortAnalysis.ReferenceArm.Resolve"/>); every <see cref="Comparison"/> built here
/// carries the choice, so results say when it was guessed. Treatment arms are all other arms, in the cohort's order:
/// with three arms, both active arms are compared with the reference, none silently dropped.</para>
/// </remarks>
public sealed class AnalysisContext
{
    private AnalysisContext(Trajectories trajectories, string reference, ReferenceArmSource source)
    {
        Trajectories = trajectories;
        ReferenceArm = reference;
        ReferenceSource = source;
        TreatmentArms = trajectories.Cohort.Arms.Where(a => a != reference).ToArray();
    }

    /// <summary>A context over <paramref name="trajectories"/> with the reference arm <paramref name="reference"/> (null: guessed).</summary>
    /// <exception cref="ArgumentException">The named reference arm does not exist (the message lists the arms).</exception>
    public static AnalysisContext Of(Trajectories trajectories, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        var (arm, source) = CohortAnalysis.ReferenceArm.Resolve(trajectories.Cohort.Arms, reference);
        return new AnalysisContext(trajectories, arm, source);
    }

    /// <summary>The parameter's subjects × visits grid.</summary>
    public Trajectories Trajectories { get; }

    /// <summary>The reference arm of between-arm comparisons.</summary>
    public string ReferenceArm { get; }

    /// <summary>How <see cref="ReferenceArm"/> was chosen.</summary>
    public ReferenceArmSource ReferenceSource { get; }

    /// <summary>Every arm other than the reference, in the cohort's order.</summary>
    public IReadOnlyList<string> TreatmentArms { get; }

    /// <summary>Index into the cohort's arms.</summary>
    /// <exception cref="ArgumentException">No such arm (the message lists the arms).</exception>
    public int ArmIndex(string arm) => Trajectories.ArmIndex(arm);

    /// <summary>Index into <see cref="Trajectories"/>' visits of the visit at study time <paramref name="time"/>.</summary>
    /// <exception cref="ArgumentException">The parameter has no such visit (the message lists its visits with labels).</exception>
    public int VisitIndex(double time) => Trajectories.VisitIndex(time);

    /// <summary>Indices of the post-baseline visits (at least one subject has a value after its baseline), by time.</summary>
    public IReadOnlyList<int> PostBaselineVisits()
    {
        var t = Trajectories;
        return Enumerable.Range(0, t.Visits.Count).Where(v => Enumerable.Range(0, t.SubjectCount).Any(r => t.IsPostBaseline(r, v))).ToList();
    }

    /// <summary>The treatment arm of a two-arm question: the one given, else the only arm other than the reference.</summary>
    /// <exception cref="ArgumentException">The arm does not exist, is the reference, or there are several candidates and none was named.</exception>
    public string Treatment(string? given)
    {
        if (given is not null)
        {
            ArmIndex(given);
            if (given == ReferenceArm)
                throw new ArgumentException($"The treatment arm '{given}' is also the reference arm; name two different arms.", nameof(given));
            return given;
        }
        return TreatmentArms.Count switch
        {
            0 => throw new ArgumentException($"The cohort has a single arm ({ReferenceArm}): between-arm comparisons need two.", nameof(given)),
            1 => TreatmentArms[0],
            _ => throw new ArgumentException(
                $"The cohort has {TreatmentArms.Count + 1} arms ({string.Join(", ", Trajectories.Cohort.Arms)}): name the treatment arm (Treatment, --arms) or use the table over all arms, which compares each with {ReferenceArm}.", nameof(given)),
        };
    }

    /// <summary>The non-missing values of <paramref name="variable"/> for one arm at a visit, and how many of the arm's
    /// subjects had none there.</summary>
    public (double[] Values, int Missing) Values(string arm, int visit, ChangeVariable variable)
    {
        double[] values = Trajectories.ArmValues(ArmIndex(arm), visit, variable, out int missing);
        return (values, missing);
    }

    /// <summary>Each subject of one arm with a baseline and a value at the visit: (value at the visit, baseline), and how
    /// many of the arm's subjects lacked one of them.</summary>
    public (double[] Post, double[] Pre, int Missing) Pairs(string arm, int visit)
    {
        int a = ArmIndex(arm);
        var t = Trajectories;
        var post = new List<double>();
        var pre = new List<double>();
        int missing = 0;
        for (int row = 0; row < t.SubjectCount; row++)
        {
            if (t.ArmOf(row) != a) continue;
            if (double.IsNaN(t.Change(row, visit))) { missing++; continue; }
            post.Add(t.Value(row, visit));
            pre.Add(t.Baseline(row));
        }
        return (post.ToArray(), pre.ToArray(), missing);
    }

    /// <summary>The comparison of <paramref name="arm"/> with the reference arm at a visit.</summary>
    public Comparison Between(string arm, int visit, ChangeVariable variable) => new()
    {
        Parameter = Trajectories.Parameter, Visit = Trajectories.Visits[visit], Variable = variable, Arm = arm,
        ReferenceArm = ReferenceArm, ReferenceSource = ReferenceSource, MissingData = Trajectories.MissingData,
    };

    /// <summary>The within-arm description (post − baseline) of <paramref name="arm"/> at a visit.</summary>
    public Comparison Within(string arm, int visit, ChangeVariable variable) => new()
    {
        Parameter = Trajectories.Parameter, Visit = Trajectories.Visits[visit], Variable = variable, Arm = arm,
        MissingData = Trajectories.MissingData,
    };

    /// <summary>Grid rows of the same subject in two parameters' trajectories (e.g. mood and pain): pairs of
    /// (row in <paramref name="x"/>, row in <paramref name="y"/>), in <paramref name="x"/>'s order.</summary>
    /// <exception cref="ArgumentException">The trajectories come from different cohorts.</exception>
    public static IReadOnlyList<(int RowX, int RowY)> PairSubjects(Trajectories x, Trajectories y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (!ReferenceEquals(x.Cohort, y.Cohort)) throw new ArgumentException("The two trajectories come from different cohorts.", nameof(y));
        var rowOf = new Dictionary<int, int>(y.SubjectCount);
        for (int row = 0; row < y.SubjectCount; row++) rowOf[y.SubjectIndices[row]] = row;
        var pairs = new List<(int, int)>();
        for (int row = 0; row < x.SubjectCount; row++)
            if (rowOf.TryGetValue(x.SubjectIndices[row], out int other)) pairs.Add((row, other));
        return pairs;
    }
}
