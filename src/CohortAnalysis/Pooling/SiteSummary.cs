using System.Text.Json;
using CohortAnalysis.Change;
using CohortAnalysis.Descriptive;
using CohortAnalysis.Inference;
using CohortAnalysis.Responders;

namespace CohortAnalysis.Pooling;

/// <summary>Everything a site can share without sharing patient rows: mergeable accumulators for the change summaries,
/// the responder counts and the change correlations of a cohort. Merging the sites' summaries gives exactly the pooled
/// result.</summary>
/// <remarks>
/// <para>Typed keys: summaries by <see cref="SummaryKey"/> (a <see cref="RunningSummary"/> each, with NaN for a subject
/// without a value, so n missing pools too); responders by <see cref="ResponderKey"/> for the instrument's response and
/// remission rules (<see cref="ArmResponderTally"/>); CHG correlations by <see cref="CorrelationKey"/> (<see cref="RunningCorrelation"/>).</para>
/// <para>Means and variances merge by Chan, Golub &amp; LeVeque (1979); counts by addition. Quantiles (median, Q1, Q3) and
/// Spearman's ρ need the pooled data and are not available from merged summaries.</para>
/// <para>Immutable once built: the accumulators are private, and <see cref="Summaries"/> and <see cref="Correlations"/>
/// hand out copies, so changing what they return cannot change the summary. <see cref="Combine(IEnumerable{SiteSummary})"/>
/// returns a new summary.</para>
/// </remarks>
public sealed class SiteSummary
{
    private const string Format = "CohortAnalysis.SiteSummary/2";

    private readonly Dictionary<SummaryKey, RunningSummary> _summaries;
    private readonly Dictionary<CorrelationKey, RunningCorrelation> _correlations;

    private SiteSummary(IReadOnlyList<string> sites, SiteSummaryOptions options, Dictionary<SummaryKey, RunningSummary> summaries,
        Dictionary<ResponderKey, ArmResponderTally> responders, Dictionary<CorrelationKey, RunningCorrelation> correlations, Dictionary<SummaryKey, int> imputed)
    {
        Sites = sites.ToArray(); Options = options; _summaries = summaries; _correlations = correlations;
        Responders = new System.Collections.ObjectModel.ReadOnlyDictionary<ResponderKey, ArmResponderTally>(responders);
        Imputed = new System.Collections.ObjectModel.ReadOnlyDictionary<SummaryKey, int>(imputed);
    }

    /// <summary>The sites merged into this summary.</summary>
    public IReadOnlyList<string> Sites { get; }

    /// <summary>The options (the same at every site).</summary>
    public SiteSummaryOptions Options { get; }

    /// <summary>Change summaries by parameter × arm × visit × variable: a copy of each accumulator, so adding to it
    /// leaves this summary unchanged.</summary>
    public IReadOnlyDictionary<SummaryKey, RunningSummary> Summaries => _summaries.ToDictionary(kv => kv.Key, kv => Copy(kv.Value));

    /// <summary>Responder counts by parameter × rule × visit × arm (immutable records).</summary>
    public IReadOnlyDictionary<ResponderKey, ArmResponderTally> Responders { get; }

    /// <summary>CHG correlations by parameter pair × arm (null for all subjects) × visit: copies, as <see cref="Summaries"/>.</summary>
    public IReadOnlyDictionary<CorrelationKey, RunningCorrelation> Correlations => _correlations.ToDictionary(kv => kv.Key, kv => Copy(kv.Value));

    /// <summary>Values carried forward by the missing-data method, by the key of the CHG cell.</summary>
    public IReadOnlyDictionary<SummaryKey, int> Imputed { get; }

