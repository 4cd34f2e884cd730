using System.Text;
using Xunit;

namespace CohortAnalysis.Tests.Cli;

/// <summary>What the text output of <c>cohort effect-size</c> must not leave out (issue 11): rows excluded at load, why
/// there is no estimate, and every arm of a trial without placebo.</summary>
public sealed class EffectSizeTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cohort-es-text-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, IEnumerable<string> lines)
    {
        string path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    // Two arms of 6 subjects with MADRS at weeks 0 and 6; value(arm, subject, visit) gives the score (null = missing).
    private string Trial(string name, string[] arms, Func<int, int, int, string> value)
    {
        var lines = new List<string> { "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL" };
        for (int a = 0; a < arms.Length; a++)
            for (int s = 0; s < 6; s++)
                foreach (int visit in new[] { 0, 6 })
                    lines.Add($"S{a}{s},{arms[a]},MADRS,{visit},{value(a, s, visit)}");
        return File(name, lines);
    }

    [Fact]
    public void ExcludedRows_AreNamedWithLineAndReason()
    {
        // Subject S03's week-6 score is 75, outside MADRS 0-60: --exclude-invalid leaves the row out and the output says so.
        string path = Trial("excluded.csv", ["Placebo", "Drug"], (a, s, v) => a == 0 && s == 3 && v == 6 ? "75" : (30 - v * a + s).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (code, output, error) = CohortCommand.Run("effect-size", path, "--exclude-invalid", "--visit", "6");
        Assert.True(code == 0, error);
        Assert.Contains("Excluded at load (1 row; not in any estimate above):", output, StringComparison.Ordinal);
        Assert.Contains("excluded.csv line 9", output, StringComparison.Ordinal);
        Assert.Contains("75", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AllMissingAnalysis_SaysWhy()
    {
        string path = Trial("missing.csv", ["Placebo", "Drug"], (a, s, v) => v == 6 ? "NA" : "30");
        var (code, output, error) = CohortCommand.Run("effect-size", path, "--visit", "6");
        Assert.True(code == 0, error);
        Assert.Contains("No estimate: all 12 post-baseline MADRS scores are missing.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreeArmsWithoutPlacebo_EveryArmIsComparedWithTheNamedReference()
    {
        string path = Trial("three.csv", ["Low", "High", "Active control"], (a, s, v) => (30 - v * a + s % 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (code, output, error) = CohortCommand.Run("effect-size", path, "--visit", "6", "--format", "csv");
        Assert.True(code == 0, error);
        string[] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(2, rows.Length);   // High and Low, each against the reference: no arm silently dropped
        Assert.All(rows, r => Assert.Contains("Active control", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("High", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Low", StringComparison.Ordinal));
    }
}
