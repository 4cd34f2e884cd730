using System.Text.Json;
using CohortAnalysis.Change;
using CohortAnalysis.EffectSizes;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Tests.Cli;

public class AnalysisCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CohortCommand.Run([.. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static JsonElement[] Rows(JsonElement root, string name) =>
        root.GetProperty("estimates").EnumerateArray().Where(e => e.GetProperty("name").GetString() == name).ToArray();

    [Fact]
    public void Change_Json_MatchesTheLibraryAndNamesTheMethod()
    {
        JsonElement root = Json("change", "--paramcd", "MADRS", "--visit", "6", "--missing", "locf");
        Assert.Equal("locf", root.GetProperty("missingData").GetString());
        ChangeSummaryTable table = ChangeFromBaseline.Summarize(DemoTrial.Load(), new ChangeSummaryOptions { MissingData = MissingDataMethod.Locf, Parameters = ["MADRS"] });
        Assert.Equal(table.ImputedCount, root.GetProperty("imputed").GetInt32());
        JsonElement first = root.GetProperty("estimates")[2];
        ChangeSummaryRow row = table.Rows[2];
        Assert.Equal(row.Summary.Mean, first.GetProperty("estimate").GetDouble());   // round-trip precision
        Assert.Equal(row.Summary.MeanCi.Lower, first.GetProperty("ciLower").GetDouble());
        Assert.Equal(row.Summary.Median, first.GetProperty("median").GetDouble());
        Assert.Equal(0.95, first.GetProperty("ciLevel").GetDouble());
        Assert.Equal(row.Summary.N, first.GetProperty("n").GetInt32());
        Assert.Equal("locf", first.GetProperty("missingData").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("method").GetString()));
        Assert.Equal(table.Rows.Count, Rows(root, "Mean").Length);
        Assert.Equal(2, Rows(root, "Mean change").Length);
        JsonElement[] between = Rows(root, "Mean difference");
        Assert.Equal(2, between.Length);   // Welch and Student
        Assert.All(between, b => Assert.Equal(DemoTrial.Placebo, b.GetProperty("reference").GetString()));
        Assert.All(between, b => Assert.Equal("placebo-name", b.GetProperty("referenceChosen").GetString()));
        Assert.All(between, b => Assert.Equal(6, b.GetProperty("visit").GetDouble()));
    }

    [Fact]
    public void Change_Reference_IsUsedAndSaidToBeGiven()
    {
        JsonElement root = Json("change", "--paramcd", "MADRS", "--visit", "6", "--reference", DemoTrial.Psilocybin);
        JsonElement welch = Rows(root, "Mean difference")[0];
        Assert.Equal(DemoTrial.Psilocybin, welch.GetProperty("reference").GetString());
        Assert.Equal(DemoTrial.Placebo, welch.GetProperty("arm").GetString());
        Assert.Equal("given", welch.GetProperty("referenceChosen").GetString());
    }

    [Fact]
    public void Responders_Reference_IsUsed_AndCorrelateRefusesIt()
    {
        JsonElement rd = Assert.Single(Rows(Json("responders", "--paramcd", "MADRS", "--visit", "12", "--reference", DemoTrial.Psilocybin), "Risk difference"));
        Assert.Equal(DemoTrial.Psilocybin, rd.GetProperty("reference").GetString());
        Assert.Equal("given", rd.GetProperty("referenceChosen").GetString());
        var (code, _, error) = CohortCommand.Run("correlate", "--reference", DemoTrial.Placebo);
        Assert.Equal(1, code);
        Assert.Contains("--reference does not apply", error);
    }

    [Fact]
    public void Responders_Json_HasEstimatesWithCis()
    {
        JsonElement root = Json("responders", "--paramcd", "MADRS", "--visit", "12", "--stratify", "SITEID", "--joint", "PAINNRS");
        JsonElement rd = Assert.Single(Rows(root, "Risk difference"));
        foreach (string name in new[] { "estimate", "ciLower", "ciUpper", "ciLevel", "method", "n", "nReference", "arm", "reference", "visit" })
            Assert.True(rd.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null, name);
        Assert.Equal(2, Rows(root, "Proportion").Length);
        Assert.Single(Rows(root, "MH common odds ratio"));
        Assert.Equal(18, root.GetProperty("crossTable").GetArrayLength());
    }

    [Fact]
    public void Correlate_Json_HasArmsAndOverall()
    {
        JsonElement root = Json("correlate", "--visit", "12");
        JsonElement[] pearson = Rows(root, "Pearson r");
        Assert.Equal(3, pearson.Length);
        Assert.Equal(JsonValueKind.Null, pearson[2].GetProperty("arm").ValueKind);   // all subjects
        Assert.Equal(3, Rows(root, "Spearman rho").Length);
    }

    [Theory]
    [InlineData("change")]
    [InlineData("responders")]
    [InlineData("correlate")]
    [InlineData("effect-size")]
    public void EveryAnalysisCommand_WritesTidyCsv_OneRowPerEstimate(string command)
    {
        var (code, csv, error) = CohortCommand.Run(command, "--visit", "12", "--format", "csv");
        Assert.True(code == 0, error);
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("parameter,visit,visitLabel,variable,subgroup,term,arm,reference,", lines[0]);
        JsonElement json = Json(command, "--visit", "12");
        Assert.Equal(json.GetProperty("estimates").GetArrayLength(), lines.Length - 1);
    }

    // The models' JSON keeps LS means and differences apart (beside the fit); their CSV is both, one row per estimate.
    [Theory]
    [InlineData("ancova")]
    [InlineData("mmrm")]
    public void ModelCommands_WriteTidyCsv_OneRowPerLsMeanAndDifference(string command)
    {
        var (code, csv, error) = CohortCommand.Run(command, "--paramcd", "MADRS", "--visit", "12", "--format", "csv");
        Assert.True(code == 0, error);
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("parameter,visit,visitLabel,variable,subgroup,term,arm,reference,", lines[0]);
        JsonElement json = Json(command, "--paramcd", "MADRS", "--visit", "12");
        Assert.Equal(json.GetProperty("lsMeans").GetArrayLength() + json.GetProperty("differences").GetArrayLength(), lines.Length - 1);
    }

    [Fact]
    public void Describe_FormatCsv_IsRefused()
    {
        var (code, output, error) = CohortCommand.Run("describe", "--format", "csv");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("--format csv: describe prints a description (text or json), not estimates; the analysis commands write csv.", error);
    }

    [Fact]
    public void EffectSize_Json_MatchesTheLibrary()
    {
        JsonElement root = Json("effect-size", "--measure", "hedges-g", "--visit", "6", "--paramcd", "MADRS");
        JsonElement g = Assert.Single(root.GetProperty("estimates").EnumerateArray());
        EffectSizeEstimate expected = EffectSizeAnalysis.AtVisit(Trajectories.Of(DemoTrial.Load(), "MADRS"), 6, new EffectSizeAnalysisOptions { Measure = EffectSizeMeasure.HedgesG });
        Assert.Equal(expected.Estimate, g.GetProperty("estimate").GetDouble());
        Assert.Equal(expected.Ci.Upper, g.GetProperty("ciUpper").GetDouble());
        Assert.Equal(56, g.GetProperty("n").GetInt32());
        Assert.Equal(54, g.GetProperty("nReference").GetInt32());
        Assert.Equal(DemoTrial.Psilocybin, g.GetProperty("arm").GetString());
        Assert.Equal(DemoTrial.Placebo, g.GetProperty("reference").GetString());
        Assert.Equal("CHG", g.GetProperty("variable").GetString());
        Assert.Equal("placebo-name", g.GetProperty("referenceChosen").GetString());
    }

    [Fact]
    public void EffectSize_Bootstrap_SameSeedSameBits()
    {
        string[] args = ["effect-size", "--measure", "cohens-d", "--ci-method", "bootstrap", "--seed", "7", "--resamples", "500", "--visit", "12"];
        Assert.Equal(CohortCommand.Run(args).Out, CohortCommand.Run(args).Out);
    }

    [Fact]
    public void EffectSize_UnknownVisit_IsAUsageError()
    {
        var (code, output, error) = CohortCommand.Run("effect-size", "--visit", "5");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith("MADRS has no visit 5; its visits are 0 (Baseline), 1 (Week 1), 3 (Week 3), 6 (Week 6), 12 (Week 12).", error.ReplaceLineEndings("\n"));
    }

    public static IEnumerable<object[]> CorpusTimesCommands() =>
        Data.BadInputCorpusTests.Cases().SelectMany(c => new[] { "change", "responders", "correlate", "effect-size" }.Select(cmd => new[] { c[0], cmd }));

    // Every analysis command on every corpus file: a clear message and a non-zero exit, or a clean result; never a crash,
    // a stack trace or output followed by an error.
    [Theory]
    [MemberData(nameof(CorpusTimesCommands))]
    public void AnalysisCommands_OnBadInput_FailCleanlyOrSucceed(string name, string command)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "data", "bad");
        string optionsPath = Path.Combine(folder, name + ".options");
        string[] options = File.Exists(optionsPath) ? File.ReadAllText(optionsPath).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries) : [];
        var (code, output, error) = CohortCommand.Run([command, Path.Combine(folder, name + ".csv"), .. options]);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Unhandled exception", error);
        if (code == 0) return;
        Assert.True(code is 1 or 2, $"exit {code}: {error}");
        Assert.Equal("", output);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
