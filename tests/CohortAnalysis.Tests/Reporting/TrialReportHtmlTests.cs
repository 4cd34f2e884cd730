using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CohortAnalysis.Change;
using CohortAnalysis.Data;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Instruments;
using CohortAnalysis.Missing;
using CohortAnalysis.Models;
using CohortAnalysis.Reporting;
using CohortAnalysis.Reporting.Html;
using CohortAnalysis.Responders;
using Xunit;

namespace CohortAnalysis.Tests.Reporting;

/// <summary>The demo report's HTML read back with AngleSharp: well-formed, self-contained, every section and figure, and
/// the numbers in its tables equal to the library's results computed here independently of the report.</summary>
public sealed class TrialReportHtmlTests(DemoReport demo) : IClassFixture<DemoReport>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public void Html_ParsesWithoutErrors()
    {
        Assert.Empty(demo.ParseErrors);
        Assert.StartsWith("<!DOCTYPE html>", demo.Html);
        Assert.Equal("en", demo.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Html_HasTheEightSectionsInOrder()
    {
        Assert.Equal(TrialReportHtml.SectionTitles, demo.Document.QuerySelectorAll("section > h2").Select(h => h.TextContent));
        Assert.Equal(["1. Data and quality", "2. Baseline characteristics", "3. Change from baseline", "4. Primary analysis",
            "5. Effect sizes", "6. Responders and remission", "7. Mood and pain together", "8. Methods"], TrialReportHtml.SectionTitles);
    }

    [Fact]
    public void Html_IsSelfContained_NoScriptNoNetwork()
    {
        IDocument d = demo.Document;
        Assert.Empty(d.QuerySelectorAll("script, link, img, iframe, object, embed, base"));
        foreach (IElement e in d.QuerySelectorAll("[href], [src], [xlink\\:href]"))
            foreach (IAttr a in e.Attributes.Where(a => a.LocalName is "href" or "src"))
                Assert.StartsWith("#", a.Value);
        string css = d.QuerySelector("style")!.TextContent;
        Assert.DoesNotContain("@import", css);
        Assert.DoesNotContain("url(", css);
        Assert.DoesNotContain(d.All.SelectMany(e => e.Attributes), a => a.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Figures_AreInlineSvg_WithUniqueIdsAndResolvedReferences()
    {
        IElement[] figures = demo.Document.QuerySelectorAll("figure.plot").ToArray();
        // Per endpoint: mean change, spaghetti, LS means, waterfall, CDF; then the effect-size forest, the responder forest, the scatter.
        Assert.Equal(2 * 5 + 3, figures.Length);
        Assert.Equal(TrialReportHtml.FigureCount(demo.Report), figures.Length);
        foreach (IElement figure in figures)
        {
            IElement svg = figure.QuerySelector("svg")!;
            Assert.Matches(@"^0 0 \d+ \d+$", svg.GetAttribute("viewBox"));
            Assert.NotEmpty(figure.QuerySelector("figcaption")!.TextContent);
            Assert.True(svg.QuerySelectorAll("text").Length > 3, $"{figure.Id} has no labels");
        }
        string[] ids = demo.Document.QuerySelectorAll("[id]").Select(e => e.Id!).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        foreach (Match reference in Regex.Matches(demo.Html, @"url\(#([^)]+)\)"))
            Assert.Contains(reference.Groups[1].Value, ids);
    }

    [Fact]
    public void MmrmDifferences_EqualTheLibrarysFit()
    {
        Cohort cohort = DemoTrial.Load();
        foreach (string parameter in new[] { "MADRS", "PAINNRS" })
        {
            MmrmFit fit = Mmrm.Fit(cohort, parameter);
            var rows = DemoReport.Rows(demo.Document, "mmrm-differences-" + parameter);
            Assert.Equal(fit.Differences.Count, rows.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                LsMeanEstimate d = fit.Differences[i];
                Assert.Equal(d.Comparison.Visit!.Value.DisplayName, rows[i]["Visit"]);
                Assert.Equal(d.Estimate.ToString("0.000", Inv), rows[i]["Difference"]);
                Assert.Equal($"[{d.Ci.Lower.ToString("0.000", Inv)}, {d.Ci.Upper.ToString("0.000", Inv)}]", rows[i]["95% CI"]);
            }
            var lsMeans = DemoReport.Rows(demo.Document, "mmrm-lsmeans-" + parameter);
            Assert.Equal(fit.LsMeans.Count, lsMeans.Count);
            Assert.Equal(fit.LsMeans[^1].Estimate.ToString("0.000", Inv), lsMeans[^1]["LS mean"]);
        }
    }

    [Fact]
    public void SensitivityAnalyses_EqualAncovaWithLocfAndBocf()
    {
        Cohort cohort = DemoTrial.Load();
        var rows = DemoReport.Rows(demo.Document, "sensitivity-MADRS");
        Assert.Equal(5, rows.Count);   // MMRM, then ANCOVA with OC, LOCF, BOCF, then ANCOVA after J2R multiple imputation
        Assert.Equal(Mmrm.Fit(cohort, "MADRS").Differences.Single(d => d.Comparison.Visit!.Value.Time == 12).Estimate.ToString("0.000", Inv), rows[0]["Difference"]);
        MissingDataMethod[] methods = [MissingDataMethod.ObservedCases, MissingDataMethod.Locf, MissingDataMethod.Bocf];
        for (int i = 0; i < methods.Length; i++)
        {
            AncovaFit fit = Ancova.Fit(cohort, "MADRS", 12, new AncovaOptions { MissingData = methods[i] });
            Assert.Equal("ANCOVA, " + methods[i].Describe(), rows[i + 1]["Analysis"]);
            Assert.Equal(fit.Differences[0].Estimate.ToString("0.000", Inv), rows[i + 1]["Difference"]);
        }
        Assert.NotEqual(rows[1]["Difference"], rows[2]["Difference"]);   // LOCF changes the data
        ImputationResult j2r = MultipleImputation.Analyze(cohort, "MADRS", new ImputationOptions { Strategy = ImputationStrategy.JumpToReference, Seed = 20240601 });
        PooledEstimate expected = j2r.Differences.Single(d => d.Comparison.Visit!.Value.Time == 12);
        Assert.StartsWith("ANCOVA after multiple imputation, jump to reference (M = 100, seed 20240601)", rows[4]["Analysis"]);
        Assert.Equal(expected.Estimate.ToString("0.000", Inv), rows[4]["Difference"]);
        Assert.Equal($"[{expected.Ci.Lower.ToString("0.000", Inv)}, {expected.Ci.Upper.ToString("0.000", Inv)}]", rows[4]["95% CI"]);
    }

    [Fact]
    public void EffectSizes_EqualTheLibrarysDGAndDppc2()
    {
        Cohort cohort = DemoTrial.Load();
        var rows = DemoReport.Rows(demo.Document, "effect-sizes-MADRS");
        var expected = new[] { EffectSizeMeasure.CohensD, EffectSizeMeasure.HedgesG, EffectSizeMeasure.Dppc2 }
            .SelectMany(m => EffectSizeAnalysis.ByVisit(cohort, new EffectSizeAnalysisOptions { Measure = m }, ["MADRS"])).ToList();
        Assert.Equal(expected.Count + 1, rows.Count);   // + Hedges' g with the bootstrap interval
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Name, rows[i]["Measure"]);
            Assert.Equal(expected[i].Estimate.ToString("0.000", Inv), rows[i]["Estimate"]);
        }
        Assert.Contains(rows, r => r["Measure"] == "Hedges' g" && r["Visit"] == "Week 12");
        Assert.Contains(expected, e => e.Name.Contains("ppc2", StringComparison.Ordinal));
    }

    [Fact]
    public void ResponderRates_EqualTheLibrarysAnalysis()
    {
        Trajectories t = Trajectories.Of(DemoTrial.Load(), "MADRS");
        ResponderTable response = ResponderAnalysis.Analyze(t, ResponderRule.Response(Instrument.Madrs), 12);
        ResponderTable remission = ResponderAnalysis.Analyze(t, ResponderRule.Remission(Instrument.Madrs), 12);
        foreach (var (table, id) in new[] { (response, "response-MADRS"), (remission, "remission-MADRS") })
        {
            var rows = DemoReport.Rows(demo.Document, id);
            Assert.Equal(table.Arms.Count, rows.Count);
            for (int a = 0; a < rows.Count; a++)
            {
                Assert.Equal($"{table.Arms[a].Count.Responders}/{table.Arms[a].Count.Denominator}", rows[a]["Responders"]);
                Assert.Equal((100 * table.Arms[a].Proportion.Estimate).ToString("0.0", Inv) + "%", rows[a]["%"]);
            }
            var comparisons = DemoReport.Rows(demo.Document, id.Replace("-MADRS", "-comparisons-MADRS", StringComparison.Ordinal));
            ResponderComparison c = table.Comparisons.Single();
            Assert.Equal(c.RiskDifference.Estimate.ToString("0.000", Inv), comparisons.Single(r => r["Measure"] == c.RiskDifference.Name)["Estimate"]);
            Assert.Equal(c.Nnt.Estimate.ToString("0.000", Inv), comparisons.Single(r => r["Measure"] == c.Nnt.Name)["Estimate"]);
        }
    }

    [Fact]
    public void FlowAndBaseline_AgreeWithTheDataAndTheModel()
    {
        Cohort cohort = DemoTrial.Load();
        IElement flow = demo.Document.QuerySelector("#flow-MADRS")!;
        string analysed = flow.QuerySelectorAll("ol > li").Last().QuerySelectorAll("ul li").Last().TextContent;
        Assert.StartsWith($"Total: {Mmrm.Fit(cohort, "MADRS").SubjectsUsed} ", analysed);
        Assert.StartsWith("Total: 120 ", flow.QuerySelectorAll("ol > li").First().QuerySelectorAll("ul li").Last().TextContent);

        Trajectories t = Trajectories.Of(cohort, "MADRS");
        double mean = Enumerable.Range(0, t.SubjectCount).Select(t.Baseline).Where(double.IsFinite).Average();
        var baseline = DemoReport.Rows(demo.Document, "baseline");
        Assert.Contains($"; {mean.ToString("0.0", Inv)} (", baseline.Single(r => r["Characteristic"] == "MADRS at baseline")["Total"]);
        Assert.Contains(baseline, r => r["Characteristic"] == "SEX" && r["Statistic"] == "F");
    }

    [Fact]
    public void MoodAndPain_JointResponseAndCorrelation()
    {
        MoodPainReport both = demo.Report.MoodAndPain!;
        var rows = DemoReport.Rows(demo.Document, "joint-response");
        Assert.Equal(both.Joint.Arms.Select(a => $"{a.Count.Responders}/{a.Count.Denominator}"), rows.Select(r => r["Responders"]));
        ChangeCorrelationTable r = ChangeCorrelationTable.Of(DemoTrial.Load(), "MADRS", "PAINNRS", 12);
        Assert.Equal(r.Rows.Count, DemoReport.Rows(demo.Document, "correlation").Count);
        Assert.NotNull(demo.Document.QuerySelector("#scatter svg"));
    }

    [Fact]
    public void Methods_NameEveryEstimatorWithAReference_AndTheCommandLineAndSeed()
    {
        var rows = DemoReport.Rows(demo.Document, "methods");
        foreach (string name in new[] { "MMRM", "LS mean difference", "ANCOVA", "Cohen's d", "Hedges' g", "Risk difference", "Risk ratio", "Odds ratio" })
            Assert.Contains(rows, r => r["Estimator"].StartsWith(name, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.NotEqual("", r["Reference"]));
        string methods = demo.Document.QuerySelector("#s8")!.TextContent;
        Assert.Contains("cohort report", methods);
        Assert.Contains("20240601", methods);
        Assert.Contains(demo.Report.Source.Sha256, methods);
    }

    [Fact]
    public void SameReport_SameBytes_InAnyCulture()
    {
        string again = TrialReportHtml.ToHtml(demo.Report);
        Assert.Equal(demo.Html, again);
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var rebuilt = TrialReport.Build(DemoTrial.Load(), ReportSource.DemoTrialCsv(), demo.Report.Options);
            Assert.Equal(demo.Html, TrialReportHtml.ToHtml(rebuilt));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void TextFromTheData_IsEscaped()
    {
        string csv = DemoTrial.Generate().Replace("Psilocybin 25 mg", "<script>alert(1)</script> & co", StringComparison.Ordinal);
        Cohort cohort = CohortCsvReader.Parse(csv, "odd <name>.csv");
        string html = TrialReportHtml.ToHtml(TrialReport.Build(cohort, new ReportSource("odd <name>.csv", 1, "00", "test")));
        var (document, errors) = DemoReport.Parse(html);
        Assert.Empty(errors);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
        Assert.Contains("<script>alert(1)</script> & co", document.QuerySelector("#baseline thead")!.TextContent);
        Assert.Equal("Trial report: odd <name>.csv", document.Title);
    }
}
