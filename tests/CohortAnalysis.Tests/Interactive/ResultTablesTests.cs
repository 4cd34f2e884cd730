using System.Globalization;
using CohortAnalysis.Change;
using CohortAnalysis.Descriptive;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Inference;
using CohortAnalysis.Interactive;
using CohortAnalysis.Resampling;
using CohortAnalysis.Responders;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Tests.Interactive;

/// <summary>Result types that notebooks show render as tables: invariant digits, "NA" for what cannot be estimated.</summary>
public class ResultTablesTests
{
    private static readonly double[] Active = [-18, -22, -9, -25, -14, -20, -11, -17];
    private static readonly double[] Placebo = [-6, -11, -3, -9, -12, -4, -8, -2];

    public static TheoryData<string> Results => new()
    {
        "effect-size", "effect-size-table", "summary", "t-test", "rank-test", "correlation", "proportion", "risk", "nnt",
        "association", "bootstrap", "responder-counts", "running-summary", "running-correlation", "responder-tally",
        "mmrm-fit", "covariance-structures", "imputation", "tipping-point",
    };

    private static ITabular Build(string name) => name switch
    {
        "effect-size" => EffectSize.HedgesG(Active, Placebo),
        "effect-size-table" => new EffectSizeTable([EffectSize.CohensD(Active, Placebo) with { Comparison = new Comparison { Visit = new Visit(6, "Week 6") } },
            EffectSizeEstimate.NotEstimable(EffectSizeIndex.CohensD, new GroupSizes(1, 8), "arm Psilocybin has n = 1",
                new ConfidenceInterval(double.NaN, double.NaN, 0.95, CiMethod.NoncentralT), new Comparison { Visit = new Visit(12, "Week 12") })]),
        "summary" => Summary.Of(Active),
        "t-test" => TTest.TwoSample(Active, Placebo),
        "rank-test" => RankTest.MannWhitney(Active, Placebo),
        "correlation" => Correlation.Pearson(Active, Placebo),
        "proportion" => Proportions.Rate(7, 20),
        "risk" => RiskComparison.RiskRatio(new ResponderCounts(12, 30, 5, 30)),
        "nnt" => RiskComparison.NumberNeededToTreat(new ResponderCounts(12, 30, 5, 30)),
        "association" => RiskComparison.FisherExact(new ResponderCounts(12, 30, 5, 30)),
        "bootstrap" => Bootstrap.TwoSample(Active, Placebo, (x, y) => x.ToArray().Average() - y.ToArray().Average(), new BootstrapOptions { Resamples = 200, Seed = 7 }),
        "responder-counts" => new ResponderCounts(12, 30, 5, 30),
        "running-summary" => new RunningSummary(Active),
        "running-correlation" => new RunningCorrelation(Active, Placebo),
        "responder-tally" => new CohortAnalysis.Pooling.ArmResponderTally(0, 0, 3),
        "mmrm-fit" => CohortAnalysis.Models.Mmrm.Fit(DemoTrial.Load(), "MADRS"),
        "covariance-structures" => CohortAnalysis.Models.Mmrm.CompareStructures(DemoTrial.Load(), "MADRS",
            [CohortAnalysis.Models.CovarianceStructure.CompoundSymmetry, CohortAnalysis.Models.CovarianceStructure.Autoregressive]),
        "imputation" => CohortAnalysis.Missing.MultipleImputation.Analyze(DemoTrial.Load(), "MADRS",
            new CohortAnalysis.Missing.ImputationOptions { Imputations = 5, BurnIn = 20, Thin = 2 }),
        "tipping-point" => CohortAnalysis.Missing.MultipleImputation.TippingPoint(DemoTrial.Load(), "MADRS", 12, [0, 20, 40],
            new CohortAnalysis.Missing.ImputationOptions { Imputations = 5, BurnIn = 20, Thin = 2 }),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Results))]
    public void ToTableView_SameUnderAnyCulture_AndRendersHtml(string name)
    {
        TableView invariant = WithCulture("en-US", () => Build(name).ToTableView());
        TableView german = WithCulture("de-DE", () => Build(name).ToTableView());
        Assert.Equal(Cells(invariant), Cells(german));
        Assert.NotEmpty(invariant.Rows);
        Assert.DoesNotContain(Cells(invariant), cell => cell.Contains("NaN", StringComparison.Ordinal) || cell.Contains("∞", StringComparison.Ordinal));
        Assert.StartsWith("<table", NotebookDisplay.TableHtml(Build(name)));
    }

    [Fact]
    public void EffectSizeTable_NotEstimableRow_ShowsNA()
    {
        TableView view = Build("effect-size-table").ToTableView();
        var headers = view.Columns.Select(c => c.Header).ToList();
        Assert.Equal("Week 12", view.Rows[1][headers.IndexOf("Visit")]);
        Assert.Equal("NA", view.Rows[1][headers.IndexOf("Estimate")]);
        Assert.Equal("[NA, NA]", view.Rows[1][headers.IndexOf("95% CI")]);
        Assert.Equal("1 vs 8", view.Rows[1][headers.IndexOf("n")]);
        Assert.Equal("arm Psilocybin has n = 1", view.Rows[1][headers.IndexOf("Note")]);
    }

    [Fact]
    public void TTest_RowUsesInvariantDigits()
    {
        TableView view = WithCulture("de-DE", () => TTest.TwoSample(Active, Placebo).ToTableView());
        Assert.Equal("-10.125", view.Rows[0][0]);
        Assert.Equal("8 vs 8", view.Rows[0][^1]);
    }

    // Source: Interactive/Expected/demo-madrs-change-summary.html, the demo trial's MADRS summary (observed cases),
    // reviewed by eye in a notebook. Exact text match.
    [Fact]
    public void TableHtml_ChangeSummaryTable_MatchesStoredHtml()
    {
        ChangeSummaryTable table = ChangeFromBaseline.Summarize(DemoTrial.Load(), new ChangeSummaryOptions { Parameters = ["MADRS"] });
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Interactive", "Expected", "demo-madrs-change-summary.html"));
        Assert.Equal(expected.TrimEnd('\n'), NotebookDisplay.TableHtml(table));
    }

    private static string[] Cells(TableView view) =>
        [view.Title, .. view.Columns.Select(c => c.Header), .. view.Rows.SelectMany(r => r), .. view.Notes];

    private static T WithCulture<T>(string culture, Func<T> action)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
