using System.Text.Json;
using Xunit;

namespace CohortAnalysis.Tests.Cli;

/// <summary><c>cohort ancova|mmrm --impute …</c> and <c>cohort tipping-point</c>.</summary>
public class ImputationCommandTests
{
    private static readonly string Trial = KnownResults.PathOf("missing-r/trial-long.csv");

    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CohortCommand.Run([.. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    // The same numbers as the library's MissingRTests against R (known-results/missing-r/conditional-mean.csv, a second
    // implementation; tolerance 1e-8), through the CLI and its JSON (round-trip precision).
    [Fact]
    public void Ancova_ImputeJ2rConditionalMean_Json_MatchesTheRReferenceAndNamesTheMethod()
    {
        JsonElement root = Json("ancova", Trial, "--impute", "j2r", "--imputation-method", "conditional-mean");
        Assert.Equal("conditional-mean", root.GetProperty("method").GetString());
        Assert.Equal("j2r", root.GetProperty("impute").GetString());
        Assert.Equal(200, root.GetProperty("imputations").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("seed").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fractionMissingInformation").ValueKind);   // no Rubin's rules here
        Assert.Equal(8, root.GetProperty("visit").GetDouble());
        Assert.Equal(2, root.GetProperty("lsMeans").GetArrayLength());
        JsonElement difference = Assert.Single(root.GetProperty("differences").EnumerateArray());
        KnownResult expected = KnownResults.Row("missing-r/conditional-mean.csv", "trial|J2R|8|Active");
        AssertClose.Absolute(expected["estimate"], difference.GetProperty("estimate").GetDouble(), 1e-8);
        AssertClose.Relative(expected["se"], difference.GetProperty("se").GetDouble(), 1e-8);
        Assert.Equal("Placebo", difference.GetProperty("reference").GetString());
        Assert.Equal(200, difference.GetProperty("imputations").GetInt32());
    }

    // cohort mmrm --impute analyses each completed dataset by the MMRM; without covariates that gives the per-visit ANCOVA's
    // estimate and SE on complete data, so the R reference of the ANCOVA analysis applies (estimate 1e-8; SE 1e-7, the
    // REML Σ̂ of the analysis MMRM is iterated to the maximiser's criterion).
    [Fact]
    public void Mmrm_ImputeCrConditionalMean_AnalysesByTheMmrm_AndMatchesTheRReference()
    {
        JsonElement root = Json("mmrm", Trial, "--impute", "cr", "--imputation-method", "conditional-mean", "--visit", "8");
        Assert.StartsWith("MMRM on the completed data: outcome ~ arm + visit + arm*visit + baseline + baseline*visit, un covariance, REML, Satterthwaite df",
            root.GetProperty("analysis").GetString());
        JsonElement difference = Assert.Single(root.GetProperty("differences").EnumerateArray());
        KnownResult expected = KnownResults.Row("missing-r/conditional-mean.csv", "trial|CR|8|Active");
        AssertClose.Absolute(expected["estimate"], difference.GetProperty("estimate").GetDouble(), 1e-8);
        AssertClose.Relative(expected["se"], difference.GetProperty("se").GetDouble(), 1e-7);
        Assert.Contains("MMRM on each completed dataset", difference.GetProperty("method").GetString());
    }

    [Fact]
    public void Mmrm_ImputeBayes_SameSeed_GivesTheSameBitsAndFmiInCsv()
    {
        string[] args = ["mmrm", Trial, "--impute", "mar", "--imputations", "5", "--seed", "11", "--visit", "8", "--format", "csv"];
        var (code, first, error) = CohortCommand.Run(args);
        Assert.True(code == 0, error);
        Assert.Equal(first, CohortCommand.Run(args).Out);
        string[] lines = first.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);   // header, 2 LS means, 1 difference at week 8
        string[] header = lines[0].TrimEnd('\r').Split(',');
        Assert.Equal(["imputations", "fractionMissingInformation", "delta"], header[^3..]);
        Assert.EndsWith(",0", lines[^1].TrimEnd('\r'));
        JsonElement json = Json("mmrm", Trial, "--impute", "mar", "--imputations", "5", "--seed", "11", "--visit", "8");
        Assert.Equal("bayes", json.GetProperty("method").GetString());
        Assert.Equal(11UL, json.GetProperty("seed").GetUInt64());
        Assert.InRange(json.GetProperty("fractionMissingInformation").GetDouble(), 0, 1);
    }

    [Fact]
    public void TippingPoint_ConditionalMean_GivesTheGridAndTheTippingDelta()
    {
        JsonElement root = Json("tipping-point", Trial, "--visit", "8", "--deltas", "0:12:2", "--imputation-method", "conditional-mean");
        JsonElement[] rows = root.GetProperty("estimates").EnumerateArray().ToArray();
        Assert.Equal(7, rows.Length);
        Assert.Equal([0, 2, 4, 6, 8, 10, 12], rows.Select(r => r.GetProperty("delta").GetDouble()));
        Assert.Equal(10, root.GetProperty("tippingDelta").GetDouble());   // R: first grid δ with p ≥ 0.05 (tipping-point-summary.csv, grid 0.5)
        Assert.Equal("Active", root.GetProperty("arm").GetString());
        KnownResult expected = KnownResults.Row("missing-r/tipping-point.csv", "trial|MAR|8|6");
        AssertClose.Absolute(expected["estimate"], rows[3].GetProperty("estimate").GetDouble(), 1e-8);
    }

    [Theory]
    [InlineData("--imputations applies only with --impute.", "ancova", "--imputations", "5")]
    [InlineData("--delta applies only with --impute.", "mmrm", "--delta", "2")]
    [InlineData("--seed does not apply to --imputation-method conditional-mean: conditional means and the jackknife draw nothing.",
        "ancova", "--impute", "mar", "--imputation-method", "conditional-mean", "--seed", "3")]
    [InlineData("--imputations does not apply to --imputation-method conditional-mean: the jackknife uses one sample per subject.",
        "tipping-point", "--deltas", "0:2:1", "--imputation-method", "conditional-mean", "--imputations", "10")]
    [InlineData("--missing contradicts --impute: choose single imputation (--missing) or multiple imputation (--impute).",
        "ancova", "--impute", "j2r", "--missing", "locf")]
    [InlineData("--subgroup does not apply with --impute: each imputed dataset is analysed by ANCOVA on arm, baseline and the --covariates, with model-based SEs and equal LS-mean weights.",
        "ancova", "--impute", "cr", "--subgroup", "SEX")]
    [InlineData("--df does not apply with --impute: the MMRM (REML, --covariance, --fallback) is the imputation model, and each completed dataset is analysed by the same MMRM (REML, Satterthwaite df, equal LS-mean weights).",
        "mmrm", "--impute", "cir", "--df", "kenward-roger")]
    [InlineData("--deltas 5:1:1: TO must not be below FROM.", "tipping-point", "--deltas", "5:1:1")]
    [InlineData("--deltas is required: give the δ grid, e.g. --deltas 0:10:0.5.", "tipping-point")]
    [InlineData("--deltas 0:1:0: STEP must be positive.", "tipping-point", "--deltas", "0:1:0")]
    public void OptionThatDoesNotApply_IsRefusedInOneLine(string message, params string[] args)
    {
        var (code, output, error) = CohortCommand.Run(args);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal(message, error.Trim());
    }
}
