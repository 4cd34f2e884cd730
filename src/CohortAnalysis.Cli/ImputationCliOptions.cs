using System.CommandLine;
using System.Text.Json;
using CohortAnalysis.Missing;
using CohortAnalysis.Models;

namespace CohortAnalysis.Cli;

/// <summary>The imputation options shared by <c>cohort ancova</c>, <c>cohort mmrm</c> and <c>cohort tipping-point</c>:
/// <c>--impute</c>, <c>--imputation-method</c>, <c>--imputations</c>, <c>--seed</c>, <c>--delta</c>, mapped onto the
/// library's <see cref="ImputationOptions"/>. An option that does not apply to the rest of the command line is refused.</summary>
internal sealed class ImputationCliOptions
{
    public Option<string?> Impute { get; } = new("--impute")
    {
        Description = "Impute missing values by multiple imputation from the MMRM, then analyse: mar, j2r (jump to reference), cr (copy reference), cir (copy increments in reference) or lmcf (last mean carried forward) after discontinuation; intermittent gaps are MAR.",
    };

    public Option<string?> Method { get; } = new("--imputation-method")
    {
        Description = "With --impute: bayes (default; Bayesian MI, Rubin's rules), approx-bayes (bootstrap MI) or conditional-mean (deterministic, jackknife SE).",
    };

    public Option<int?> Imputations { get; } = new("--imputations") { Description = "With --impute: number of imputations M (default 100; not with conditional-mean)." };

    public Option<ulong?> Seed { get; } = new("--seed") { Description = "With --impute: seed (default 20240601; the same seed gives the same bits on any machine and thread count; not with conditional-mean)." };

    public Option<double?> Delta { get; } = new("--delta") { Description = "With --impute: δ added to the values imputed after discontinuation in the non-reference arms (delta adjustment; default 0)." };

    private readonly bool _imputeRequired;

    /// <param name="imputeRequired">True for tipping-point, where --impute defaults to mar instead of switching imputation on.</param>
    public ImputationCliOptions(bool imputeRequired = false)
    {
        _imputeRequired = imputeRequired;
        Impute.AcceptOnlyFromAmong("mar", "j2r", "cr", "cir", "lmcf");
        Method.AcceptOnlyFromAmong("bayes", "approx-bayes", "conditional-mean");
        if (imputeRequired) Impute.Description = "Strategy after discontinuation: mar (default), j2r, cr, cir or lmcf; intermittent gaps are MAR.";
    }

    public void AddTo(Command command, bool delta = true)
    {
        foreach (Option o in new Option[] { Impute, Method, Imputations, Seed }) command.Options.Add(o);
        if (delta) command.Options.Add(Delta);
    }

    /// <summary>Whether imputation was asked for (always for tipping-point).</summary>
    public bool Requested(ParseResult r) => _imputeRequired || r.GetValue(Impute) is not null;

