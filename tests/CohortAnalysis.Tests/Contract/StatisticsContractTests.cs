using CohortAnalysis.Change;
using CohortAnalysis.Descriptive;
using CohortAnalysis.Inference;
using CohortAnalysis.Pooling;
using CohortAnalysis.Resampling;
using CohortAnalysis.Responders;
using Microsoft.Data.Analysis;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Tests.Contract;

/// <summary>The result contract (issue 10) as kept by the inference, change, responder, pooling, descriptive and
/// bootstrap results: every estimate implements <see cref="IEstimate"/> with a typed comparison, tables give tidy frames
/// and CI headers from the level asked for, one CI-method vocabulary that throws when a method does not apply, and NaN
/// counted as missing everywhere.</summary>
public class StatisticsContractTests
{
    private static readonly Cohort Demo = DemoTrial.Load();

    [Theory]
    [InlineData(typeof(TTestEstimate))]
    [InlineData(typeof(RankTestResult))]
    [InlineData(typeof(CorrelationEstimate))]
    [InlineData(typeof(Summary))]
    [InlineData(typeof(ProportionEstimate))]
    [InlineData(typeof(RiskEstimate))]
    [InlineData(typeof(NntEstimate))]
    [InlineData(typeof(AssociationTestResult))]
    [InlineData(typeof(ChangeSummaryRow))]
    [InlineData(typeof(WithinArmChange))]
    [InlineData(typeof(BetweenArmChange))]
    [InlineData(typeof(ChangeCorrelationRow))]
    [InlineData(typeof(PooledChangeRow))]
    [InlineData(typeof(ArmResponders))]
    [InlineData(typeof(ResponderComparison))]
    [InlineData(typeof(StratifiedResponderComparison))]
    [InlineData(typeof(BootstrapResult))]
    public void EstimateTypes_ImplementTheContract(Type type)
    {
        Assert.True(typeof(IEstimate).IsAssignableFrom(type), type.Name);
        Assert.Null(type.GetProperty("Value"));
    }

    // ---- CI headers follow the level asked for (CiLevel 0.9), never a hard-coded "95% CI" ----

    private static void AssertNinety(TableView view)
    {
        Assert.Contains(view.Columns, c => c.Header.StartsWith("90% CI", StringComparison.Ordinal));
        Assert.DoesNotContain(view.Columns, c => c.Header.Contains("95%", StringComparison.Ordinal));
    }

    [Fact]
    public void WithinArmChange_CiHeader_StatesTheLevel()
    {
        WithinArmChangeTable table = ChangeFromBaseline.TestWithinArms(Trajectories.Of(Demo, "MADRS"), 6, new TTestOptions { CiLevel = 0.9 });
        AssertNinety(table.ToTableView());
        Assert.All(table.Arms, a => Assert.Equal(0.9, ((IEstimate)a).Ci.Level));
    }

    [Fact]
    public void BetweenArmChange_CiHeader_StatesTheLevel()
    {
        BetweenArmChange change = ChangeFromBaseline.CompareArms(Trajectories.Of(Demo, "MADRS"), 6, DemoTrial.Psilocybin, DemoTrial.Placebo,
            new TTestOptions { CiLevel = 0.9 });
        AssertNinety(change.ToTableView());
    }

    [Fact]
    public void ChangeCorrelation_CiHeader_StatesTheLevel() =>
        AssertNinety(ChangeCorrelationTable.Of(Demo, "MADRS", "PAINNRS", 6, options: new CorrelationOptions { CiLevel = 0.9 }).ToTableView());

    [Fact]
    public void ResponderTable_CiHeader_StatesTheLevel()
    {
        var options = new ResponderAnalysisOptions
        {
            Proportion = new ProportionOptions { CiLevel = 0.9 },
            Comparison = new RiskComparisonOptions { CiLevel = 0.9 },
        };
        ResponderTable table = ResponderAnalysis.Analyze(Trajectories.Of(Demo, "MADRS"), ResponderRule.Response(CohortAnalysis.Instruments.Instrument.Madrs), 6, options);
        AssertNinety(table.ToTableView());
    }

    [Fact]
    public void PooledChangeTable_CiHeader_StatesTheLevel() =>
        AssertNinety(SiteSummary.Of(Demo, "all", new SiteSummaryOptions { Parameters = ["MADRS"] }).ChangeTable(0.9).ToTableView());

