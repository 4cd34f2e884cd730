using System.Globalization;
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
/// <para>Keys: summaries "PARAM|ARM|VISIT|AVAL|CHG|PCHG" (a <see cref="RunningSummary"/> each, with NaN for a subject
/// without a value, so n missing pools too); responders "PARAM|RULE|VISIT|ARM" for the instrument's response and
/// remission rules (<see cref="ArmResponderTally"/>); correlations "X~Y|ARM|VISIT" of CHG (<see cref="RunningCorrelation"/>).</para>
/// <para>Means and variances merge by Chan, Golub &amp; LeVeque (1979); counts by addition. Quantiles (median, Q1, Q3) and
/// Spearman's ρ need the pooled data and are not available from merged summaries.</para>
/// <para>Immutable once built; <see cref="Combine(IEnumerable{SiteSummary})"/> returns a new summary.</para>
/// </remarks>
public sealed class SiteSummary
{
    private const string Format = "CohortAnalysis.SiteSummary/1";

    private SiteSummary(IReadOnlyList<string> sites, SiteSummaryOptions options, Dictionary<string, RunningSummary> summaries,
        Dictionary<string, ArmResponderTally> responders, Dictionary<string, RunningCorrelation> correlations, Dictionary<string, int> imputed)
    {
        Sites = sites; Options = options; Summaries = summaries; Responders = responders; Correlations = correlations; Imputed = imputed;
    }

    /// <summary>The sites merged into this summary.</summary>
    public IReadOnlyList<string> Sites { get; }

    /// <summary>The options (the same at every site).</summary>
    public SiteSummaryOptions Options { get; }

    /// <summary>Change summaries by "PARAM|ARM|VISIT|VARIABLE".</summary>
    public IReadOnlyDictionary<string, RunningSummary> Summaries { get; }

    /// <summary>Responder counts by "PARAM|RULE|VISIT|ARM" (RULE is "response" or "remission").</summary>
    public IReadOnlyDictionary<string, ArmResponderTally> Responders { get; }

    /// <summary>CHG correlations by "X~Y|ARM|VISIT" (ARM "All" for all subjects).</summary>
    public IReadOnlyDictionary<string, RunningCorrelation> Correlations { get; }

    /// <summary>Values carried forward by the missing-data method, by the summary key of the CHG cell.</summary>
    public IReadOnlyDictionary<string, int> Imputed { get; }