    /// <summary>Accumulates a site's cohort (or a whole cohort) under the given name.</summary>
    public static SiteSummary Of(Cohort cohort, string site, SiteSummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        options ??= SiteSummaryOptions.Default;
        var summaries = new Dictionary<SummaryKey, RunningSummary>();
        var responders = new Dictionary<ResponderKey, ArmResponderTally>();
        var correlations = new Dictionary<CorrelationKey, RunningCorrelation>();
        var imputed = new Dictionary<SummaryKey, int>();
        var trajectories = (options.Parameters ?? cohort.Parameters).Select(p => Trajectories.Of(cohort, p, options.MissingData)).ToList();
        foreach (Trajectories t in trajectories)
        {
            for (int v = 0; v < t.Visits.Count; v++)
            {
                double visit = t.Visits[v].Time;
                for (int row = 0; row < t.SubjectCount; row++)
                {
                    string arm = cohort.Arms[t.ArmOf(row)];
                    Accumulate(summaries, new SummaryKey(t.Parameter, arm, visit, ChangeVariable.Value), t.Value(row, v));
                    if (!t.IsPostBaseline(row, v)) continue;
                    var chg = new SummaryKey(t.Parameter, arm, visit, ChangeVariable.Change);
                    Accumulate(summaries, chg, t.Change(row, v));
                    Accumulate(summaries, chg with { Variable = ChangeVariable.PercentChange }, t.PercentChange(row, v));
                    if (t.IsImputed(row, v)) imputed[chg] = imputed.GetValueOrDefault(chg) + 1;
                }
                if (t.Instrument is null || !Enumerable.Range(0, t.SubjectCount).Any(r => t.IsPostBaseline(r, v))) continue;
                var rules = new List<(PooledResponderRule Name, ResponderRule Rule)> { (PooledResponderRule.Response, ResponderRule.Response(t.Instrument)) };
                if (t.Instrument.Remission is not null) rules.Add((PooledResponderRule.Remission, ResponderRule.Remission(t.Instrument)));
                foreach (var (name, rule) in rules)
                {
                    var classification = ResponderClassification.Of(t, rule, t.Visits[v].Time);
                    foreach (ArmResponderCount count in classification.CountByArm())
                    {
                        if (count.Denominator == 0) continue;
                        responders[new ResponderKey(t.Parameter, name, visit, count.Arm)] =
                            new ArmResponderTally(count.Responders, count.Denominator - count.NotEvaluable, count.Denominator);
                    }
                }
            }
        }
        for (int i = 0; i < trajectories.Count; i++)
            for (int j = i + 1; j < trajectories.Count; j++)
                AccumulateCorrelations(correlations, trajectories[i], trajectories[j]);
        return new SiteSummary([site], options, summaries, responders, correlations, imputed);
    }

    /// <summary>One summary per level of a subject-level covariate (e.g. "SITEID"), as each site would compute it.</summary>
    public static IReadOnlyDictionary<string, SiteSummary> BySite(Cohort cohort, string siteCovariate = "SITEID", SiteSummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        IReadOnlyList<string?> sites = cohort.CovariateValues(siteCovariate)
            ?? throw new ArgumentException($"The cohort has no covariate '{siteCovariate}'; it has: {string.Join(", ", cohort.CovariateNames)}.", nameof(siteCovariate));
        return sites.Distinct().Order(StringComparer.Ordinal).ToDictionary(
            site => site ?? "(missing)",
            site => Of(cohort.Subset(s => sites[s] == site), site ?? "(missing)", options));
    }

    /// <summary>Merges site summaries into the pooled one (exact for means, SDs, counts and Pearson r).</summary>
    /// <exception cref="ArgumentException">No summaries, or summaries built with different options.</exception>
    public static SiteSummary Combine(IEnumerable<SiteSummary> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        List<SiteSummary> all = sites.ToList();
        if (all.Count == 0) throw new ArgumentException("At least one site summary is required.", nameof(sites));
        SiteSummary? different = all.FirstOrDefault(s => !s.Options.Equals(all[0].Options));
        if (different is not null)
            throw new ArgumentException($"Site summaries built with different options cannot be combined: {all[0].Sites[0]} has {all[0].Options}, {different.Sites[0]} has {different.Options}.", nameof(sites));
        var summaries = new Dictionary<SummaryKey, RunningSummary>();
        var responders = new Dictionary<ResponderKey, ArmResponderTally>();
        var correlations = new Dictionary<CorrelationKey, RunningCorrelation>();
        var imputed = new Dictionary<SummaryKey, int>();
        foreach (SiteSummary s in all)
        {
            foreach (var (k, v) in s._summaries) summaries[k] = RunningSummary.Combine(summaries.TryGetValue(k, out var a) ? a : new RunningSummary(), v);
            foreach (var (k, v) in s.Responders) responders[k] = responders.TryGetValue(k, out var a) ? ArmResponderTally.Combine(a, v) : v;
            foreach (var (k, v) in s._correlations) correlations[k] = RunningCorrelation.Combine(correlations.TryGetValue(k, out var a) ? a : new RunningCorrelation(), v);
            foreach (var (k, v) in s.Imputed) imputed[k] = imputed.GetValueOrDefault(k) + v;
        }
        return new SiteSummary(all.SelectMany(s => s.Sites).ToList(), all[0].Options, summaries, responders, correlations, imputed);
    }

    /// <summary>Merges site summaries.</summary>
    public static SiteSummary Combine(params SiteSummary[] sites) => Combine((IEnumerable<SiteSummary>)sites);