    // ---- tidy frames with typed keys ----

    [Fact]
    public void ResponderFrame_IsTidy_WithParameterVisitAndArms()
    {
        ResponderTable table = ResponderAnalysis.Analyze(Trajectories.Of(Demo, "MADRS"), ResponderRule.Response(CohortAnalysis.Instruments.Instrument.Madrs), 6);
        DataFrame frame = table.ToDataFrame();
        Assert.Equal(table.Estimates.Count, frame.Rows.Count);
        Assert.Equal(table.Arms.Count + 6 * table.Comparisons.Count, frame.Rows.Count);
        Assert.All(frame.Rows, r => Assert.Equal("MADRS", r["parameter"]));
        Assert.All(frame.Rows, r => Assert.Equal(6.0, r["visit"]));
        Assert.Contains(frame.Rows, r => (string?)r["arm"] == DemoTrial.Psilocybin && (string?)r["reference"] == DemoTrial.Placebo && (string)r["name"] == "Risk difference");
        Assert.All(table.Comparisons, c => Assert.Equal(ReferenceArmSource.GuessedPlacebo, c.Comparison.ReferenceSource));
    }

    [Fact]
    public void ChangeTests_HaveFrames_KeyedByComparison()
    {
        Trajectories madrs = Trajectories.Of(Demo, "MADRS", MissingDataMethod.Locf);
        WithinArmChangeTable within = ChangeFromBaseline.TestWithinArms(madrs, 6);
        DataFrame w = within.ToDataFrame();
        Assert.Equal(within.Estimates.Count, w.Rows.Count);
        Assert.All(w.Rows, r => Assert.Equal("locf", r["missingData"]));
        Assert.All(w.Rows, r => Assert.Equal("CHG", r["variable"]));

        BetweenArmChange between = ChangeFromBaseline.CompareArms(madrs, 6, DemoTrial.Psilocybin, DemoTrial.Placebo);
        DataFrame b = between.ToDataFrame();
        Assert.Equal(3, b.Rows.Count);
        Assert.All(b.Rows, r => Assert.Equal(DemoTrial.Placebo, r["reference"]));
        Assert.Equal(between.Welch!.Estimate, (double)b.Rows[0]["estimate"]);
        Assert.Equal(between.Welch.Estimate, ((IEstimate)between).Estimate);
    }

    [Fact]
    public void ChangeSummaryFrame_HasOneRowPerCell_AndTheDescriptiveColumns()
    {
        ChangeSummaryTable table = ChangeFromBaseline.Summarize(Demo, new ChangeSummaryOptions { Parameters = ["MADRS"] });
        DataFrame frame = table.ToDataFrame();
        Assert.Equal(table.Rows.Count, frame.Rows.Count);
        foreach (string column in new[] { "parameter", "visit", "variable", "arm", "estimate", "ciLower", "n", "missing", "sd", "median", "q1", "q3", "imputed" })
            Assert.Contains(frame.Columns, c => c.Name == column);
        ChangeSummaryRow first = table.Rows[0];
        Assert.Equal(first.Summary.Mean, (double)frame.Rows[0]["estimate"]);
        Assert.Equal(new Comparison { Parameter = "MADRS", Visit = first.Visit, Variable = first.Variable, Arm = first.Arm, MissingData = MissingDataMethod.ObservedCases },
            first.Comparison);
    }

    // ---- one CI-method vocabulary; a method that does not apply throws and names the allowed ones ----

    [Fact]
    public void Proportion_WithNoncentralT_Throws_NamingTheAllowedMethods()
    {
        var e = Assert.Throws<ArgumentException>(() => Proportions.Rate(3, 10, new ProportionOptions { Method = CiMethod.NoncentralT }));
        foreach (string name in new[] { "Wilson", "ClopperPearson", "AgrestiCoull", "Wald" }) Assert.Contains(name, e.Message);
    }

