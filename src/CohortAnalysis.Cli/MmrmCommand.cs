using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CohortAnalysis.Models;
using CohortAnalysis.Rendering;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort mmrm [FILE]</c>: mixed model for repeated measures over every post-baseline visit, with LS means by
/// arm × visit, differences from the reference arm at each visit, fit statistics, the estimated covariance and, with
/// <c>--compare-structures</c>, a comparison of covariance structures by AIC and BIC.</summary>
internal static class MmrmCommand
{
    /// <summary>The CLI's names of the covariance structures (R mmrm's, with sp-exp for sp_exp).</summary>
    internal static readonly IReadOnlyDictionary<string, CovarianceStructure> Structures = new Dictionary<string, CovarianceStructure>
    {
        ["un"] = CovarianceStructure.Unstructured, ["cs"] = CovarianceStructure.CompoundSymmetry,
        ["csh"] = CovarianceStructure.HeterogeneousCompoundSymmetry, ["ar1"] = CovarianceStructure.Autoregressive,
        ["arh1"] = CovarianceStructure.HeterogeneousAutoregressive, ["toep"] = CovarianceStructure.Toeplitz,
        ["toeph"] = CovarianceStructure.HeterogeneousToeplitz, ["adh"] = CovarianceStructure.AnteDependence,
        ["sp-exp"] = CovarianceStructure.SpatialExponential,
    };

    private static readonly Dictionary<string, DegreesOfFreedomMethod> DfMethods = new()
    {
        ["satterthwaite"] = DegreesOfFreedomMethod.Satterthwaite, ["kenward-roger"] = DegreesOfFreedomMethod.KenwardRoger,
        ["between-within"] = DegreesOfFreedomMethod.BetweenWithin, ["residual"] = DegreesOfFreedomMethod.Residual,
    };

    internal static string Token(CovarianceStructure structure) => Structures.First(s => s.Value == structure).Key;

    private static string Token(DegreesOfFreedomMethod method) => DfMethods.First(s => s.Value == method).Key;

