using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CohortAnalysis.Models;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort ancova [FILE] --visit N</c>: ANCOVA at one visit with LS means, differences, Type III tests and, with
/// <c>--subgroup</c>, treatment effects within each level of a subject covariate.</summary>
internal static class AncovaCommand
{
    public static Command Create()
    {
        var options = new CliOptions();
        var analysis = new AnalysisOptions();
        var on = new Option<string>("--on") { Description = "chg (default), value or pchg.", DefaultValueFactory = _ => "chg" };
        on.AcceptOnlyFromAmong("chg", "value", "pchg");
        var covariates = new Option<string?>("--covariates") { Description = "Categorical subject covariates, comma-separated (e.g. SEX,SITEID)." };
        var continuous = new Option<string?>("--continuous-covariates") { Description = "Continuous subject covariates, comma-separated (e.g. AGE)." };
        var subgroup = new Option<string?>("--subgroup") { Description = "A categorical subject covariate: treatment effect within each level, interaction F test." };
        var weights = new Option<string>("--weights") { Description = "LS-mean weights over factor levels: equal (default; SAS, emmeans) or proportional (tern.mmrm).", DefaultValueFactory = _ => "equal" };
        weights.AcceptOnlyFromAmong("equal", "proportional");
        var robust = new Option<string?>("--robust") { Description = "Sandwich standard errors: hc0, hc1, hc2 or hc3 (default: model-based)." };
        robust.AcceptOnlyFromAmong("hc0", "hc1", "hc2", "hc3");
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Do not adjust for the baseline score." };
        var imputation = new ImputationCliOptions();
        var command = new Command("ancova", "ANCOVA at --visit: outcome ~ arm + baseline (+ covariates); LS means, differences, Type III F tests; --subgroup for effects within subgroups; --impute for multiple imputation of missing values.");
        options.AddTo(command);
        analysis.AddTo(command);
        foreach (Option o in new Option[] { on, covariates, continuous, subgroup, weights, robust, noBaseline }) command.Options.Add(o);
        imputation.AddTo(command);
        CommandRunner.SetAction(command, options, result =>
        {
            if (imputation.Requested(result))
            {
                foreach (Option o in new Option[] { subgroup, continuous, robust, noBaseline, weights })
                    if (result.GetResult(o) is { Implicit: false })
                        throw new ArgumentException($"{o.Name} does not apply with --impute: each imputed dataset is analysed by ANCOVA on arm, baseline and the --covariates, with model-based SEs and equal LS-mean weights.");
                if (analysis.MissingData(result) != MissingDataMethod.ObservedCases)
                    throw new ArgumentException("--missing contradicts --impute: choose single imputation (--missing) or multiple imputation (--impute).");
                return Imputed(result, options, analysis, imputation, List(result.GetValue(covariates)), result.GetValue(on));
            }
            imputation.Build(result, null, 0.95, [], ChangeVariable.Change);   // refuses imputation options given without --impute
            string[] categorical = List(result.GetValue(covariates)), numeric = List(result.GetValue(continuous));
            string? by = result.GetValue(subgroup);
            Cohort cohort = options.ReadCohort(result, [.. categorical, .. numeric, .. by is null ? Array.Empty<string>() : [by]]);
            string parameter = analysis.ParameterOf(result, cohort);
            if (result.GetValue(on) != "value" || !result.GetValue(noBaseline)) AnalysisOptions.RequireBaseline(cohort, [parameter]);
            double visit = analysis.VisitOf(result, Change.Trajectories.Of(cohort, parameter));
            var ancova = new AncovaOptions
            {
                Outcome = result.GetValue(on) switch { "value" => ChangeVariable.Value, "pchg" => ChangeVariable.PercentChange, _ => ChangeVariable.Change },
                AdjustForBaseline = !result.GetValue(noBaseline),
                Covariates = categorical,
                ContinuousCovariates = numeric,
                Weights = result.GetValue(weights) == "proportional" ? LsMeanWeights.Proportional : LsMeanWeights.Equal,
                Covariance = result.GetValue(robust) switch
                {
                    "hc0" => RobustCovariance.Hc0, "hc1" => RobustCovariance.Hc1, "hc2" => RobustCovariance.Hc2, "hc3" => RobustCovariance.Hc3,
                    _ => RobustCovariance.ModelBased,
                },
                Reference = result.GetValue(analysis.Reference),
                MissingData = analysis.MissingData(result),
                CiLevel = result.GetValue(analysis.CiLevel),
            };
            AncovaFit fit = Ancova.Fit(cohort, parameter, visit, ancova);
            SubgroupAnalysis? groups = by is null ? null : Ancova.Subgroups(cohort, parameter, visit, by, ancova);
            switch (options.OutputFormat(result))
            {
                case "json":
                    Console.Out.Write(Json(cohort, fit, groups));
                    break;
                case "csv":
                    // Tidy: one row per LS mean and difference (and per subgroup estimate), for R and SAS.
                    IEnumerable<IEstimate> estimates = [.. fit.LsMeans, .. fit.Differences];
                    if (groups is not null) estimates = [.. estimates, .. groups.Overall, .. groups.LsMeans, .. groups.Differences];
                    Rendering.EstimateCsv.Write(Console.Out, estimates);
                    break;
                default:
                    Console.Out.Write(Text(cohort, fit, groups));
                    break;
            }
            return 0;
        });
        return command;
    }

