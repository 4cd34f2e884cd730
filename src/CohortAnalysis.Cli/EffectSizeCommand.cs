using System.CommandLine;
using CohortAnalysis.Change;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Resampling;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort effect-size [FILE] --measure M --visit N</c>: an effect size with its CI between two arms (or within each arm).</summary>
internal static class EffectSizeCommand
{
    private static readonly Dictionary<string, EffectSizeMeasure> Measures = new()
    {
        ["cohens-d"] = EffectSizeMeasure.CohensD, ["hedges-g"] = EffectSizeMeasure.HedgesG, ["glass-delta"] = EffectSizeMeasure.GlassDelta,
        ["d-z"] = EffectSizeMeasure.Dz, ["d-av"] = EffectSizeMeasure.Dav, ["d-rm"] = EffectSizeMeasure.Drm, ["d-ppc2"] = EffectSizeMeasure.Dppc2, ["d-ppc1"] = EffectSizeMeasure.Dppc1,
        ["rank-biserial"] = EffectSizeMeasure.RankBiserial, ["cliffs-delta"] = EffectSizeMeasure.CliffsDelta, ["cles"] = EffectSizeMeasure.Cles,
        ["cohens-h"] = EffectSizeMeasure.CohensH,
    };

    public static Command Create()
    {
        var options = new CliOptions();
        var analysis = new AnalysisOptions();
        var measure = new Option<string>("--measure") { Description = "cohens-d (default), hedges-g, glass-delta, d-z, d-av, d-rm, d-ppc2, d-ppc1, rank-biserial, cliffs-delta, cles, cohens-h.", DefaultValueFactory = _ => "cohens-d" };
        measure.AcceptOnlyFromAmong([.. Measures.Keys]);
        var ciMethod = new Option<string>("--ci-method") { Description = "noncentral-t (default, as R effectsize), normal, bootstrap (BCa, stratified by arm). Applies to d, g, Glass, CLES, d-ppc2 and (normal or bootstrap) d-z/d-av/d-rm; rank-biserial, Cliff's delta and Cohen's h keep their own intervals.", DefaultValueFactory = _ => "noncentral-t" };
        ciMethod.AcceptOnlyFromAmong("noncentral-t", "normal", "bootstrap");
        var seed = new Option<ulong>("--seed") { Description = "Bootstrap seed (default 20240601; the same seed gives the same interval on any machine).", DefaultValueFactory = _ => BootstrapOptions.Default.Seed };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples (default 2000).", DefaultValueFactory = _ => BootstrapOptions.Default.Resamples };
        var on = new Option<string>("--on") { Description = "chg (default), value or pchg.", DefaultValueFactory = _ => "chg" };
        on.AcceptOnlyFromAmong("chg", "value", "pchg");
        var arms = new Option<string?>("--arms") { Description = "TREATMENT,REFERENCE (default: the non-placebo arm vs placebo)." };
        var command = new Command("effect-size", "Effect size with confidence interval at --visit between two arms (d, g, Glass, d_ppc2, rank-biserial, Cliff's delta, CLES, Cohen's h) or within each arm (d_z, d_av, d_rm).");
        options.AddTo(command);
        analysis.AddTo(command);
        foreach (Option o in new Option[] { measure, ciMethod, seed, resamples, on, arms }) command.Options.Add(o);
        CommandRunner.SetAction(command, options, result =>
        {
            Cohort cohort = options.ReadCohort(result);
            string[]? armNames = result.GetValue(arms)?.Split(',', StringSplitOptions.TrimEntries);
            if (armNames is { Length: not 2 }) throw new ArgumentException("--arms takes two arm names separated by a comma: TREATMENT,REFERENCE.");
            var standardized = StandardizedDifferenceOptions.Default with
            {
                CiLevel = result.GetValue(analysis.CiLevel),
                CiMethod = result.GetValue(ciMethod) switch { "normal" => CiMethod.Normal, "bootstrap" => CiMethod.BootstrapBca, _ => CiMethod.NoncentralT },
                Bootstrap = BootstrapOptions.Default with { Seed = result.GetValue(seed), Resamples = result.GetValue(resamples) },
            };
            var esOptions = new EffectSizeAnalysisOptions
            {
                Measure = Measures[result.GetValue(measure)!],
                On = result.GetValue(on) switch { "value" => ChangeVariable.Value, "pchg" => ChangeVariable.PercentChange, _ => ChangeVariable.Change },
                MissingData = analysis.MissingData(result),
                Treatment = armNames?[0],
                Reference = armNames?[1],
                Standardized = standardized,
            };
            IReadOnlyList<string> parameters = result.GetValue(analysis.Code) is { } code ? [code] : cohort.Parameters;
            EffectSizeTable all = EffectSizeAnalysis.ByVisit(cohort, esOptions, parameters);
            double? visit = result.GetValue(analysis.Visit);
            var rows = all.Where(r => visit is null || r.Label.Contains($" {cohort.VisitAt(visit.Value).DisplayName}:", StringComparison.Ordinal)).ToList();
            if (visit is { } v && rows.Count == 0)
                throw new ArgumentException($"No post-baseline visit {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}; visits are {string.Join(", ", cohort.Visits.Select(x => x.Time))}.");
            if (options.Json(result))
            {
                Console.Out.WriteLine(JsonOutput.Serialize(new
                {
                    source = cohort.Source, measure = result.GetValue(measure), on = result.GetValue(on), missingData = esOptions.MissingData,
                    rowsUsed = cohort.ObservationCount, rowsExcluded = cohort.Report.RowsExcluded,
                    estimates = rows.Select(r => EstimateJson.Of(r.Estimate.Name, r.Label, r.Estimate.Value, r.Estimate.Ci, r.Estimate.Method, r.Estimate.N, note: r.Note) with { }),
                    references = rows.Select(r => r.Estimate.Reference).Distinct(),
                }));
            }
            else
            {
                foreach (LabelledEffectSize r in rows)
                    Console.Out.WriteLine($"{r.Label}: {r.Estimate.ToString(EffectSizeRules.Cohen1988D)}{(r.Note.Length > 0 ? " (" + r.Note + ")" : "")}");
                Console.Out.WriteLine($"Missing data: {esOptions.MissingData.Describe()}; on {result.GetValue(on)!.ToUpperInvariant()}; sign: treatment − reference.");
                foreach (string reference in rows.Select(r => r.Estimate.Reference).Where(r => r.Length > 0).Distinct()) Console.Out.WriteLine("Reference: " + reference);
            }
            return 0;
        });
        return command;
    }
}
