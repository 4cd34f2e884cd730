using System.CommandLine;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Resampling;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort effect-size [FILE] --measure M --visit N</c>: an effect size with its CI for every treatment arm
/// against the reference arm (or within each arm), at one visit or at every post-baseline visit.</summary>
internal static class EffectSizeCommand
{
    /// <summary>The measures by CLI name.</summary>
    internal static readonly Dictionary<string, EffectSizeMeasure> Measures = new()
    {
        ["cohens-d"] = EffectSizeMeasure.CohensD, ["hedges-g"] = EffectSizeMeasure.HedgesG, ["glass-delta"] = EffectSizeMeasure.GlassDelta,
        ["d-z"] = EffectSizeMeasure.Dz, ["g-z"] = EffectSizeMeasure.Gz, ["d-av"] = EffectSizeMeasure.Dav, ["d-rm"] = EffectSizeMeasure.Drm,
        ["d-ppc2"] = EffectSizeMeasure.Dppc2, ["d-ppc1"] = EffectSizeMeasure.Dppc1,
        ["rank-biserial"] = EffectSizeMeasure.RankBiserial, ["cliffs-delta"] = EffectSizeMeasure.CliffsDelta, ["cles"] = EffectSizeMeasure.Cles,
        ["cohens-h"] = EffectSizeMeasure.CohensH,
    };

    /// <summary>The CI methods by CLI name ("bootstrap" is BCa).</summary>
    internal static readonly Dictionary<string, CiMethod> CiMethodNames = new()
    {
        ["noncentral-t"] = CiMethod.NoncentralT, ["normal"] = CiMethod.Normal, ["bootstrap"] = CiMethod.BootstrapBca,
        ["bootstrap-bca"] = CiMethod.BootstrapBca, ["bootstrap-percentile"] = CiMethod.BootstrapPercentile, ["bootstrap-basic"] = CiMethod.BootstrapBasic,
    };

    public static Command Create()
    {
        var options = new CliOptions();
        var analysis = new AnalysisOptions();
        var measure = new Option<string>("--measure") { Description = "cohens-d (default), hedges-g, glass-delta, d-z, g-z, d-av, d-rm, d-ppc2, d-ppc1, rank-biserial, cliffs-delta, cles, cohens-h.", DefaultValueFactory = _ => "cohens-d" };
        measure.AcceptOnlyFromAmong([.. Measures.Keys]);
        var ciMethod = new Option<string?>("--ci-method") { Description = "noncentral-t, normal, bootstrap (= bootstrap-bca), bootstrap-percentile, bootstrap-basic. Default: the measure's R default (noncentral t for d, g, Glass, d-z, g-z, CLES; normal for d-av, d-rm, d-ppc1, d-ppc2, rank-biserial, Cliff's delta, Cohen's h). A method the measure does not have is an error." };
        ciMethod.AcceptOnlyFromAmong([.. CiMethodNames.Keys]);
        var seed = new Option<ulong>("--seed") { Description = "Bootstrap seed (default 20240601; the same seed gives the same interval on any machine).", DefaultValueFactory = _ => BootstrapOptions.Default.Seed };
        var resamples = new Option<int?>("--resamples") { Description = "Bootstrap resamples (default 2000); only with a bootstrap --ci-method." };
        var on = new Option<string?>("--on") { Description = "chg (default), value or pchg: the variable compared between arms by d, g, Glass, rank-biserial, Cliff's delta, CLES." };
        on.AcceptOnlyFromAmong("chg", "value", "pchg");
        var arms = new Option<string?>("--arms") { Description = "TREATMENT,REFERENCE: one comparison (default: every other arm against the reference arm)." };
        var command = new Command("effect-size", "Effect size with confidence interval at --visit (default: every post-baseline visit) for each arm against the reference arm (d, g, Glass, d_ppc1, d_ppc2, rank-biserial, Cliff's delta, CLES, Cohen's h) or within each arm (d_z, g_z, d_av, d_rm).");
        options.AddTo(command);
        analysis.AddTo(command);
        foreach (Option o in new Option[] { measure, ciMethod, seed, resamples, on, arms }) command.Options.Add(o);
        CommandRunner.SetAction(command, options, result =>
        {
            string[]? armNames = result.GetValue(arms)?.Split(',', StringSplitOptions.TrimEntries);   // two distinct names (OptionRules)
            string? reference = result.GetValue(analysis.Reference);
            if (armNames is not null && reference is not null && reference != armNames[1])
                throw new ArgumentException($"--reference {reference} contradicts --arms {armNames[0]},{armNames[1]}; give one of them.");
            CiMethod? ci = result.GetValue(ciMethod) is { } name ? CiMethodNames[name] : null;
            bool bootstrap = ci is CiMethod.BootstrapBca or CiMethod.BootstrapPercentile or CiMethod.BootstrapBasic;
            int? resampleCount = result.GetValue(resamples);   // only with a bootstrap --ci-method (OptionRules)
            Cohort cohort = options.ReadCohort(result);
            var esOptions = new EffectSizeAnalysisOptions
            {
                Measure = Measures[result.GetValue(measure)!],
                On = result.GetValue(on) switch { "value" => ChangeVariable.Value, "pchg" => ChangeVariable.PercentChange, "chg" => ChangeVariable.Change, _ => null },
                MissingData = analysis.MissingData(result),
                Treatment = armNames?[0],
                Reference = armNames?[1] ?? reference,
                CiMethod = ci,
                Standardized = StandardizedDifferenceOptions.Default with
                {
                    CiLevel = result.GetValue(analysis.CiLevel),
                    Bootstrap = bootstrap ? BootstrapOptions.Default with { Seed = result.GetValue(seed), Resamples = resampleCount ?? BootstrapOptions.Default.Resamples } : BootstrapOptions.Default,
                },
            };
            IReadOnlyList<string> parameters = result.GetValue(analysis.Code) is { } code ? [code] : cohort.Parameters;
            if (esOptions.On != ChangeVariable.Value) AnalysisOptions.RequireBaseline(cohort, parameters);
            double? visit = result.GetValue(analysis.Visit);
            EffectSizeEstimate[] rows = BootstrapProgressDisplay.Run(bootstrap, progress => visit is { } v
                ? parameters.SelectMany(p => EffectSizeAnalysis.ForVisit(cohort, p, v, esOptions, progress)).ToArray()
                : EffectSizeAnalysis.ByVisit(cohort, esOptions, parameters, progress).ToArray());
            string title = rows.Length > 0 ? $"{rows[0].Name}: sign = arm − reference (post − baseline within an arm)" : "Effect sizes";
            EstimateOutput.Write(result, options, cohort, title, rows, json => json.WriteString("measure", result.GetValue(measure)));
            if (options.OutputFormat(result) == "text")
                DataNotes.Write(Console.Out, cohort, rows, () => cohort.WhyNoValues(esOptions.On ?? ChangeVariable.Change, result.GetValue(analysis.Code)));
            return 0;
        });
        return command;
    }
}
