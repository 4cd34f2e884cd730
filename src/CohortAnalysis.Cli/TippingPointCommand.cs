using System.CommandLine;
using System.Globalization;
using CohortAnalysis.Missing;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort tipping-point [FILE] --visit N --deltas 0:10:0.5</c>: the treatment difference at one visit after
/// adding each δ of a grid to the values imputed after discontinuation, and the δ at which significance is lost.</summary>
internal static class TippingPointCommand
{
    /// <summary>The most δ values a grid may have.</summary>
    public const int MaxDeltas = 10_000;

    public static Command Create()
    {
        var options = new CliOptions();
        var analysis = new AnalysisOptions();
        var imputation = new ImputationCliOptions(imputeRequired: true);
        var deltas = new Option<string?>("--deltas") { Description = "The δ grid FROM:TO:STEP (e.g. 0:10:0.5) or a comma-separated list; δ is added to the values imputed after discontinuation in the compared arm. Required." };
        var arm = new Option<string?>("--treatment") { Description = "The arm compared with the reference arm (needed when there are several)." };
        var covariates = new Option<string?>("--covariates") { Description = "Categorical subject covariates, comma-separated (e.g. SEX,SITEID), in the imputation model and the ANCOVA." };
        var on = new Option<string>("--on") { Description = "chg (default), value or pchg.", DefaultValueFactory = _ => "chg" };
        on.AcceptOnlyFromAmong("chg", "value", "pchg");
        var command = new Command("tipping-point", "Delta-adjusted multiple imputation over a grid of δ at --visit: the treatment difference, its CI and p for each δ, and the δ at which significance is lost (tipping point).");
        options.AddTo(command);
        foreach (Option o in new Option[] { analysis.Visit, analysis.Code, analysis.CiLevel, analysis.Reference, deltas, arm, covariates, on })
            command.Options.Add(o);
        imputation.AddTo(command, delta: false);
        CommandRunner.SetAction(command, options, result =>
        {
            double[] grid = Grid(result.GetValue(deltas) ?? throw new ArgumentException("--deltas is required: give the δ grid, e.g. --deltas 0:10:0.5."));
            string[] factors = (result.GetValue(covariates) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Cohort cohort = options.ReadCohort(result, factors);
            string parameter = analysis.ParameterOf(result, cohort);
            double visit = analysis.VisitOf(result, Change.Trajectories.Of(cohort, parameter));
            ImputationOptions settings = imputation.Build(result, result.GetValue(analysis.Reference), result.GetValue(analysis.CiLevel), factors,
                result.GetValue(on) switch { "value" => ChangeVariable.Value, "pchg" => ChangeVariable.PercentChange, _ => ChangeVariable.Change });
            TippingPointResult tipping = ImputationCliOptions.WithProgress(progress =>
                MultipleImputation.TippingPoint(cohort, parameter, visit, grid, settings, result.GetValue(arm), progress));
            int imputations = tipping.Rows.Count > 0 ? tipping.Rows[0].Imputations : 0;
            EstimateOutput.Write(result, options, cohort, ImputationCliOptions.Title(settings, tipping.Parameter, tipping.ReferenceArm, imputations),
                [.. tipping.Rows], w =>
                {
                    w.WriteString("parameter", tipping.Parameter);
                    w.WriteString("method", settings.Method.Token());
                    w.WriteString("impute", settings.Strategy.Token());
                    w.WriteNumber("imputations", imputations);
                    if (settings.Method == ImputationMethod.ConditionalMean) w.WriteNull("seed"); else w.WriteNumber("seed", settings.Seed);
                    Rendering.EstimateJson.WriteNumber(w, "visit", tipping.Visit.Time);
                    w.WriteString("arm", tipping.Arm);
                    w.WriteString("referenceArm", tipping.ReferenceArm);
                    Rendering.EstimateJson.WriteNumber(w, "alpha", tipping.Alpha);
                    if (tipping.TippingDelta is { } t) w.WriteNumber("tippingDelta", t); else w.WriteNull("tippingDelta");
                    Rendering.EstimateJson.WriteNumber(w, "fractionMissingInformation", tipping.Rows.Count > 0 ? tipping.Rows[0].FractionMissingInformation : double.NaN);
                },
                () => tipping.ToString());
            return 0;
        });
        return command;
    }

    /// <summary>Parses FROM:TO:STEP (inclusive; STEP &gt; 0, TO ≥ FROM) or a comma-separated list of finite numbers.</summary>
    /// <exception cref="ArgumentException">Not a grid; the message names --deltas and the value.</exception>
    internal static double[] Grid(string text)
    {
        string[] parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length == 3)
        {
            if (!TryNumber(parts[0], out double from) || !TryNumber(parts[1], out double to) || !TryNumber(parts[2], out double step))
                throw Refused(text, "FROM:TO:STEP must be three numbers, e.g. 0:10:0.5.");
            if (!(step > 0)) throw Refused(text, "STEP must be positive.");
            if (to < from) throw Refused(text, "TO must not be below FROM.");
            double count = Math.Floor((to - from) / step + 1e-9) + 1;
            if (count > MaxDeltas) throw Refused(text, CliOptions.Invariant($"gives {count} values; at most {MaxDeltas}."));
            // Each δ from its index (not by repeated addition), so 0:10:0.1 ends at exactly 10.
            return Enumerable.Range(0, (int)count).Select(k => Math.Round(from + k * step, 12)).ToArray();
        }
        if (parts.Length != 1) throw Refused(text, "give FROM:TO:STEP (e.g. 0:10:0.5) or a comma-separated list.");
        string[] items = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[items.Length];
        for (int i = 0; i < items.Length; i++)
            if (!TryNumber(items[i], out values[i])) throw Refused(text, $"'{items[i]}' is not a finite number.");
        if (values.Length > MaxDeltas) throw Refused(text, CliOptions.Invariant($"has {values.Length} values; at most {MaxDeltas}."));
        return values;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static ArgumentException Refused(string text, string reason) => new($"--deltas {text}: {reason}");
}