    [Fact]
    public void MethodsThatDoNotApply_Throw()
    {
        var t = new ResponderCounts(30, 50, 15, 50);
        Assert.Throws<ArgumentException>(() => RiskComparison.RiskDifference(t, new RiskComparisonOptions { RiskDifferenceCi = CiMethod.LogWald }));
        Assert.Throws<ArgumentException>(() => RiskComparison.RiskRatio(t, new RiskComparisonOptions { RiskRatioCi = CiMethod.Newcombe }));
        Assert.Throws<ArgumentException>(() => RiskComparison.OddsRatio(t, new RiskComparisonOptions { OddsRatioCi = CiMethod.Wilson }));
        Assert.Throws<ArgumentException>(() => StratifiedRisk.MantelHaenszelOddsRatio([t, t], new RiskComparisonOptions { OddsRatioCi = CiMethod.ExactConditional }));
        double[] x = [1, 2, 3, 4, 6], y = [2, 1, 4, 3, 7];
        Assert.Throws<ArgumentException>(() => Correlation.Pearson(x, y, new CorrelationOptions { CiMethod = CiMethod.FisherZBonettWright }));
        Assert.Throws<ArgumentException>(() => Correlation.Spearman(x, y, new CorrelationOptions { CiMethod = CiMethod.T }));
        Assert.Throws<ArgumentException>(() => Bootstrap.OneSample(x, s => s.ToArray().Average(), new BootstrapOptions { Interval = CiMethod.T }));
    }

    [Fact]
    public void TheSameVocabulary_ReachesTheResult()
    {
        var t = new ResponderCounts(30, 50, 15, 50);
        Assert.Equal(CiMethod.WaldContinuityCorrected, RiskComparison.RiskDifference(t, new RiskComparisonOptions { RiskDifferenceCi = CiMethod.WaldContinuityCorrected }).Ci.Method);
        Assert.Equal(CiMethod.ClopperPearson, Proportions.Rate(3, 10, new ProportionOptions { Method = CiMethod.ClopperPearson }).Ci.Method);
        double[] x = [1, 2, 3, 4, 6], y = [2, 1, 4, 3, 7];
        Assert.Equal(CiMethod.FisherZBonettWright, Correlation.Spearman(x, y, new CorrelationOptions { CiMethod = CiMethod.FisherZBonettWright }).Ci.Method);
    }

    [Fact]
    public void RiskEstimates_AreNamed_ForTheTables()
    {
        var t = new ResponderCounts(30, 50, 15, 50);
        Assert.Equal("Risk difference", RiskComparison.RiskDifference(t).Name);
        Assert.Equal("Odds ratio", RiskComparison.OddsRatio(t).Name);
        Assert.Equal("MH common odds ratio", StratifiedRisk.MantelHaenszelOddsRatio([t, t]).Name);
        Assert.Equal("MH common risk ratio", StratifiedRisk.MantelHaenszelRiskRatio([t]).Name);
    }

    // ---- NaN is missing, counted and said, in every estimator ----

    [Fact]
    public void NaN_IsCountedAsMissing_Everywhere()
    {
        double[] x = [1.5, 2, double.NaN, 4, 3.5, double.NaN], y = [2, 1, 4, double.NaN, 3, 5];

        TTestEstimate one = TTest.OneSample(x);
        Assert.Equal(EstimateSizes.Single(4, missing: 2), one.Sizes);
        Assert.Contains("2 missing (NaN) values left out", one.Note);
        Assert.Equal(TTest.OneSample([1.5, 2, 4, 3.5]).Estimate, one.Estimate);

        TTestEstimate two = TTest.TwoSample(x, y);
        Assert.Equal(EstimateSizes.Two(4, 5, missing: 3), two.Sizes);

        TTestEstimate paired = TTest.Paired(x, y);
        Assert.Equal(EstimateSizes.Single(3, missing: 3), paired.Sizes);
        Assert.Contains("3 missing (NaN) pairs left out", paired.Note);

        RankTestResult rank = RankTest.MannWhitney(x, y);
        Assert.Equal(3, rank.Sizes.Missing);
        Assert.Equal(2, RankTest.WilcoxonSignedRank(x).Sizes.Missing);

        Summary summary = Summary.Of(x);
        Assert.Equal(EstimateSizes.Single(4, missing: 2), summary.Sizes);
        Assert.Contains("2 missing", ((IEstimate)summary).Note);

        CorrelationEstimate r = Correlation.Pearson(x, y);
        Assert.Equal(EstimateSizes.Single(3, missing: 3), r.Sizes);
        Assert.Contains("3 missing (NaN) pairs left out", r.Note);
    }