    /// <summary>Accumulates a site's cohort (or a whole cohort) under the given name.</summary>
    public static SiteSummary Of(Cohort cohort, string site, SiteSummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        options ??= SiteSummaryOptions.Default;
        var summaries = new Dictionary<string, RunningSummary>(StringComparer.Ordinal);
        var responders = new Dictionary<string, ArmResponderTally>(StringComparer.Ordinal);
        var correlations = new Dictionary<string, RunningCorrelation>(StringComparer.Ordinal);
        var imputed = new Dictionary<string, int>(StringComparer.Ordinal);
        var trajectories = (options.Parameters ?? cohort.Parameters).Select(p => Trajectories.Of(cohort, p, options.MissingData)).ToList();
        foreach (Trajectories t in trajectories)
        {
            for (int v = 0; v < t.Visits.Count; v++)
            {
                string visit = Key(t.Visits[v].Time);
                for (int row = 0; row < t.SubjectCount; row++)
                {
                    string prefix = $"{t.Parameter}|{cohort.Arms[t.ArmOf(row)]}|{visit}|";
                    Accumulate(summaries, prefix + "AVAL", t.Value(row, v));
                    if (!t.IsPostBaseline(row, v)) continue;
                    Accumulate(summaries, prefix + "CHG", t.Change(row, v));
                    Accumulate(summaries, prefix + "PCHG", t.PercentChange(row, v));
                    if (t.IsImputed(row, v)) imputed[prefix + "CHG"] = imputed.GetValueOrDefault(prefix + "CHG") + 1;
                }
                if (t.Instrument is null || !Enumerable.Range(0, t.SubjectCount).Any(r => t.IsPostBaseline(r, v))) continue;
                var rules = new List<(string Name, ResponderRule Rule)> { ("response", ResponderRule.Response(t.Instrument)) };
                if (t.Instrument.Remission is not null) rules.Add(("remission", ResponderRule.Remission(t.Instrument)));
                foreach (var (name, rule) in rules)
                {
                    var classification = ResponderClassification.Of(t, rule, t.Visits[v].Time);
                    foreach (ArmResponderCount count in classification.CountByArm())
                    {
                        if (count.Denominator == 0) continue;
                        responders[$"{t.Parameter}|{name}|{visit}|{count.Arm}"] =
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
        if (all.Any(s => s.Options != all[0].Options)) throw new ArgumentException("Site summaries built with different options cannot be combined.", nameof(sites));
        var summaries = new Dictionary<string, RunningSummary>(StringComparer.Ordinal);
        var responders = new Dictionary<string, ArmResponderTally>(StringComparer.Ordinal);
        var correlations = new Dictionary<string, RunningCorrelation>(StringComparer.Ordinal);
        var imputed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (SiteSummary s in all)
        {
            foreach (var (k, v) in s.Summaries) summaries[k] = summaries.TryGetValue(k, out var a) ? RunningSummary.Combine(a, v) : RunningSummary.Combine(new RunningSummary(), v);
            foreach (var (k, v) in s.Responders) responders[k] = responders.TryGetValue(k, out var a) ? ArmResponderTally.Combine(a, v) : v;
            foreach (var (k, v) in s.Correlations) correlations[k] = correlations.TryGetValue(k, out var a) ? RunningCorrelation.Combine(a, v) : RunningCorrelation.Combine(new RunningCorrelation(), v);
            foreach (var (k, v) in s.Imputed) imputed[k] = imputed.GetValueOrDefault(k) + v;
        }
        return new SiteSummary(all.SelectMany(s => s.Sites).ToList(), all[0].Options, summaries, responders, correlations, imputed);
    }

    /// <summary>Merges site summaries.</summary>
    public static SiteSummary Combine(params SiteSummary[] sites) => Combine((IEnumerable<SiteSummary>)sites);

    /// <summary>The summary as JSON (round-trip precision; the only thing a site needs to send).</summary>
    public string ToJson() => JsonSerializer.Serialize(new State(Format, [.. Sites], Options.MissingData, Options.Parameters?.ToArray(),
        new(Summaries), new(Responders), new(Correlations), new(Imputed)), AccumulatorJson.Options);

    /// <summary>Reads a summary written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">Not a site summary, or another format version.</exception>
    public static SiteSummary FromJson(string json)
    {
        State state = JsonSerializer.Deserialize<State>(json, AccumulatorJson.Options) ?? throw new FormatException("Empty site summary.");
        if (state.Format != Format) throw new FormatException($"Not a site summary of format {Format}: '{state.Format}'.");
        return new SiteSummary(state.Sites, new SiteSummaryOptions { MissingData = state.MissingData, Parameters = state.Parameters },
            new(state.Summaries, StringComparer.Ordinal), new(state.Responders, StringComparer.Ordinal), new(state.Correlations, StringComparer.Ordinal),
            new(state.Imputed, StringComparer.Ordinal));
    }

    /// <summary>The pooled change summaries as a table (quantiles are NaN: they cannot be merged).</summary>
    public PooledChangeTable ChangeTable(double ciLevel = 0.95)
    {
        Guard.CiLevel(ciLevel);
        var rows = Summaries.Select(kv =>
        {
            string[] k = kv.Key.Split('|');
            return new PooledChangeRow(k[0], k[1], double.Parse(k[2], CultureInfo.InvariantCulture), k[3], kv.Value.N, kv.Value.NMissing,
                kv.Value.Mean, kv.Value.Sd, kv.Value.Se, kv.Value.MeanCi(ciLevel), kv.Value.Min, kv.Value.Max, Imputed.GetValueOrDefault(kv.Key));
        }).OrderBy(r => r.Parameter, StringComparer.Ordinal).ThenBy(r => r.Arm, StringComparer.Ordinal).ThenBy(r => r.Visit).ThenBy(r => r.Variable, StringComparer.Ordinal).ToList();
        return new PooledChangeTable(Sites, Options.MissingData, rows);
    }

    private static void Accumulate(Dictionary<string, RunningSummary> summaries, string key, double value)
    {
        if (!summaries.TryGetValue(key, out RunningSummary? s)) summaries[key] = s = new RunningSummary();
        s.Add(value);
    }

    private static void AccumulateCorrelations(Dictionary<string, RunningCorrelation> correlations, Trajectories x, Trajectories y)
    {
        var yRow = new Dictionary<int, int>();
        for (int row = 0; row < y.SubjectCount; row++) yRow[y.SubjectIndices[row]] = row;
        for (int vx = 0; vx < x.Visits.Count; vx++)
        {
            int vy = y.IndexOfVisit(x.Visits[vx].Time);
            if (vy < 0) continue;
            for (int row = 0; row < x.SubjectCount; row++)
            {
                if (!yRow.TryGetValue(x.SubjectIndices[row], out int other)) continue;
                double a = x.Change(row, vx), b = y.Change(other, vy);
                if (double.IsNaN(a) || double.IsNaN(b)) continue;
                string pair = $"{x.Parameter}~{y.Parameter}|", visit = "|" + Key(x.Visits[vx].Time);
                foreach (string arm in new[] { x.Cohort.Arms[x.ArmOf(row)], "All" })
                {
                    string key = pair + arm + visit;
                    if (!correlations.TryGetValue(key, out RunningCorrelation? c)) correlations[key] = c = new RunningCorrelation();
                    c.Add(a, b);
                }
            }
        }
    }

    private static string Key(double visit) => visit.ToString("R", CultureInfo.InvariantCulture);

    private sealed record State(string Format, string[] Sites, MissingDataMethod MissingData, string[]? Parameters,
        Dictionary<string, RunningSummary> Summaries, Dictionary<string, ArmResponderTally> Responders,
        Dictionary<string, RunningCorrelation> Correlations, Dictionary<string, int> Imputed);
}