    /// <summary>The library options, after refusing the options that do not apply.</summary>
    /// <exception cref="ArgumentException">An option given without --impute, or one the method does not use.</exception>
    public ImputationOptions Build(ParseResult r, string? reference, double ciLevel, IReadOnlyList<string> covariates, ChangeVariable outcome)
    {
        if (!Requested(r))
        {
            foreach (Option o in new Option[] { Method, Imputations, Seed, Delta })
                if (Given(r, o)) throw new ArgumentException($"{o.Name} applies only with --impute.");
        }
        ImputationMethod method = ImputationTokens.ParseMethod(r.GetValue(Method) ?? "bayes");
        if (method == ImputationMethod.ConditionalMean)
        {
            if (Given(r, Imputations))
                throw new ArgumentException("--imputations does not apply to --imputation-method conditional-mean: the jackknife uses one sample per subject.");
            if (Given(r, Seed))
                throw new ArgumentException("--seed does not apply to --imputation-method conditional-mean: conditional means and the jackknife draw nothing.");
        }
        var options = new ImputationOptions
        {
            Method = method,
            Strategy = ImputationTokens.ParseStrategy(r.GetValue(Impute) ?? "mar"),
            ReferenceArm = reference,
            Covariates = covariates,
            Outcome = outcome,
            CiLevel = ciLevel,
            Delta = r.GetValue(Delta) ?? 0,
        };
        if (r.GetValue(Imputations) is { } m) options = options with { Imputations = m };
        if (r.GetValue(Seed) is { } seed) options = options with { Seed = seed };
        return options;
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar on the terminal.</summary>
    public static T WithProgress<T>(Func<IProgress<ImputationProgress>?, T> work) =>
        TerminalProgress.Run<ImputationProgress, T>(true, p => ("Imputation: " + p.Stage, p.Completed, p.Total), work);

    /// <summary>The JSON members every imputation result adds to the envelope: method, strategy, imputations, seed,
    /// delta, reference arm, subjects and values, the imputation model.</summary>
    public static void WriteJson(Utf8JsonWriter w, ImputationOptions options, string parameter, string referenceArm, int imputations,
        int subjects, int valuesImputed, IReadOnlyDictionary<string, int> excluded, CovarianceStructure structure, string structureNote)
    {
        w.WriteString("parameter", parameter);
        w.WriteString("method", options.Method.Token());
        w.WriteString("impute", options.Strategy.Token());
        w.WriteNumber("imputations", imputations);
        if (options.Method == ImputationMethod.ConditionalMean) w.WriteNull("seed"); else w.WriteNumber("seed", options.Seed);
        Rendering.EstimateJson.WriteNumber(w, "delta", options.Delta);
        w.WriteString("referenceArm", referenceArm);
        w.WriteNumber("subjectsAnalysed", subjects);
        w.WriteNumber("valuesImputed", valuesImputed);
        w.WriteStartObject("excluded");
        foreach (var (reason, count) in excluded) w.WriteNumber(reason, count);
        w.WriteEndObject();
        w.WriteStartObject("imputationModel");
        w.WriteString("covariance", MmrmCommand.Token(structure));
        w.WriteString("note", structureNote);
        w.WriteEndObject();
    }

    /// <summary>Writes an imputation analysis: JSON as <c>cohort ancova</c> / <c>cohort mmrm</c> (the envelope, then
    /// <paramref name="extra"/>, <c>lsMeans</c> and <c>differences</c>, each estimate with its imputations,
    /// fractionMissingInformation and delta); CSV and text through the shared estimate renderers.</summary>
    public static void Write(ParseResult r, CliOptions options, Cohort cohort, string title, IReadOnlyList<IEstimate> lsMeans,
        IReadOnlyList<IEstimate> differences, Action<Utf8JsonWriter> extra)
    {
        if (options.OutputFormat(r) != "json")
        {
            EstimateOutput.Write(r, options, cohort, title, [.. lsMeans, .. differences]);
            return;
        }
        using (var stream = Console.OpenStandardOutput())
        using (var writer = new Utf8JsonWriter(stream, EstimateOutput.JsonOptions))
        {
            EstimateOutput.WriteEnvelopeStart(writer, cohort);
            extra(writer);
            writer.WritePropertyName("lsMeans");
            Rendering.EstimateJson.WriteArray(writer, lsMeans);
            writer.WritePropertyName("differences");
            Rendering.EstimateJson.WriteArray(writer, differences);
            writer.WriteEndObject();
        }
        Console.Out.WriteLine();
    }

    /// <summary>The title of a text table: "MADRS: bayes imputation (M = 100), J2R after discontinuation, reference Placebo".</summary>
    public static string Title(ImputationOptions options, string parameter, string referenceArm, int imputations) => CliOptions.Invariant(
        $"{parameter}: {options.Method.Token()} imputation ({(options.Method == ImputationMethod.ConditionalMean ? "jackknife" : "M")} = {imputations}), {options.Strategy.Token().ToUpperInvariant()} after discontinuation, reference {referenceArm}{(options.Delta != 0 ? CliOptions.Invariant($", δ = {options.Delta}") : "")}");

    private static bool Given(ParseResult r, Option o) => r.GetResult(o) is { Implicit: false };
}
