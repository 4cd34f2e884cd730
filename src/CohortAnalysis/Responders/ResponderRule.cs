using System.Globalization;
using CohortAnalysis.Change;
using CohortAnalysis.Instruments;

namespace CohortAnalysis.Responders;

/// <summary>A rule that classifies a subject at a visit as responder or not: percent or absolute improvement from
/// baseline, a score threshold (remission), combinations, and sustained response over consecutive visits.</summary>
/// <remarks>
/// <para>Immutable. "Improvement" follows the instrument's direction: for a higher-is-worse scale (all built-ins) it is
/// baseline − score. Percent improvement is 100·improvement/|baseline|; with baseline 0 no percent improvement is possible,
/// so a percent rule is not met (the score is known, so the subject is evaluable). Comparisons
/// are exact on the stated threshold (≥ 50 % includes exactly 50 %), computed without division so that 15 of 30 is a
/// 50 % improvement to the last bit.</para>
/// <para>A subject is <em>not evaluable</em> at a visit when the score (or the baseline a rule needs) is missing; how
/// such subjects count is the analysis's choice (<see cref="NonCompleterHandling"/>).</para>
/// </remarks>
public abstract record ResponderRule
{
    private protected ResponderRule() { }

    /// <summary>What the rule says, e.g. "≥ 50% improvement from baseline".</summary>
    public abstract string Description { get; }

    /// <summary>True, false, or null when not evaluable.</summary>
    internal abstract bool? Evaluate(Trajectories trajectories, int row, int visit);

    /// <summary>Improvement of at least <paramref name="percent"/> % of baseline (e.g. 50 for the usual depression response).</summary>
    public static ResponderRule PercentImprovement(double percent)
    {
        Guard.Finite(percent);
        return new PercentRule(percent);
    }

    /// <summary>Improvement of at least <paramref name="points"/> score points (e.g. 2 on the pain NRS).</summary>
    public static ResponderRule PointsImprovement(double points)
    {
        Guard.Finite(points);
        return new PointsRule(points);
    }

    /// <summary>Score at or below <paramref name="score"/> (inclusive), e.g. MADRS ≤ 10.</summary>
    public static ResponderRule ScoreAtOrBelow(double score) => new ThresholdRule(new RemissionCutoff(score, true, "custom"));

    /// <summary>Score strictly below <paramref name="score"/>, e.g. PHQ-9 &lt; 5.</summary>
    public static ResponderRule ScoreBelow(double score) => new ThresholdRule(new RemissionCutoff(score, false, "custom"));

    /// <summary>The instrument's conventional response (e.g. ≥ 50 % improvement), from the registry.</summary>
    public static ResponderRule Response(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return ImportantChange(instrument.Response);
    }

    /// <summary>The instrument's remission cut-off (e.g. MADRS ≤ 10).</summary>
    /// <exception cref="ArgumentException">The instrument has no conventional remission cut-off (pain scales).</exception>
    public static ResponderRule Remission(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        RemissionCutoff cutoff = instrument.Remission
            ?? throw new ArgumentException($"{instrument.Code} has no conventional remission cut-off; use ScoreAtOrBelow(score).", nameof(instrument));
        return new ThresholdRule(cutoff);
    }

    /// <summary>An important-change threshold: percent or points improvement (either suffices when both are set,
    /// as IMMPACT's "≥ 30 % or ≥ 2 points").</summary>
    public static ResponderRule ImportantChange(ChangeThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ResponderRule? rule = null;
        if (threshold.PercentImprovement is { } p) rule = PercentImprovement(p);
        if (threshold.PointsImprovement is { } d) rule = rule is null ? PointsImprovement(d) : rule.Or(PointsImprovement(d));
        return rule ?? throw new ArgumentException($"Threshold '{threshold.Name}' sets neither a percent nor a points improvement.", nameof(threshold));
    }

    /// <summary>Both rules hold (e.g. Griffiths 2016 remission: ≥ 50 % improvement and HAM-D ≤ 7).</summary>
    public ResponderRule And(ResponderRule other) => new CombinedRule(this, other ?? throw new ArgumentNullException(nameof(other)), true);

    /// <summary>Either rule holds.</summary>
    public ResponderRule Or(ResponderRule other) => new CombinedRule(this, other ?? throw new ArgumentNullException(nameof(other)), false);

    /// <summary>The rule holds at every recorded visit from <paramref name="fromVisit"/> through the analysis visit
    /// (sustained response, e.g. Goodwin 2022: response at week 3 sustained through week 12).</summary>
    public ResponderRule SustainedFrom(double fromVisit)
    {
        Guard.Finite(fromVisit);
        return new SustainedRule(this, fromVisit);
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    private static double Improvement(Trajectories t, int row, int visit)
    {
        double change = t.Change(row, visit);
        return t.Instrument?.Direction == ScoreDirection.HigherIsBetter ? change : -change;
    }

    private sealed record PercentRule(double Percent) : ResponderRule
    {
        public override string Description => string.Create(CultureInfo.InvariantCulture, $"≥ {Percent:0.##}% improvement from baseline");

        internal override bool? Evaluate(Trajectories t, int row, int visit)
        {
            double improvement = Improvement(t, row, visit), baseline = t.Baseline(row);
            if (double.IsNaN(improvement)) return null;
            return baseline != 0 && improvement * 100 >= Percent * Math.Abs(baseline);
        }
    }

    private sealed record PointsRule(double Points) : ResponderRule
    {
        public override string Description => string.Create(CultureInfo.InvariantCulture, $"≥ {Points:0.##} points improvement from baseline");

        internal override bool? Evaluate(Trajectories t, int row, int visit)
        {
            double improvement = Improvement(t, row, visit);
            return double.IsNaN(improvement) ? null : improvement >= Points;
        }
    }

    private sealed record ThresholdRule(RemissionCutoff Cutoff) : ResponderRule
    {
        public override string Description => $"score {Cutoff}";

        internal override bool? Evaluate(Trajectories t, int row, int visit)
        {
            double score = t.Value(row, visit);
            return double.IsNaN(score) ? null : Cutoff.IsMetBy(score);
        }
    }

    private sealed record CombinedRule(ResponderRule First, ResponderRule Second, bool Both) : ResponderRule
    {
        public override string Description => $"({First.Description}) {(Both ? "and" : "or")} ({Second.Description})";

        internal override bool? Evaluate(Trajectories t, int row, int visit)
        {
            bool? a = First.Evaluate(t, row, visit), b = Second.Evaluate(t, row, visit);
            // Three-valued logic: a known false decides "and", a known true decides "or".
            if (Both) return a == false || b == false ? false : a is null || b is null ? null : true;
            return a == true || b == true ? true : a is null || b is null ? null : false;
        }
    }

    private sealed record SustainedRule(ResponderRule Inner, double FromVisit) : ResponderRule
    {
        public override string Description => string.Create(CultureInfo.InvariantCulture, $"{Inner.Description}, sustained from {new Visit(FromVisit, null).DisplayName}");

        internal override bool? Evaluate(Trajectories t, int row, int visit)
        {
            bool sawVisit = false;
            for (int v = 0; v <= visit; v++)
            {
                if (t.Visits[v].Time < FromVisit) continue;
                sawVisit = true;
                bool? ok = Inner.Evaluate(t, row, v);
                if (ok != true) return ok;
            }
            return sawVisit ? true : null;
        }
    }
}
