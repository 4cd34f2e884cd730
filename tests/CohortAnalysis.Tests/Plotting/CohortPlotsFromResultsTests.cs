using System.Buffers.Binary;
using System.Text;
using CohortAnalysis.Change;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Instruments;
using CohortAnalysis.Plotting;
using CohortAnalysis.Responders;
using ScottPlot;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Tests.Plotting;

/// <summary>The overloads that take library results, drawn from the bundled demo trial: each renders to PNG and SVG of
/// the requested size, and the SVG names both arms and the instrument's axis title. Set COHORT_PLOTS_DIR to keep the files.</summary>
public class CohortPlotsFromResultsTests
{
    private static readonly Lazy<Cohort> Demo = new(() => DemoTrial.Load());

    public static TheoryData<string> Figures => new()
    {
        "result-mean-change", "result-mean-change-locf", "result-spaghetti", "result-waterfall-madrs", "result-waterfall-pain", "result-forest-effect-sizes",
        "result-forest-responders", "result-forest-odds-ratio", "result-ecdf-change", "result-ecdf-percent", "result-change-scatter",
    };

    private static (Plot Plot, string[] Labels) Build(string figure)
    {
        Cohort cohort = Demo.Value;
        string[] arms = [DemoTrial.Placebo, DemoTrial.Psilocybin];
        Trajectories madrs = Trajectories.Of(cohort, "MADRS", MissingDataMethod.Locf);
        return figure switch
        {
            "result-mean-change" => (CohortPlots.MeanChange(ChangeFromBaseline.Summarize(cohort), "MADRS"),
                [.. arms, "MADRS change from baseline (points)", "Week", "n analysed: Placebo", "Mean ± 95% CI (t). Missing data: observed cases."]),
            "result-mean-change-locf" => (CohortPlots.MeanChange(ChangeFromBaseline.Summarize(cohort, new ChangeSummaryOptions { MissingData = MissingDataMethod.Locf }), "MADRS"),
                [.. arms, "n (imputed) under LOCF: Placebo", "Mean ± 95% CI (t). Missing data: LOCF (last post-baseline observation carried forward).",
                 "n counts observed", "imputed in brackets (23 in all)"]),
            "result-spaghetti" => (CohortPlots.Spaghetti(madrs), [.. arms, "MADRS score (points)", "Week", "23 imputed values are drawn like"]),
            "result-waterfall-madrs" => (CohortPlots.Waterfall(madrs, 12),
                [.. arms, "MADRS percent change from baseline at Week 12 (%)", "−50 % (response)"]),
            "result-waterfall-pain" => (CohortPlots.Waterfall(Trajectories.Of(cohort, "PAINNRS"), 12),
                [.. arms, "PAINNRS percent change from baseline at Week 12 (%)", "−30 % (moderately important)",
                 "−50 % (response; substantially important)"]),
            "result-forest-effect-sizes" => (CohortPlots.Forest(EffectSizes()), ["Week 6", "Week 12", "Hedges' g", "Estimate [95% CI]"]),
            "result-forest-responders" => (CohortPlots.Forest(Responders(madrs)),
                [DemoTrial.Psilocybin + " vs " + DemoTrial.Placebo, "50% improvement", "10",
                 "Difference in proportion responding, MADRS at Week 12", "← favours " + DemoTrial.Placebo, "favours " + DemoTrial.Psilocybin + " →",
                 "95% CI (Newcombe hybrid score)", "non-completers counted as"]),
            "result-forest-odds-ratio" => (CohortPlots.Forest(Responders(madrs), RiskMeasure.OddsRatio),
                [DemoTrial.Psilocybin + " vs " + DemoTrial.Placebo, "Odds ratio of responding, MADRS at Week 12, log scale", "n",
                 "← favours " + DemoTrial.Placebo, "favours " + DemoTrial.Psilocybin + " →"]),
            "result-ecdf-change" => (CohortPlots.Ecdf(Trajectories.Of(cohort, "PAINNRS"), 12),
                [.. arms, "PAINNRS change from baseline at Week 12 (points)", "−2 points (moderately important)", "Missing data: observed cases"]),
            "result-ecdf-percent" => (CohortPlots.Ecdf(madrs, 6, ChangeVariable.PercentChange),
                [.. arms, "MADRS percent change from baseline at Week 6 (%)", "−50 % (response)"]),
            "result-change-scatter" => (CohortPlots.ChangeScatter(cohort, "MADRS", "PAINNRS", 12),
                [DemoTrial.Placebo + ": r = ", DemoTrial.Psilocybin + ": r = ", "MADRS change from baseline at Week 12 (points)",
                 "PAINNRS change from baseline at Week 12 (points)", "spread slightly around the shared value", "lines and r (Pearson) use the exact values"]),
            _ => throw new ArgumentOutOfRangeException(nameof(figure)),
        };
    }

    /// <summary>Hedges' g of MADRS CHG (psilocybin vs placebo) at weeks 6 and 12, observed cases.</summary>
    private static EffectSizeTable EffectSizes()
    {
        Trajectories t = Trajectories.Of(Demo.Value, "MADRS");
        return new EffectSizeTable(new[] { 6.0, 12.0 }.Select(week =>
        {
            int v = t.IndexOfVisit(week);
            double[] Arm(int arm) => Enumerable.Range(0, t.SubjectCount).Where(r => t.ArmOf(r) == arm).Select(r => t.Change(r, v)).Where(double.IsFinite).ToArray();
            int active = Demo.Value.Arms.ToList().IndexOf(DemoTrial.Psilocybin), placebo = Demo.Value.Arms.ToList().IndexOf(DemoTrial.Placebo);
            return EffectSize.HedgesG(Arm(active), Arm(placebo)) with
            {
                Comparison = new Comparison { Parameter = "MADRS", Visit = t.Visits[v], Arm = DemoTrial.Psilocybin, ReferenceArm = DemoTrial.Placebo },
            };
        }));
    }

    private static ResponderTable[] Responders(Trajectories madrs) =>
    [
        ResponderAnalysis.Analyze(madrs, ResponderRule.Response(Instrument.Madrs), 12),
        ResponderAnalysis.Analyze(madrs, ResponderRule.Remission(Instrument.Madrs), 12),
    ];

    [Theory]
    [MemberData(nameof(Figures))]
    public void Figure_RendersPngOfRequestedSize(string figure)
    {
        RenderedFigure.AssertPng(figure, CohortPlots.ToPng(Build(figure).Plot, 820, 540), 820, 540);
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void Figure_SvgNamesArmsAndInstrumentAxis(string figure)
    {
        (Plot plot, string[] labels) = Build(figure);
        RenderedFigure.AssertSvg(figure, CohortPlots.ToSvg(plot, 820, 540), 820, 540, labels);
    }

    [Fact]
    public void MeanChange_UnknownParameter_ThrowsListingParameters()
    {
        var error = Assert.Throws<ArgumentException>(() => CohortPlots.MeanChange(ChangeFromBaseline.Summarize(Demo.Value), "HAMD17"));
        Assert.StartsWith("The table has no rows for parameter 'HAMD17'; it has: MADRS, PAINNRS.", error.Message);
    }

    [Fact]
    public void Waterfall_UnknownVisit_ThrowsListingVisits()
    {
        var error = Assert.Throws<ArgumentException>(() => CohortPlots.Waterfall(Trajectories.Of(Demo.Value, "MADRS"), 5));
        Assert.StartsWith("MADRS has no visit 5; its visits are 0 (Baseline), 1 (Week 1), 3 (Week 3), 6 (Week 6), 12 (Week 12).", error.Message);
    }
}
