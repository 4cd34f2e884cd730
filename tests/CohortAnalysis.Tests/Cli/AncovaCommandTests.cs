using System.Text.Json;
using CohortAnalysis.Models;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Tests.Cli;

public class AncovaCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CohortCommand.Run(["ancova", .. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void Ancova_Json_CarriesEveryLsMeanAndDifferenceAsTheLibrary()
    {
        JsonElement root = Json("--paramcd", "MADRS", "--visit", "6", "--covariates", "SEX,SITEID", "--robust", "hc3");
        AncovaFit fit = Ancova.Fit(DemoTrial.Load(), "MADRS", 6, new() { Covariates = ["SEX", "SITEID"], Covariance = RobustCovariance.Hc3 });
        Assert.Equal(fit.Formula, root.GetProperty("model").GetString());
        Cohort demo = DemoTrial.Load();
        Assert.Equal(demo.ObservationCount, root.GetProperty("rowsUsed").GetInt32());
        Assert.Equal(demo.Report.RowsExcluded, root.GetProperty("rowsExcluded").GetInt32());
        Assert.Equal(demo.Report.Issues.Count, root.GetProperty("dataQualityIssues").GetInt32());
        Assert.Equal(fit.SubjectsAnalysed, root.GetProperty("subjectsAnalysed").GetInt32());
        var pairs = fit.LsMeans.Zip(root.GetProperty("lsMeans").EnumerateArray()).Concat(fit.Differences.Zip(root.GetProperty("differences").EnumerateArray())).ToList();
        Assert.Equal(fit.LsMeans.Count + fit.Differences.Count, pairs.Count);
        foreach (var (e, j) in pairs)
        {
            Assert.Equal(e.Estimate, j.GetProperty("estimate").GetDouble());
            Assert.Equal(e.StandardError, j.GetProperty("se").GetDouble());
            Assert.Equal(e.DegreesOfFreedom, j.GetProperty("df").GetDouble());
            Assert.Equal(e.Ci.Lower, j.GetProperty("ciLower").GetDouble());
            Assert.Equal(e.Ci.Upper, j.GetProperty("ciUpper").GetDouble());
            Assert.Equal(e.PValue, j.GetProperty("pValue").GetDouble());
            Assert.Equal(e.Comparison.Arm, j.GetProperty("arm").GetString());
            Assert.Equal(6, j.GetProperty("visit").GetDouble());
        }
        Assert.Equal(DemoTrial.Placebo, root.GetProperty("differences")[0].GetProperty("reference").GetString());
        Assert.Equal(4, root.GetProperty("typeIIITests").GetArrayLength());   // ARM, BASE, SEX, SITEID
    }

    // Issue 14: the JSON of a result says how many of the records it used were derived (DTYPE), not observed.
    [Fact]
    public void Ancova_Json_CountsDerivedRecords()
    {
        string adqs = Path.Combine(AppContext.BaseDirectory, "known-results", "adam", "adqsadas.xpt");
        JsonElement root = Json(adqs, "--analysis-flag", "ANL01FL", "--paramcd", "ACTOT", "--visit", "24");
        Cohort cohort = CohortFileReader.Read(adqs, CohortReadOptions.Default with { Adam = new() { AnalysisFlag = "ANL01FL" } });
        Assert.Equal(cohort.Report.DerivedRecords["LOCF"], root.GetProperty("derivedRecords").GetProperty("LOCF").GetInt32());
        Assert.Empty(Json("--paramcd", "MADRS", "--visit", "6").GetProperty("derivedRecords").EnumerateObject());
    }

    [Fact]
    public void Ancova_Subgroup_Json_HasInteractionAndPerLevelEffects()
    {
        JsonElement root = Json("--paramcd", "MADRS", "--visit", "12", "--subgroup", "SEX");
        JsonElement groups = root.GetProperty("subgroups");
        Assert.Equal("SEX", groups.GetProperty("subgroup").GetString());
        Assert.Equal("ARM*SEX", groups.GetProperty("interaction").GetProperty("term").GetString());
        Assert.True(groups.GetProperty("differences").GetArrayLength() >= 2);
        Assert.StartsWith("SEX = ", groups.GetProperty("differences")[0].GetProperty("subgroup").GetString());
    }

    [Fact]
    public void Ancova_Csv_IsTidyOneRowPerLsMeanAndDifference()
    {
        var (code, output, error) = CohortCommand.Run("ancova", "--paramcd", "MADRS", "--visit", "6", "--format", "csv");
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var fit = CohortAnalysis.Models.Ancova.Fit(CohortAnalysis.Data.DemoTrial.Load(), "MADRS", 6);
        Assert.Equal(1 + fit.LsMeans.Count + fit.Differences.Count, lines.Length);
        Assert.StartsWith("parameter,", lines[0]);
    }

    [Fact]
    public void Ancova_Text_ShowsTablesAndTests()
    {
        var (code, output, error) = CohortCommand.Run("ancova", "--paramcd", "MADRS", "--visit", "6");
        Assert.True(code == 0, error);
        Assert.Contains("ANCOVA of MADRS CHG at", output);
        Assert.Contains("LS mean difference", output);
        Assert.Contains("Type III tests", output);
    }

    [Fact]
    public void Ancova_NoDataAtTheVisit_FailsWithADataError()
    {
        var (code, _, error) = CohortCommand.Run("ancova", "--paramcd", "MADRS", "--visit", "0");
        Assert.Equal(2, code);
        Assert.StartsWith("No subject has CHG of MADRS at", error);
    }

    [Fact]
    public void Ancova_UnknownCovariate_FailsWithTheCohortsCovariates()
    {
        var (code, _, error) = CohortCommand.Run("ancova", "--paramcd", "MADRS", "--visit", "6", "--covariates", "RACEX");
        Assert.Equal(1, code);
        Assert.Contains("no covariate 'RACEX'", error);
    }
}