    // --impute: the library imputes, analyses every visit by ANCOVA and pools; the command shows --visit (default: the last).
    private static int Imputed(ParseResult result, CliOptions options, AnalysisOptions analysis, ImputationCliOptions imputation,
        string[] covariates, string? on)
    {
        Cohort cohort = options.ReadCohort(result, covariates);
        string parameter = analysis.ParameterOf(result, cohort);
        double visit = analysis.VisitOf(result, Change.Trajectories.Of(cohort, parameter));
        Missing.ImputationOptions settings = imputation.Build(result, result.GetValue(analysis.Reference), result.GetValue(analysis.CiLevel), covariates,
            on switch { "value" => ChangeVariable.Value, "pchg" => ChangeVariable.PercentChange, _ => ChangeVariable.Change });
        Missing.ImputationResult fit = ImputationCliOptions.WithProgress(progress => Missing.MultipleImputation.Analyze(cohort, parameter, settings, progress));
        IEstimate[] lsMeans = [.. fit.LsMeans.Where(e => e.Comparison.Visit?.Time == visit)];
        IEstimate[] differences = [.. fit.Differences.Where(e => e.Comparison.Visit?.Time == visit)];
        Missing.PooledEstimate? headline = fit.Differences.LastOrDefault(e => e.Comparison.Visit?.Time == visit);
        ImputationCliOptions.Write(result, options, cohort, ImputationCliOptions.Title(settings, fit.Parameter, fit.ReferenceArm, fit.Imputations) + CliOptions.Invariant($"; ANCOVA at visit {visit}"),
            lsMeans, differences, w =>
            {
                ImputationCliOptions.WriteJson(w, settings, fit.Parameter, fit.ReferenceArm, fit.Imputations, fit.SubjectsUsed, fit.ValuesImputed,
                    fit.Excluded, fit.StructureUsed, fit.StructureNote);
                Rendering.EstimateJson.WriteNumber(w, "visit", visit);
                w.WriteString("analysis", "ANCOVA at each visit: outcome ~ arm + baseline" + string.Concat(covariates.Select(c => " + " + c)));
                Rendering.EstimateJson.WriteNumber(w, "fractionMissingInformation", headline?.FractionMissingInformation ?? double.NaN);
            });
        return 0;
    }

    private static string[] List(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Text(Cohort cohort, AncovaFit fit, SubgroupAnalysis? groups)
    {
        var text = new StringBuilder();
        text.AppendLine(fit.ToText(cohort.Report));
        if (groups is not null)
            text.AppendLine(groups.ToText(cohort.Report));
        return text.ToString();
    }

    private static string Json(Cohort cohort, AncovaFit fit, SubgroupAnalysis? groups)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, EstimateOutput.JsonOptions))
        {
            EstimateOutput.WriteEnvelopeStart(w, cohort);
            w.WriteString("parameter", fit.Parameter);
            Rendering.EstimateJson.WriteNumber(w, "visit", fit.Visit.Time);
            w.WriteString("visitLabel", fit.Visit.DisplayName);
            w.WriteString("variable", Comparison.VariableCode(fit.Outcome));
            w.WriteString("model", fit.Formula);
            w.WriteString("weights", fit.Options.Weights == LsMeanWeights.Equal ? "equal" : "proportional");
            w.WriteString("covariance", fit.Options.Covariance.ToString().ToLowerInvariant());
            w.WriteNumber("subjectsAnalysed", fit.SubjectsAnalysed);
            w.WriteNumber("missingOutcome", fit.MissingOutcome);
            w.WriteStartObject("excluded");
            foreach (var (variable, count) in fit.Excluded) w.WriteNumber(variable, count);
            w.WriteEndObject();
            Rendering.EstimateJson.WriteNumber(w, "residualSd", fit.ResidualSd);
            w.WriteNumber("residualDf", fit.ResidualDf);
            w.WritePropertyName("lsMeans");
            Rendering.EstimateJson.WriteArray(w, fit.LsMeans);
            w.WritePropertyName("differences");
            Rendering.EstimateJson.WriteArray(w, fit.Differences);
            WriteTests(w, "typeIIITests", fit.TypeIIITests);
            if (groups is not null)
            {
                w.WriteStartObject("subgroups");
                w.WriteString("subgroup", groups.Subgroup);
                w.WriteString("model", groups.Formula);
                w.WriteNumber("subjectsAnalysed", groups.SubjectsAnalysed);
                w.WritePropertyName("overall");
                Rendering.EstimateJson.WriteArray(w, groups.Overall);
                w.WritePropertyName("lsMeans");
                Rendering.EstimateJson.WriteArray(w, groups.LsMeans);
                w.WritePropertyName("differences");
                Rendering.EstimateJson.WriteArray(w, groups.Differences);
                WriteTests(w, "interaction", [groups.Interaction], single: true);
                WriteTests(w, "typeIIITests", groups.TypeIIITests);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    /// <summary>Type III tests as JSON (also cohort mmrm's): term, numerator and denominator df, SS (null for an MMRM or
    /// a sandwich covariance), F, p, the Kenward–Roger scale (1 otherwise) and the method.</summary>
    internal static void WriteTests(Utf8JsonWriter w, string name, IReadOnlyList<TermTest> tests, bool single = false)
    {
        if (single) w.WritePropertyName(name); else w.WriteStartArray(name);
        foreach (TermTest t in tests)
        {
            w.WriteStartObject();
            w.WriteString("term", t.Term);
            w.WriteNumber("numeratorDf", t.NumeratorDf);
            Rendering.EstimateJson.WriteNumber(w, "denominatorDf", t.DenominatorDf);
            Rendering.EstimateJson.WriteNumber(w, "sumOfSquares", t.SumOfSquares);
            Rendering.EstimateJson.WriteNumber(w, "f", t.F);
            Rendering.EstimateJson.WriteNumber(w, "pValue", t.PValue);
            Rendering.EstimateJson.WriteNumber(w, "scale", t.Scale);
            w.WriteString("method", t.Method);
            w.WriteEndObject();
        }
        if (!single) w.WriteEndArray();
    }
}