    /// <summary>The summary as JSON (round-trip precision; the only thing a site needs to send).</summary>
    public string ToJson() => JsonSerializer.Serialize(new State(Format, [.. Sites], Options.MissingData, Options.Parameters?.ToArray(),
        [.. _summaries.Select(kv => new SummaryEntry(kv.Key, kv.Value, Imputed.GetValueOrDefault(kv.Key)))],
        [.. Responders.Select(kv => new ResponderEntry(kv.Key, kv.Value))],
        [.. _correlations.Select(kv => new CorrelationEntry(kv.Key, kv.Value))]), AccumulatorJson.Default.SiteSummaryState);

    /// <summary>Reads a summary written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">Not a site summary, or another format version.</exception>
    public static SiteSummary FromJson(string json)
    {
        State state = JsonSerializer.Deserialize(json, AccumulatorJson.Default.SiteSummaryState) ?? throw new FormatException("Empty site summary.");
        if (state.Format != Format) throw new FormatException($"Not a site summary of format {Format}: '{state.Format}'.");
        return new SiteSummary(state.Sites, new SiteSummaryOptions { MissingData = state.MissingData, Parameters = state.Parameters },
            state.Summaries.ToDictionary(e => e.Key, e => e.Summary), state.Responders.ToDictionary(e => e.Key, e => e.Tally),
            state.Correlations.ToDictionary(e => e.Key, e => e.Correlation),
            state.Summaries.Where(e => e.Imputed > 0).ToDictionary(e => e.Key, e => e.Imputed));
    }

    /// <summary>The pooled change summaries as a table (quantiles cannot be merged, so there are none).</summary>
    public PooledChangeTable ChangeTable(double ciLevel = 0.95)
    {
        Guard.CiLevel(ciLevel);
        var rows = _summaries.Select(kv =>
        {
            RunningSummary s = kv.Value;
            var sizes = EstimateSizes.Single(checked((int)s.N), checked((int)s.NMissing));
            return new PooledChangeRow(kv.Key, Options.MissingData, sizes, s.Mean, s.Sd, s.Se, s.MeanCi(ciLevel), s.Min, s.Max, Imputed.GetValueOrDefault(kv.Key));
        }).OrderBy(r => r.Key.Parameter, StringComparer.Ordinal).ThenBy(r => r.Key.Arm, StringComparer.Ordinal).ThenBy(r => r.Key.Visit).ThenBy(r => r.Key.Variable).ToList();
        return new PooledChangeTable(Sites, Options.MissingData, rows, ciLevel);
    }

    private static RunningSummary Copy(RunningSummary s) => RunningSummary.Combine(new RunningSummary(), s);

    private static RunningCorrelation Copy(RunningCorrelation c) => RunningCorrelation.Combine(new RunningCorrelation(), c);

    private static void Accumulate(Dictionary<SummaryKey, RunningSummary> summaries, SummaryKey key, double value)
    {
        if (!summaries.TryGetValue(key, out RunningSummary? s)) summaries[key] = s = new RunningSummary();
        s.Add(value);
    }

    private static void AccumulateCorrelations(Dictionary<CorrelationKey, RunningCorrelation> correlations, Trajectories x, Trajectories y)
    {
        IReadOnlyList<(int RowX, int RowY)> pairs = AnalysisContext.PairSubjects(x, y);
        for (int vx = 0; vx < x.Visits.Count; vx++)
        {
            int vy = y.IndexOfVisit(x.Visits[vx].Time);
            if (vy < 0) continue;
            foreach (var (row, other) in pairs)
            {
                double a = x.Change(row, vx), b = y.Change(other, vy);
                if (double.IsNaN(a) || double.IsNaN(b)) continue;
                foreach (string? arm in new[] { x.Cohort.Arms[x.ArmOf(row)], null })
                {
                    var key = new CorrelationKey(x.Parameter, y.Parameter, arm, x.Visits[vx].Time);
                    if (!correlations.TryGetValue(key, out RunningCorrelation? c)) correlations[key] = c = new RunningCorrelation();
                    c.Add(a, b);
                }
            }
        }
    }

    internal sealed record SummaryEntry(SummaryKey Key, RunningSummary Summary, int Imputed);

    internal sealed record ResponderEntry(ResponderKey Key, ArmResponderTally Tally);

    internal sealed record CorrelationEntry(CorrelationKey Key, RunningCorrelation Correlation);

    internal sealed record State(string Format, string[] Sites, MissingDataMethod MissingData, string[]? Parameters,
        SummaryEntry[] Summaries, ResponderEntry[] Responders, CorrelationEntry[] Correlations);
}
