using System.Text.Json;
using CohortAnalysis.Models;
using Xunit;
using CohortAnalysis.Data;
using CohortAnalysis.Tests.Models;

namespace CohortAnalysis.Tests.Cli;

public class MmrmCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CohortCommand.Run(["mmrm", .. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static void AssertRefused(int expectedCode, string expectedStart, params string[] args)
    {
        var (code, output, error) = CohortCommand.Run(["mmrm", .. args]);
        Assert.Equal(expectedCode, code);
        Assert.Equal("", output);
        Assert.StartsWith(expectedStart, error);
        Assert.DoesNotContain("   at ", error);   // no stack trace without --verbose
    }

    [Fact]
    public void Mmrm_Json_CarriesEveryLsMeanAndDifferenceAsTheLibrary()
    {
        JsonElement root = Json("--paramcd", "MADRS", "--covariance", "csh", "--covariates", "SEX");
        MmrmFit fit = Mmrm.Fit(DemoTrial.Load(), "MADRS", new() { Covariance = CovarianceStructure.HeterogeneousCompoundSymmetry, Covariates = ["SEX"] });
        Assert.Equal(fit.Formula, root.GetProperty("model").GetString());
        var pairs = fit.LsMeans.Zip(root.GetProperty("lsMeans").EnumerateArray()).Concat(fit.Differences.Zip(root.GetProperty("differences").EnumerateArray())).ToList();
        Assert.Equal(8 + 4, pairs.Count);
        Assert.Equal(8, root.GetProperty("lsMeans").GetArrayLength());
        Assert.Equal(4, root.GetProperty("differences").GetArrayLength());
        foreach (var (e, j) in pairs)
        {
            Assert.Equal(e.Estimate, j.GetProperty("estimate").GetDouble());
            Assert.Equal(e.StandardError, j.GetProperty("se").GetDouble());
            Assert.Equal(e.DegreesOfFreedom, j.GetProperty("df").GetDouble());
            Assert.Equal(e.Ci.Lower, j.GetProperty("ciLower").GetDouble());
            Assert.Equal(e.Ci.Upper, j.GetProperty("ciUpper").GetDouble());
            Assert.Equal(e.PValue, j.GetProperty("pValue").GetDouble());
            Assert.Equal(e.Comparison.Arm, j.GetProperty("arm").GetString());
            Assert.Equal(e.Comparison.Visit!.Value.Time, j.GetProperty("visit").GetDouble());
            Assert.Equal(e.Comparison.Visit!.Value.DisplayName, j.GetProperty("visitLabel").GetString());
        }
        Assert.Equal(DemoTrial.Placebo, root.GetProperty("differences")[0].GetProperty("reference").GetString());

        JsonElement f = root.GetProperty("fit");
        Assert.Equal("csh", f.GetProperty("structure").GetString());
        Assert.Equal("CSH", f.GetProperty("sasType").GetString());
        Assert.Equal("as requested", f.GetProperty("structureNote").GetString());
        Assert.Equal(fit.Minus2LogLikelihood, f.GetProperty("minus2LogLikelihood").GetDouble());
        Assert.Equal(fit.Aic, f.GetProperty("aic").GetDouble());
        Assert.Equal(fit.Aicc, f.GetProperty("aicc").GetDouble());
        Assert.Equal(fit.Bic, f.GetProperty("bic").GetDouble());
        Assert.Equal(fit.Iterations, f.GetProperty("iterations").GetInt32());
        Assert.True(f.GetProperty("converged").GetBoolean());
        JsonElement covariance = f.GetProperty("covariance")[0];
        Assert.Equal(4, covariance.GetProperty("matrix").GetArrayLength());
        Assert.Equal(fit.Covariance[0].Matrix[3, 1], covariance.GetProperty("matrix")[3][1].GetDouble());
        Assert.Equal(1.0, covariance.GetProperty("correlation")[2][2].GetDouble(), 1e-12);
        Assert.Equal(fit.Covariance[0].Parameters.Count, covariance.GetProperty("parameters").GetArrayLength());
        JsonElement[] tests = root.GetProperty("typeIIITests").EnumerateArray().ToArray();
        Assert.Equal(["ARM", "VISIT", "ARM*VISIT", "BASE", "BASE*VISIT", "SEX"], tests.Select(t => t.GetProperty("term").GetString()));
        foreach (var (t, j) in fit.TypeIIITests.Zip(tests))
        {
            Assert.Equal(t.F, j.GetProperty("f").GetDouble());
            Assert.Equal(t.DenominatorDf, j.GetProperty("denominatorDf").GetDouble());
            Assert.Equal(t.PValue, j.GetProperty("pValue").GetDouble());
        }
    }

    [Fact]
    public void Mmrm_Text_ShowsLsMeansDifferencesFitStatisticsAndCovariance()
    {
        var (code, output, error) = CohortCommand.Run("mmrm", "--paramcd", "MADRS");
        Assert.True(code == 0, error);
        Assert.StartsWith("MMRM of MADRS CHG: CHG ~ ARM + VISIT + ARM*VISIT + BASE + BASE*VISIT", output);
        Assert.Contains("LS means of MADRS CHG by arm and visit", output);
        Assert.Contains("Differences in LS means from Placebo at each visit", output);
        Assert.Contains("-2 Res Log Likelihood", output);
        Assert.Contains("Estimated covariance (unstructured, TYPE=UN)", output);
        Assert.Contains("Week 12  Psilocybin 25 mg - Placebo", output);
    }

    [Fact]
    public void Mmrm_Csv_OneTidyRowPerEstimateAtTheVisitShown()
    {
        var (code, output, error) = CohortCommand.Run("mmrm", "--paramcd", "MADRS", "--visit", "12", "--format", "csv");
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 2 + 1, lines.Length);   // header, two LS means, one difference
        Assert.StartsWith("parameter,visit,visitLabel,", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("MADRS,12,Week 12,CHG,", l));
    }

    [Fact]
    public void Mmrm_CompareStructures_Json_ListsEachStructureWithItsCriteria()
    {
        JsonElement root = Json("--paramcd", "MADRS", "--compare-structures", "--structures", "un,cs,ar1", "--visit", "12");
        Assert.Equal(2, root.GetProperty("lsMeans").GetArrayLength());
        JsonElement comparison = root.GetProperty("structureComparison");
        JsonElement[] rows = comparison.GetProperty("structures").EnumerateArray().ToArray();
        Assert.Equal(["un", "cs", "ar1"], rows.Select(r => r.GetProperty("structure").GetString()));
        Assert.All(rows, r => Assert.True(r.GetProperty("converged").GetBoolean()));
        Assert.Equal(root.GetProperty("fit").GetProperty("aic").GetDouble(), rows[0].GetProperty("aic").GetDouble(), 1e-9);
        Assert.Equal("cs", comparison.GetProperty("bestByBic").GetString());
    }

    [Fact]
    public void Mmrm_KenwardRoger_GivesResults()
    {
        var (code, output, error) = CohortCommand.Run("mmrm", "--paramcd", "MADRS", "--df", "kenward-roger");
        Assert.True(code == 0, error);
        Assert.Contains("Kenward-Roger df", output);
        Assert.Contains("Type III tests of fixed effects", output);
        Assert.Contains("ARM*VISIT    3", output);
        Assert.Contains("Type III F test, Kenward-Roger df", output);
    }

    [Fact]
    public void Mmrm_UnknownStructure_IsRefused()
    {
        var (code, _, error) = CohortCommand.Run("mmrm", "--covariance", "unstructured");
        Assert.Equal(1, code);
        Assert.Contains("'unstructured' not recognized", error);
        AssertRefused(1, "--fallback: unknown covariance structure 'ar2'; structures are un, cs, csh, ar1, arh1, toep, toeph, adh, sp-exp.", "--fallback", "toeph,ar2");
    }

    [Fact]
    public void Mmrm_OptionsThatDoNotApply_AreRefused()
    {
        AssertRefused(1, "--structures applies only with --compare-structures.", "--structures", "un,cs");
        AssertRefused(1, "--missing does not apply to mmrm", "--missing", "locf");
        AssertRefused(1, "--empirical does not combine with --df satterthwaite", "--empirical", "--df", "satterthwaite");
        AssertRefused(1, "--df kenward-roger is defined for REML fits", "--method", "ml", "--df", "kenward-roger");
        AssertRefused(1, "--compare-structures prints a table", "--compare-structures", "--format", "csv");
        AssertRefused(1, "--visit 5: not a post-baseline visit of the model; visits are 1, 3, 6, 12.", "--paramcd", "MADRS", "--visit", "5");
    }

    public static TheoryData<string, string, string[]> BadInputs() => new()
    {
        { "one-arm", "MADRS: outcomes are in one arm only (Placebo); an MMRM comparing arms needs at least two.", [] },
        { "visit-without-data", "MADRS: visit Week 3 has no CHG value in any arm; an MMRM with visits as categories cannot estimate it. Leave the visit's records out or fill them in.", [] },
        { "constant-covariate", "SITEID has a single level ('S1') in the 48 records analysed; it cannot be a model term.", ["--covariates", "SITEID"] },
        { "collinear-covariates", "Column STRATA[LOW] of term STRATA is a linear combination of earlier columns (collinear covariates); remove one of the collinear terms.", ["--covariates", "SITEID,STRATA"] },
        { "subject-in-two-arms", "line 21, column TRT01P: subject P04 appears in arms Placebo (line 18) and Active.", [] },
        { "five-subjects", "The data have 5 subjects, fewer than the 6 parameters of the unstructured covariance over 3 visits; choose a structure with fewer parameters.", [] },
    };

    // The same files as Models/MmrmBadInputTests: exit 2 (a data error), nothing on stdout, the library's message on one
    // line (the reader's problem list adds its count line), no stack trace.
    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Mmrm_BadInput_FailsWithOneLineNamingTheProblem(string name, string message, string[] options)
    {
        string csv = name switch
        {
            "one-arm" => string.Join("\n", MmrmBadInput.Csv().Split('\n').Where(l => !l.Contains(",Active,", StringComparison.Ordinal))),
            "visit-without-data" => MmrmBadInput.Csv(missing: (_, week) => week == 3),
            "constant-covariate" => MmrmBadInput.Csv(site: _ => "S1"),
            "subject-in-two-arms" => MmrmBadInput.Csv(arm: (i, week) => week == 3 && i == 4 ? "Active" : null),
            "five-subjects" => MmrmBadInput.Csv(subjects: 5),
            _ => MmrmBadInput.Csv(),
        };
        string path = Path.Combine(Path.GetTempPath(), $"mmrm-{name}-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        try
        {
            var (code, output, error) = CohortCommand.Run(["mmrm", path, "--paramcd", "MADRS", .. options]);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.DoesNotContain("   at ", error);
            string[] lines = error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            if (name == "subject-in-two-arms")
            {
                Assert.EndsWith(message, lines[0]);
                Assert.Equal(["1 problem; 0 rows loaded."], lines[1..]);
            }
            else Assert.Equal([message], lines);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Mmrm_Json_SaysWhichSubjectsAndRecordsWereLeftOut()
    {
        JsonElement root = Json("--paramcd", "MADRS", "--visit", "12");
        MmrmFit fit = Mmrm.Fit(DemoTrial.Load(), "MADRS");
        Assert.True(root.GetProperty("rowsUsed").GetInt32() > 0);
        JsonElement f = root.GetProperty("fit");
        Assert.Equal(fit.ObservationsUsed, f.GetProperty("observationsUsed").GetInt32());
        Assert.Equal(0, f.GetProperty("observationsExcluded").GetInt32());
        Assert.Equal(fit.SubjectsUsed, f.GetProperty("subjectsUsed").GetInt32());
        Assert.Equal(2, f.GetProperty("subjectsExcluded").GetInt32());
        Assert.Equal(2, f.GetProperty("excludedSubjects").GetProperty("no post-baseline record").GetInt32());
    }

    [Fact]
    public void Mmrm_EmpiricalCovariance_DefaultsToBetweenWithinDf()
    {
        JsonElement root = Json("--paramcd", "MADRS", "--empirical", "--visit", "12");
        Assert.Equal("between-within", root.GetProperty("degreesOfFreedom").GetString());
        Assert.True(root.GetProperty("empiricalCovariance").GetBoolean());
    }
}