    public static Command Create()
    {
        var options = new CliOptions();
        var analysis = new AnalysisOptions();
        string structureList = string.Join("|", Structures.Keys);
        var covariance = new Option<string>("--covariance") { Description = $"Within-subject covariance: {structureList} (default un; SAS TYPE=UN, CS, CSH, AR(1), ARH(1), TOEP, TOEPH, ANTE(1), SP(EXP)).", DefaultValueFactory = _ => "un" };
        covariance.AcceptOnlyFromAmong([.. Structures.Keys]);
        var groupCovariance = new Option<bool>("--group-covariance") { Description = "A separate covariance matrix per arm (SAS REPEATED / GROUP=ARM)." };
        var df = new Option<string?>("--df") { Description = "Degrees of freedom: satterthwaite (default), kenward-roger, between-within, residual (between-within with --empirical)." };
        df.AcceptOnlyFromAmong([.. DfMethods.Keys]);
        var method = new Option<string>("--method") { Description = "reml (default) or ml.", DefaultValueFactory = _ => "reml" };
        method.AcceptOnlyFromAmong("reml", "ml");
        var covariates = new Option<string?>("--covariates") { Description = "Categorical subject covariates, comma-separated (e.g. SEX,SITEID)." };
        var on = new Option<string>("--on") { Description = "chg (default), value or pchg.", DefaultValueFactory = _ => "chg" };
        on.AcceptOnlyFromAmong("chg", "value", "pchg");
        var fallback = new Option<string?>("--fallback") { Description = $"Structures tried in order when --covariance does not converge, comma-separated from {structureList}, or none (default toeph,arh1,cs)." };
        var empirical = new Option<bool>("--empirical") { Description = "Empirical (sandwich) standard errors (SAS EMPIRICAL); needs --df between-within (its default) or residual." };
        var weights = new Option<string>("--weights") { Description = "LS-mean weights over covariate levels: equal (default; SAS, emmeans) or proportional (tern.mmrm).", DefaultValueFactory = _ => "equal" };
        weights.AcceptOnlyFromAmong("equal", "proportional");
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Do not adjust for baseline and baseline × visit." };
        var visitShown = new Option<double?>("--visit") { Description = "Show only this visit's LS means and differences, e.g. 12 for week 12 (the model still uses every post-baseline visit). Default: every visit." };
        var compare = new Option<bool>("--compare-structures") { Description = "Also fit each covariance structure (or those of --structures) and compare them by -2LL, AIC, AICC and BIC." };
        var structures = new Option<string?>("--structures") { Description = $"With --compare-structures: the structures to compare, comma-separated from {structureList} (default all)." };
        var command = new Command("mmrm", "Mixed model for repeated measures (MMRM) over every post-baseline visit: outcome ~ arm × visit + baseline × visit (+ covariates); LS means by arm and visit, differences from the reference arm, fit statistics, covariance; --visit shows one visit.");
        options.AddTo(command);
        foreach (Option o in new Option[] { visitShown, analysis.Code, analysis.Missing, analysis.CiLevel, analysis.Reference,
                     covariance, groupCovariance, df, method, covariates, on, fallback, empirical, weights, noBaseline, compare, structures })
            command.Options.Add(o);
        var imputation = new ImputationCliOptions();
        imputation.AddTo(command);
        CommandRunner.SetAction(command, options, result =>
        {
            if (imputation.Requested(result))
            {
                foreach (Option o in new Option[] { groupCovariance, df, method, empirical, compare, structures, weights, noBaseline, analysis.Missing })
                    if (result.GetResult(o) is { Implicit: false })
                        throw new ArgumentException($"{o.Name} does not apply with --impute: the MMRM (REML, --covariance, --fallback) is the imputation model, and each completed dataset is analysed by the same MMRM (REML, Satterthwaite df, equal LS-mean weights).");
                return Imputed(result, options, analysis, imputation, List(result.GetValue(covariates)), result.GetValue(on), visitShown,
                    Structures[result.GetValue(covariance)!],
                    result.GetValue(fallback) is { } chainText
                        ? chainText.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? [] : ParseStructures(chainText, "--fallback")
                        : MmrmOptions.Default.Fallback);
            }
            imputation.Build(result, null, 0.95, [], ChangeVariable.Change);   // refuses imputation options given without --impute
            // Options that do not apply are refused before the data are read.
            if (analysis.MissingData(result) != MissingDataMethod.ObservedCases)
                throw new ArgumentException("--missing does not apply to mmrm: the model uses every observed visit and is valid under missing at random; imputing before an MMRM is not done.");
            if (result.GetValue(structures) is not null && !result.GetValue(compare))
                throw new ArgumentException("--structures applies only with --compare-structures.");
            if (result.GetValue(compare) && options.OutputFormat(result) == "csv")
                throw new ArgumentException("--compare-structures prints a table (text or json), not estimates; drop --format csv or --compare-structures.");
            bool ml = result.GetValue(method) == "ml";
            DegreesOfFreedomMethod dfMethod = result.GetValue(df) is { } dfName ? DfMethods[dfName]
                : result.GetValue(empirical) ? DegreesOfFreedomMethod.BetweenWithin : DegreesOfFreedomMethod.Satterthwaite;
            if (result.GetValue(empirical) && dfMethod is DegreesOfFreedomMethod.Satterthwaite or DegreesOfFreedomMethod.KenwardRoger)
                throw new ArgumentException($"--empirical does not combine with --df {Token(dfMethod)}: use --df between-within (the default with --empirical) or residual, as R mmrm.");
            if (ml && dfMethod == DegreesOfFreedomMethod.KenwardRoger)
                throw new ArgumentException("--df kenward-roger is defined for REML fits; drop --method ml.");
            CovarianceStructure requested = Structures[result.GetValue(covariance)!];
            IReadOnlyList<CovarianceStructure> chain = result.GetValue(fallback) is { } f
                ? f.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? [] : ParseStructures(f, "--fallback")
                : MmrmOptions.Default.Fallback;
            IReadOnlyList<CovarianceStructure>? compared = result.GetValue(structures) is { } s ? ParseStructures(s, "--structures") : null;

            string[] categorical = List(result.GetValue(covariates));
            Cohort cohort = options.ReadCohort(result, categorical);
            string parameter = analysis.ParameterOf(result, cohort);
            if (result.GetValue(on) != "value" || !result.GetValue(noBaseline)) AnalysisOptions.RequireBaseline(cohort, [parameter]);
            var mmrm = new MmrmOptions
            {
                Outcome = result.GetValue(on) switch { "value" => ChangeVariable.Value, "pchg" => ChangeVariable.PercentChange, _ => ChangeVariable.Change },
                Covariance = requested,
                GroupCovariance = result.GetValue(groupCovariance),
                Method = ml ? EstimationMethod.Ml : EstimationMethod.Reml,
                DegreesOfFreedom = dfMethod,
                Covariates = categorical,
                AdjustForBaseline = !result.GetValue(noBaseline),
                Weights = result.GetValue(weights) == "proportional" ? LsMeanWeights.Proportional : LsMeanWeights.Equal,
                EmpiricalCovariance = result.GetValue(empirical),
                Fallback = chain,
                ReferenceArm = result.GetValue(analysis.Reference),
                CiLevel = result.GetValue(analysis.CiLevel),
            };
            MmrmFit fit = Mmrm.Fit(cohort, parameter, mmrm);
            double? visit = result.GetValue(visitShown);
            if (visit is { } v && !fit.LsMeans.Any(e => e.Comparison.Visit?.Time == v))
                throw new ArgumentException(CliOptions.Invariant(
                    $"--visit {v}: not a post-baseline visit of the model; visits are {string.Join(", ", fit.LsMeans.Select(e => e.Comparison.Visit!.Value.Time).Distinct())}."));
            CovarianceStructureComparison? comparison = result.GetValue(compare)
                ? Mmrm.CompareStructures(cohort, parameter, compared, mmrm)
                : null;
            IEstimate[] estimates = [.. fit.LsMeans.Where(e => visit is null || e.Comparison.Visit?.Time == visit),
                .. fit.Differences.Where(e => visit is null || e.Comparison.Visit?.Time == visit)];
            switch (options.OutputFormat(result))
            {
                case "json":
                    Console.Out.Write(Json(cohort, fit, comparison, visit));
                    break;
                case "csv":
                    EstimateCsv.Write(Console.Out, estimates);
                    break;
                default:
                    Console.Out.Write(fit.ToText(cohort.Report, visit));
                    if (comparison is not null) Console.Out.Write(Environment.NewLine + comparison.ToTableView());
                    break;
            }
            return 0;
        });
        return command;
    }

