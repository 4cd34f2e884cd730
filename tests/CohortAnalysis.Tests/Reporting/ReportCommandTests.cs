using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using CohortAnalysis.Data;
using CohortAnalysis.Tests.Cli;
using Xunit;

namespace CohortAnalysis.Tests.Reporting;

/// <summary><c>cohort report</c> end to end in a child process: the demo trial, a wide CSV and an ADaM transport file,
/// byte-identical output for one seed, and refusals that name the flag.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cohort-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private IDocument Report(string output, params string[] args)
    {
        var (code, stdout, error) = CohortCommand.Run(["report", .. args, "-o", output, "--quiet"]);
        Assert.True(code == 0, error);
        Assert.Equal("", stdout);
        var (document, errors) = DemoReport.Parse(File.ReadAllText(output));
        Assert.Empty(errors);
        Assert.Equal(8, document.QuerySelectorAll("section > h2").Length);
        return document;
    }

    [Fact]
    public void Report_DemoTrial_TwoRunsWithOneSeed_AreByteIdentical()
    {
        string path = PathOf("report.html");
        IDocument first = Report(path, "--seed", "7");
        byte[] bytes = File.ReadAllBytes(path);
        Report(path, "--seed", "7");
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Contains("cohort report --seed 7 -o " + path + " --quiet", first.QuerySelector("#s8 .command")!.TextContent);

        Report(path, "--seed", "8");
        Assert.NotEqual(bytes, File.ReadAllBytes(path));   // the seed reaches the bootstrap interval
    }

    [Fact]
    public void Report_AdamTransportFile_GivesTheDemoNumbers()
    {
        string xpt = PathOf("adqs.xpt");
        var (code, _, error) = CohortCommand.Run("demo", "--output", xpt);
        Assert.True(code == 0, error);
        IDocument fromXpt = Report(PathOf("xpt.html"), xpt);
        IDocument demo = Report(PathOf("demo.html"));
        Assert.Contains("SAS transport file (XPORT)", fromXpt.QuerySelector("#s1 dl")!.TextContent);
        foreach (string id in new[] { "mmrm-differences-MADRS", "effect-sizes-PAINNRS", "response-MADRS", "joint-response" })
            Assert.Equal(demo.QuerySelector($"#{id} tbody")!.TextContent, fromXpt.QuerySelector($"#{id} tbody")!.TextContent);
    }

    [Fact]
    public void Report_WideCsv_OneRowPerSubject()
    {
        string wide = PathOf("wide.csv");
        File.WriteAllText(wide, WideCsv(DemoTrial.Load()), new UTF8Encoding(false));
        IDocument document = Report(PathOf("wide.html"), wide, "--layout", "wide");
        Assert.NotNull(document.QuerySelector("#mmrm-differences-MADRS table"));
        Assert.NotNull(document.QuerySelector("#scatter svg"));
        Assert.Equal(2, DemoReport.Rows(document, "baseline").Count(r => r["Characteristic"] == "SEX"));
        Assert.StartsWith("Total: 120 ", document.QuerySelector("#flow-MADRS ol > li ul li:last-child")!.TextContent);
    }

    [Fact]
    public void Report_MoodNotInTheFile_NamesTheFlagAndTheParameters()
    {
        var (code, output, error) = CohortCommand.Run("report", "--mood", "HAMD17", "-o", PathOf("x.html"));
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal("--mood HAMD17: not a parameter of the data; its parameters are MADRS, PAINNRS.", error.TrimEnd());
        Assert.False(File.Exists(PathOf("x.html")));
    }

    [Theory]
    [InlineData("--ci-level", "2", "--ci-level")]
    [InlineData("--format", "csv", "'csv'")]   // the report is HTML only: no --format
    [InlineData("--seed", "-1", "--seed")]
    [InlineData("--reference", "Nobody", "Nobody")]
    public void Report_BadOption_OneLineNoStackTraceNoFile(string option, string value, string named)
    {
        string path = PathOf("bad.html");
        var (code, output, error) = CohortCommand.Run("report", option, value, "-o", path, "--quiet");
        Assert.InRange(code, 1, 2);
        Assert.DoesNotContain("<html", output);   // (the parser may suggest a spelling on stdout for an unknown token)
        Assert.Contains(named, error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(path));
    }

    /// <summary>The demo trial as a wide file: USUBJID, TRT01P, SEX, then MADRS_W0 … PAINNRS_W12.</summary>
    private static string WideCsv(Cohort cohort)
    {
        var inv = CultureInfo.InvariantCulture;
        var columns = cohort.Parameters.SelectMany(p => cohort.Visits.Select(v => (p, v.Time))).ToList();
        var values = new Dictionary<(int, string, double), double>();
        foreach (Observation o in cohort.Observations) values[(cohort.IndexOfSubject(o.Subject), o.Parameter, o.Visit.Time)] = o.Value;
        var text = new StringBuilder("USUBJID,TRT01P,SEX," + string.Join(",", columns.Select(c => string.Create(inv, $"{c.p}_W{c.Time:0}"))) + "\n");
        for (int s = 0; s < cohort.Subjects.Count; s++)
        {
            text.Append(cohort.Subjects[s]).Append(',').Append(cohort.Arms[cohort.ArmIndexOfSubject(s)]).Append(',').Append(cohort.Covariate(s, "SEX"));
            foreach (var (p, time) in columns)
                text.Append(',').Append(values.TryGetValue((s, p, time), out double x) && !double.IsNaN(x) ? x.ToString(inv) : "");
            text.Append('\n');
        }
        return text.ToString();
    }
}
