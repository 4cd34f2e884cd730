using System.Text.Json;
using Xunit;

namespace CohortAnalysis.Tests.Cli;

public class DescribeCommandTests
{
    [Fact]
    public void Describe_NoFile_SummarisesTheDemoTrial()
    {
        var (code, output, error) = CohortCommand.Run("describe");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.StartsWith("Cohort demo-trial.csv: 120 subjects, 1138 observations", output);
        Assert.Contains("Arms: Placebo (n = 60); Psilocybin 25 mg (n = 60)", output);
        Assert.Contains("Completeness (subjects with a non-missing score / subjects in arm):", output);
    }

    [Fact]
    public void Describe_HandWrittenFile_Json_Parses()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cohort-cli-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Data.CsvText.Small);
        try
        {
            var (code, output, _) = CohortCommand.Run("describe", path, "--format", "json");
            Assert.Equal(0, code);
            using JsonDocument json = JsonDocument.Parse(output);
            JsonElement root = json.RootElement;
            Assert.Equal(4, root.GetProperty("subjects").GetInt32());
            Assert.Equal("Placebo", root.GetProperty("arms")[0].GetProperty("arm").GetString());
            Assert.Equal(11, root.GetProperty("report").GetProperty("rowsRead").GetInt64());
            Assert.Contains(root.GetProperty("report").GetProperty("issues").EnumerateArray(), i => i.GetProperty("kind").GetString() == "missingValue");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Describe_BadFile_PrintsTheMessageToStderrWithoutStackTrace()
    {
        string path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,A,MADRS,0,abc\n");
        try
        {
            var (code, output, error) = CohortCommand.Run("describe", path);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Equal($"{Path.GetFileName(path)} line 2, column AVAL: 'abc' is not a number (decimals use '.'; missing values are empty, 'NA', '.').\n1 problem; 0 rows loaded.\n",
                error.ReplaceLineEndings("\n"));
            Assert.DoesNotContain("   at ", error);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Describe_MissingFile_FailsCleanly()
    {
        var (code, _, error) = CohortCommand.Run("describe", "no-such-file.csv");
        Assert.Equal(1, code);
        Assert.Contains("no-such-file.csv", error);
    }

    [Fact]
    public void Describe_MappingOptions_ReadCustomColumns()
    {
        string path = Path.Combine(Path.GetTempPath(), $"custom-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "id,group,week,score,PARAMCD\n1,A,0,6,PAINNRS\n1,A,4,3,PAINNRS\n2,B,0,7,PAINNRS\n");
        try
        {
            var (code, output, error) = CohortCommand.Run("describe", path, "--subject", "id", "--arm", "group", "--visit", "week", "--value", "score");
            Assert.True(code == 0, error);
            Assert.Contains("2 subjects, 3 observations", output);
        }
        finally { File.Delete(path); }
    }
}

public class BadInputCliTests
{
    public static IEnumerable<object[]> Cases() => Data.BadInputCorpusTests.Cases();

    // Every command on every corpus file: a clear error (exit 2, the library's message, no stack trace) or a clean load.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Describe_BadInput_ExitsCleanlyWithTheLibraryMessage(string name)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "data", "bad");
        string expected = File.ReadAllText(Path.Combine(folder, name + ".expected")).ReplaceLineEndings("\n");
        string optionsPath = Path.Combine(folder, name + ".options");
        string[] options = File.Exists(optionsPath) ? File.ReadAllText(optionsPath).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries) : [];
        var (code, output, error) = CohortCommand.Run(["describe", Path.Combine(folder, name + ".csv"), .. options]);
        Assert.DoesNotContain("   at ", error);
        if (expected.StartsWith("error\n", StringComparison.Ordinal))
        {
            Assert.Equal(2, code);
            Assert.Equal("", output);
            // The tool names its flags where the library names its API (the de-identification guard's advice).
            string cliMessage = expected["error\n".Length..].Replace(CohortAnalysis.Privacy.IdentifiableDataException.LibraryAdvice,
                "Drop the columns with --drop-identifiers, or load them anyway with --allow-identifiers REASON (the reason is recorded in the report).",
                StringComparison.Ordinal);
            Assert.Equal(cliMessage, error.ReplaceLineEndings("\n"));
        }
        else
        {
            Assert.Equal(0, code);
            Assert.Contains("Data quality:", output);
        }
    }
}
