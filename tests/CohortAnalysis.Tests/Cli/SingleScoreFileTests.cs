using System.Globalization;
using System.Text;
using Xunit;

namespace CohortAnalysis.Tests.Cli;

/// <summary>Files as a new user brings them: one score and no parameter column, or visits without a baseline.</summary>
public sealed class SingleScoreFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-single-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The commands that analyse one parameter's change from baseline.</summary>
    public static TheoryData<string> ChangeCommands => new() { "change", "responders", "effect-size", "ancova", "mmrm" };

    // 12 subjects, 2 arms; MADRS at the given visits; the drug arm improves by 3 points a visit, placebo by 1, with a
    // deterministic scatter of 0-6 points.
    private string Trial(string name, bool parameterColumn, params double[] visits)
    {
        var text = new StringBuilder(parameterColumn ? "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\n" : "USUBJID,TRT01P,AVISITN,AVAL\n");
        for (int s = 1; s <= 12; s++)
        {
            bool drug = s % 2 == 0;
            foreach (double v in visits)
                text.Append(CultureInfo.InvariantCulture, $"S{s:00},{(drug ? "Drug" : "Placebo")},{(parameterColumn ? "MADRS," : "")}{v},{30 - v * (drug ? 3 : 1) + (s * 37 + v * 11 + s * v * 5) % 7}\n");
        }
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void NoParameterColumn_WithoutParamcd_ErrorSaysHowToNameTheScore()
    {
        string path = Trial("one-score.csv", parameterColumn: false, 0, 1, 2);
        var (code, output, error) = CohortCommand.Run("change", path);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("one-score.csv line 1, column PARAMCD: the header has no parameter column (PARAMCD); columns are: USUBJID, TRT01P, AVISITN, AVAL. " +
            "Name the column (CLI --parameter COLUMN; library ColumnMapping.Parameter) or, for a file with a single score, the score itself " +
            "(CLI --paramcd NAME, e.g. --paramcd MADRS; library ColumnMapping.DefaultParameter = \"MADRS\").", error);
    }

    [Theory]
    [MemberData(nameof(ChangeCommands))]
    public void NoParameterColumn_ParamcdNamesTheScore(string command)
    {
        string path = Trial("one-score.csv", parameterColumn: false, 0, 1, 2);
        var (code, output, error) = CohortCommand.Run(command, path, "--paramcd", "MADRS", "--visit", "2", "--format", "csv");
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("parameter,visit,", lines[0]);
        Assert.True(lines.Length > 1, output);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("MADRS,", line));
        Assert.Contains(lines, line => line.StartsWith("MADRS,2,", StringComparison.Ordinal));
    }

    [Fact]
    public void NoParameterColumn_Describe_ParamcdNamesTheScore()
    {
        string path = Trial("one-score.csv", parameterColumn: false, 0, 1, 2);
        var (code, output, error) = CohortCommand.Run("describe", path, "--paramcd", "MADRS");
        Assert.True(code == 0, error);
        Assert.Contains("Parameters: MADRS = Montgomery–Åsberg Depression Rating Scale", output);
    }

    [Fact]
    public void ParameterColumn_DescribeParamcd_IsRefused()
    {
        var (code, output, error) = CohortCommand.Run("describe", "--paramcd", "MADRS");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal("--paramcd MADRS: the file has a parameter column (MADRS, PAINNRS); --paramcd names the score of a file without one, and describe shows every parameter.",
            error.Trim());
    }

    [Theory]
    [MemberData(nameof(ChangeCommands))]
    public void NoBaseline_StopsUpFrontAndPointsToBaselineVisit(string command)
    {
        string path = Trial("no-baseline.csv", parameterColumn: true, 1, 2, 3);
        var (code, output, error) = CohortCommand.Run(command, path);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal("no-baseline.csv: no subject has a MADRS baseline: no record is flagged as baseline (ABLFL = Y) and no score is at or before visit 0; " +
            "the MADRS visits are 1, 2, 3. Name the baseline visit (CLI --baseline-visit 1; library: read with Baseline = " +
            "BaselineRule.LastNonMissingAtOrBefore(1)), so change from baseline can be derived.", error.Trim());
    }

    [Fact]
    public void NoBaseline_BaselineVisitGiven_Analyses()
    {
        string path = Trial("no-baseline.csv", parameterColumn: true, 1, 2, 3);
        var (code, output, error) = CohortCommand.Run("effect-size", path, "--baseline-visit", "1", "--format", "csv");
        Assert.True(code == 0, error);
        Assert.Contains("MADRS,3,", output);
    }
}