    [Fact]
    public void SignedRank_ZeroDifferences_AreExcluded_NotMissing()
    {
        RankTestResult w = RankTest.WilcoxonSignedRank([0, 1, -2, 3, 0, 5]);
        Assert.Equal(EstimateSizes.Single(4, excluded: 2), w.Sizes);
        Assert.True(double.IsNaN(w.Estimate));
        Assert.Equal(CiMethod.None, w.Ci.Method);
    }

    // ---- SiteSummary: value-equal options, typed keys, truly immutable ----

    [Fact]
    public void Combine_AcceptsEqualOptions_GivenAsListArrayOrJson()
    {
        SiteSummary a = SiteSummary.Of(Demo, "a", new SiteSummaryOptions { Parameters = new List<string> { "MADRS", "PAINNRS" } });
        SiteSummary b = SiteSummary.Of(Demo, "b", new SiteSummaryOptions { Parameters = ["PAINNRS", "MADRS"] });
        SiteSummary merged = SiteSummary.Combine(a, SiteSummary.FromJson(b.ToJson()));
        Assert.Equal(["a", "b"], merged.Sites);
        var key = new SummaryKey("MADRS", DemoTrial.Placebo, 6, ChangeVariable.Change);
        Assert.Equal(2 * a.Summaries[key].N, merged.Summaries[key].N);
        Assert.Throws<ArgumentException>(() => SiteSummary.Combine(a, SiteSummary.Of(Demo, "c", new SiteSummaryOptions { Parameters = ["MADRS"] })));
    }

    [Fact]
    public void SiteSummary_CannotBeChanged_ThroughWhatItExposes()
    {
        SiteSummary site = SiteSummary.Of(Demo, "a", new SiteSummaryOptions { Parameters = ["MADRS", "PAINNRS"] });
        var key = new SummaryKey("MADRS", DemoTrial.Placebo, 6, ChangeVariable.Change);
        double mean = site.Summaries[key].Mean;
        long n = site.Summaries[key].N;
        site.Summaries[key].Add(1000);
        var pair = site.Correlations.Keys.First();
        site.Correlations[pair].Add(1000, -1000);
        Assert.Equal(mean, site.Summaries[key].Mean);
        Assert.Equal(n, site.Summaries[key].N);
        Assert.Equal(mean, site.ChangeTable().Rows.Single(r => r.Key == key).Mean);
        Assert.Equal(site.ToJson(), SiteSummary.Of(Demo, "a", new SiteSummaryOptions { Parameters = ["MADRS", "PAINNRS"] }).ToJson());
        Assert.Throws<NotSupportedException>(() => ((IDictionary<ResponderKey, ArmResponderTally>)site.Responders).Clear());
    }

    // ---- text ----

    [Fact]
    public void Sizes_SayNOnce()
    {
        Assert.Equal("40 vs 38", new GroupSizes(40, 38).ToString());
        Assert.Equal("n = 40 vs 38, 2 missing", EstimateSizes.Two(40, 38, missing: 2).ToString());
        string text = TTest.TwoSample([1.0, 2, 3], [2.0, 4, 5]).ToString();
        Assert.Contains("n = 3 vs 3", text);
        Assert.DoesNotContain("n = n", text);
    }

    [Fact]
    public void TableView_ToString_IsATextTable()
    {
        TableView view = TTest.OneSample([1.0, 2, 4]).ToTableView();
        string text = view.ToString();
        Assert.DoesNotContain("TableView {", text);
        Assert.StartsWith("One-sample t test", text);
        Assert.Contains("Estimate", text);
        Assert.Contains("95% CI", text);
    }

    [Fact]
    public void Nnt_TableShowsAltmansInterval_WithoutParsingText()
    {
        NntEstimate crossing = RiskComparison.NumberNeededToTreat(new ResponderCounts(12, 40, 9, 40));
        Assert.True(crossing.IncludesInfinity);
        TableView view = crossing.ToTableView();
        Assert.Equal(crossing.IntervalText, view.Rows[0][2]);
        Assert.StartsWith("NNTB ", crossing.IntervalText);
        Assert.Contains(crossing.IntervalText, crossing.ToString());
        Assert.Contains("to Inf to NNTH", crossing.Note);
    }
}