    private static string[] List(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // --impute: the MMRM is the imputation model, and the analysis of every completed dataset; the estimates are pooled.
    private static int Imputed(ParseResult result, CliOptions options, AnalysisOptions analysis, ImputationCliOptions imputation,
        string[] covariates, string? on, Option<double?> visitShown, CovarianceStructure structure, IReadOnlyList<CovarianceStructure> fallback)
    {
        Cohort cohort = options.ReadCohort(result, covariates);
        string parameter = analysis.ParameterOf(result, cohort);
        Missing.ImputationOptions settings = imputation.Build(result, result.GetValue(analysis.Reference), result.GetValue(analysis.CiLevel), covariates,
            on switch { "value" => ChangeVariable.Value, "pchg" => ChangeVariable.PercentChange, _ => ChangeVariable.Change }) with
            { Covariance = structure, Fallback = fallback, Analysis = Missing.ImputedDataAnalysis.Mmrm };
        double? visit = result.GetValue(visitShown);
        Missing.ImputationResult fit = ImputationCliOptions.WithProgress(progress => Missing.MultipleImputation.Analyze(cohort, parameter, settings, progress));
        if (visit is { } v && !fit.Differences.Any(e => e.Comparison.Visit?.Time == v))
            throw new ArgumentException(CliOptions.Invariant(
                $"--visit {v}: not a post-baseline visit of the model; visits are {string.Join(", ", fit.Differences.Select(e => e.Comparison.Visit!.Value.Time).Distinct())}."));
        IEstimate[] lsMeans = [.. fit.LsMeans.Where(e => visit is null || e.Comparison.Visit?.Time == visit)];
        IEstimate[] differences = [.. fit.Differences.Where(e => visit is null || e.Comparison.Visit?.Time == visit)];
        Missing.PooledEstimate? headline = fit.Differences.LastOrDefault(e => visit is null || e.Comparison.Visit?.Time == visit);
        ImputationCliOptions.Write(result, options, cohort, ImputationCliOptions.Title(settings, fit.Parameter, fit.ReferenceArm, fit.Imputations), lsMeans, differences, w =>
        {
            ImputationCliOptions.WriteJson(w, settings, fit.Parameter, fit.ReferenceArm, fit.Imputations, fit.SubjectsUsed, fit.ValuesImputed,
                fit.Excluded, fit.StructureUsed, fit.StructureNote);
            if (visit is { } shown) Rendering.EstimateJson.WriteNumber(w, "visit", shown); else w.WriteNull("visit");
            w.WriteString("analysis", $"MMRM on the completed data: outcome ~ arm + visit + arm*visit + baseline + baseline*visit{string.Concat(covariates.Select(c => " + " + c))}, {MmrmCommand.Token(fit.StructureUsed)} covariance, REML, Satterthwaite df");
            Rendering.EstimateJson.WriteNumber(w, "fractionMissingInformation", headline?.FractionMissingInformation ?? double.NaN);
        });
        return 0;
    }

    private static CovarianceStructure[] ParseStructures(string text, string option)
    {
        string[] names = List(text.ToLowerInvariant());
        if (names.Length == 0) throw new ArgumentException($"{option} needs at least one structure from {string.Join(", ", Structures.Keys)}.");
        foreach (string name in names)
            if (!Structures.ContainsKey(name))
                throw new ArgumentException($"{option}: unknown covariance structure '{name}'; structures are {string.Join(", ", Structures.Keys)}.");
        if (names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"{option}: structure '{twice.Key}' is listed twice.");
        return names.Select(n => Structures[n]).ToArray();
    }

    // −2 log-likelihood and the information criteria, as the fit and each row of the structure comparison carry them.
    private static void WriteInformationCriteria(Utf8JsonWriter w, double minus2LogLikelihood, double aic, double aicc, double bic)
    {
        Rendering.EstimateJson.WriteNumber(w, "minus2LogLikelihood", minus2LogLikelihood);
        Rendering.EstimateJson.WriteNumber(w, "aic", aic);
        Rendering.EstimateJson.WriteNumber(w, "aicc", aicc);
        Rendering.EstimateJson.WriteNumber(w, "bic", bic);
    }

    private static string Json(Cohort cohort, MmrmFit fit, CovarianceStructureComparison? comparison, double? visit)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, EstimateOutput.JsonOptions))
        {
            EstimateOutput.WriteEnvelopeStart(w, cohort);
            w.WriteString("parameter", fit.Parameter);
            w.WriteString("variable", Comparison.VariableCode(fit.Outcome));
            w.WriteString("model", fit.Formula);
            w.WriteString("method", fit.Options.Method == EstimationMethod.Reml ? "reml" : "ml");
            w.WriteString("degreesOfFreedom", Token(fit.Options.DegreesOfFreedom));
            w.WriteBoolean("empiricalCovariance", fit.Options.EmpiricalCovariance);
            w.WriteString("weights", fit.Options.Weights == LsMeanWeights.Equal ? "equal" : "proportional");
            if (fit.ReferenceArm is null) w.WriteNull("reference"); else w.WriteString("reference", fit.ReferenceArm);
            if (visit is { } v) Rendering.EstimateJson.WriteNumber(w, "visit", v); else w.WriteNull("visit");

            w.WriteStartObject("fit");
            w.WriteString("covarianceRequested", Token(fit.Options.Covariance));
            w.WriteString("structure", Token(fit.StructureUsed));
            w.WriteString("structureName", CovarianceStructureNames.Describe(fit.StructureUsed));
            w.WriteString("sasType", CovarianceStructureNames.Sas(fit.StructureUsed));
            w.WriteBoolean("groupCovariance", fit.Options.GroupCovariance);
            w.WriteString("structureNote", fit.StructureNote);
            w.WriteStartArray("structuresAbandoned");
            foreach (string note in fit.ConvergenceNotes) w.WriteStringValue(note);
            w.WriteEndArray();
            WriteInformationCriteria(w, fit.Minus2LogLikelihood, fit.Aic, fit.Aicc, fit.Bic);
            w.WriteNumber("covarianceParameters", fit.CovarianceParameterCount);
            w.WriteNumber("iterations", fit.Iterations);
            w.WriteBoolean("converged", true);   // a fit is returned only when the maximisation converged
            Rendering.EstimateJson.WriteNumber(w, "convergenceCriterion", fit.ConvergenceCriterion);
            w.WriteNumber("observationsUsed", fit.ObservationsUsed);
            w.WriteNumber("observationsExcluded", fit.ObservationsExcluded);
            w.WriteNumber("subjectsUsed", fit.SubjectsUsed);
            w.WriteNumber("subjectsExcluded", fit.SubjectsExcluded);
            w.WriteStartObject("excluded");
            foreach (var (reason, count) in fit.Excluded) w.WriteNumber(reason, count);
            w.WriteEndObject();
            w.WriteStartObject("excludedSubjects");
            foreach (var (reason, count) in fit.ExcludedSubjects) w.WriteNumber(reason, count);
            w.WriteEndObject();
            w.WriteStartArray("covariance");
            foreach (MmrmCovariance c in fit.Covariance) WriteCovariance(w, c);
            w.WriteEndArray();
            w.WriteEndObject();

            w.WritePropertyName("lsMeans");
            Rendering.EstimateJson.WriteArray(w, fit.LsMeans.Where(e => visit is null || e.Comparison.Visit?.Time == visit));
            w.WritePropertyName("differences");
            Rendering.EstimateJson.WriteArray(w, fit.Differences.Where(e => visit is null || e.Comparison.Visit?.Time == visit));
            AncovaCommand.WriteTests(w, "typeIIITests", fit.TypeIIITests);
            if (comparison is not null) WriteComparison(w, comparison);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static void WriteCovariance(Utf8JsonWriter w, MmrmCovariance c)
    {
        w.WriteStartObject();
        w.WriteString("group", c.Group);
        w.WriteStartArray("visits");
        foreach (Visit visit in c.Visits)
        {
            w.WriteStartObject();
            Rendering.EstimateJson.WriteNumber(w, "visit", visit.Time);
            w.WriteString("visitLabel", visit.DisplayName);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteMatrix(w, "matrix", c.Matrix);
        WriteMatrix(w, "correlation", c.Correlation);
        w.WriteStartArray("parameters");
        foreach (CovarianceParameter p in c.Parameters)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            Rendering.EstimateJson.WriteNumber(w, "estimate", p.Estimate);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMatrix(Utf8JsonWriter w, string name, double[,] matrix)
    {
        w.WriteStartArray(name);
        for (int i = 0; i < matrix.GetLength(0); i++)
        {
            w.WriteStartArray();
            for (int j = 0; j < matrix.GetLength(1); j++)
            {
                if (double.IsFinite(matrix[i, j])) w.WriteNumberValue(matrix[i, j]); else w.WriteNullValue();
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void WriteComparison(Utf8JsonWriter w, CovarianceStructureComparison comparison)
    {
        w.WriteStartObject("structureComparison");
        w.WriteString("method", comparison.Method == EstimationMethod.Reml ? "reml" : "ml");
        w.WriteBoolean("groupCovariance", comparison.GroupCovariance);
        WriteBest(w, "bestByAic", comparison.BestByAic);
        WriteBest(w, "bestByAicc", comparison.BestByAicc);
        WriteBest(w, "bestByBic", comparison.BestByBic);
        w.WriteStartArray("structures");
        foreach (CovarianceStructureFit row in comparison.Rows)
        {
            w.WriteStartObject();
            w.WriteString("structure", Token(row.Structure));
            w.WriteString("structureName", CovarianceStructureNames.Describe(row.Structure));
            w.WriteString("sasType", CovarianceStructureNames.Sas(row.Structure));
            w.WriteNumber("parameters", row.Parameters);
            WriteInformationCriteria(w, row.Minus2LogLikelihood, row.Aic, row.Aicc, row.Bic);
            w.WriteBoolean("converged", row.Converged);
            w.WriteNumber("iterations", row.Iterations);
            if (row.Note.Length == 0) w.WriteNull("note"); else w.WriteString("note", row.Note);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteBest(Utf8JsonWriter w, string name, CovarianceStructure? best)
    {
        if (best is { } b) w.WriteString(name, Token(b)); else w.WriteNull(name);
    }
}
