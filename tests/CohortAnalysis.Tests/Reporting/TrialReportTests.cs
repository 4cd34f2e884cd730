using CohortAnalysis.Data;
using CohortAnalysis.Reporting;
using CohortAnalysis.Reporting.Html;
using Xunit;

namespace CohortAnalysis.Tests.Reporting;

/// <summary>The report model: its options' defaults, endpoints that are missing or named, and progress.</summary>
public sealed class TrialReportTests
{
    private static Cohort MadrsOnly() => CohortCsvReader.Parse(
        string.Join('\n', DemoTrial.Generate().Split('\n').Where(l => !l.Contains(",PAINNRS,", StringComparison.Ordinal))), "madrs-only.csv");

    [Fact]
    public void Options_Defaults()
    {
        TrialReportOptions o = TrialReportOptions.Default;
        Assert.Equal("MADRS", o.Mood);
        Assert.Equal("PAINNRS", o.Pain);
        Assert.False(o.MoodRequired);
        Assert.False(o.PainRequired);
        Assert.Null(o.Reference);
        Assert.Equal(0.95, o.CiLevel);
        Assert.Equal(20240601UL, o.Seed);
        Assert.Equal(2000, o.Resamples);
        Assert.Equal("", o.CommandLine);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => o with { CiLevel = 95 });
        Assert.StartsWith("CiLevel = 95 must lie strictly between 0 and 1 (e.g. 0.95).", e.Message);
    }

    [Fact]
    public void OneEndpoint_EverySectionButMoodAndPain_SaysWhy()
    {
        TrialReport report = TrialReport.Build(MadrsOnly(), new ReportSource("madrs-only.csv", 1, "00", "test"));
        Assert.Equal(["MADRS"], report.Endpoints.Select(e => e.Parameter));
        Assert.Null(report.MoodAndPain);
        Assert.Contains(report.Notes, n => n.StartsWith("Pain endpoint PAINNRS: not in the cohort", StringComparison.Ordinal));
        var (document, errors) = DemoReport.Parse(TrialReportHtml.ToHtml(report));
        Assert.Empty(errors);
        Assert.Equal(8, document.QuerySelectorAll("section > h2").Length);
        Assert.StartsWith("Not shown: Mood and pain together: needs", document.QuerySelector("#s7 p.note")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("#s7 figure"));
    }

    [Fact]
    public void RequiredEndpointMissing_Throws_NamingTheParameters()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            TrialReport.Build(MadrsOnly(), new ReportSource("x", 1, "00", "test"), new TrialReportOptions { Pain = "BPI", PainRequired = true }));
        Assert.Equal("Pain endpoint BPI is not in the cohort; its parameters are MADRS.", e.Message);
    }

    [Fact]
    public void Progress_ReportsEveryStepInOrder()
    {
        var steps = new List<ReportProgress>();
        TrialReport.Build(MadrsOnly(), new ReportSource("x", 1, "00", "test"), progress: new Inline(steps.Add));
        Assert.Equal(Enumerable.Range(0, steps.Count), steps.Select(s => s.Completed));
        Assert.All(steps, s => Assert.Equal(steps.Count, s.Total));
        Assert.Contains(steps, s => s.Step == "MMRM of MADRS");
    }

    // Progress<T> posts to the thread pool; the test wants the reports in order, on the calling thread.
    private sealed class Inline(Action<ReportProgress> report) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value) => report(value);
    }
}
