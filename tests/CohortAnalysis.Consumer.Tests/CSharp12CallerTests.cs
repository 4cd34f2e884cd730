using CohortAnalysis;
using CohortAnalysis.Change;
using CohortAnalysis.Descriptive;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Inference;
using CohortAnalysis.Rendering;
using CohortAnalysis.Responders;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Consumer.Tests;

/// <summary>Calls the public API the way the README, the quick start and the notebooks do, compiled as a .NET 8 package
/// consumer with C# 12. That this file compiles is the main assertion: with only span and sequence overloads an array
/// argument was ambiguous (CS0121) for such callers.</summary>
public class CSharp12CallerTests
{
    private static readonly double[] Treated = [-14, -9, -12, -20, -7, -11, -16, -10];
    private static readonly double[] Control = [-6, -3, -8, -1, -5, -9, -2, -4];

    [Fact]
    public void ArraysGoToEveryArrayTakingEstimator()
    {
        IEstimate[] results =
        [
            TTest.OneSample(Treated),
            TTest.Paired(Treated, Control),
            TTest.TwoSample(Treated, Control),
            Correlation.Pearson(Treated, Control),
            Correlation.Spearman(Treated, Control),
            RankTest.MannWhitney(Treated, Control),
            RankTest.WilcoxonSignedRank(Treated),
            RankTest.WilcoxonSignedRank(Treated, Control),
            EffectSize.CohensD(Treated, Control),
            EffectSize.CohensD(Treated),
            EffectSize.HedgesG(Treated, Control),
            EffectSize.GlassDelta(Treated, Control),
            EffectSize.RankBiserial(Treated, Control),
            EffectSize.CliffsDelta(Treated, Control),
            EffectSize.RepeatedMeasuresD(Treated, Control),
            EffectSize.StandardizedMeanChange(Treated, Control),
        ];
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.Name)));
        Assert.Equal(-12.375, TTest.OneSample(Treated).Estimate, 12);
        Assert.Equal(8, Summary.Of(Treated).Sizes.Used);
    }

    [Fact]
    public void ListsCollectionExpressionsAndOptionsResolveToo()
    {
        List<double> treated = [.. Treated];
        Assert.Equal(TTest.OneSample(Treated).Estimate, TTest.OneSample(treated).Estimate);
        Assert.Equal(Summary.Of(Treated).Mean, Summary.Of([-14.0, -9, -12, -20, -7, -11, -16, -10]).Mean);
        Assert.Equal(Correlation.Pearson(Treated, Control).Estimate, Correlation.Pearson(treated, Control.ToList()).Estimate);
        Assert.Equal(0.9, TTest.TwoSample(Treated, Control, new TTestOptions { CiLevel = 0.9 }).Ci.Level);
        Assert.Equal(-12.375, Summary.Of(Treated.AsSpan()).Mean, 12);
        Assert.Equal(-11.5, Quantiles.Median(Treated), 12);
    }

    [Fact]
    public void QuickStartRunsAndRendersThroughTheContract()
    {
        Cohort cohort = DemoTrial.Load();
        Assert.Contains("MADRS", ChangeFromBaseline.Summarize(cohort).ToString());
        Trajectories madrs = Trajectories.Of(cohort, "MADRS", MissingDataMethod.Locf);
        EffectSizeEstimate g = EffectSizeAnalysis.AtVisit(madrs, 6, new() { Measure = EffectSizeMeasure.HedgesG });
        Assert.Equal(DemoTrial.Placebo, g.Comparison.ReferenceArm);
        ResponderTable responders = ResponderAnalysis.Analyze(madrs, ResponderRule.Response(madrs.Instrument!), 12);
        Assert.Contains("Week 12", responders.ToString());
        string csv = EstimateCsv.ToCsv([g]);
        Assert.StartsWith("parameter,", csv);
    }
}
