using CohortAnalysis.Plotting;
using ScottPlot;
using Xunit;

namespace CohortAnalysis.Tests.Plotting;

/// <summary>The forest drawn straight from <see cref="IEstimate"/> rows: labels from the typed comparison, an n column,
/// favours labels from the instrument's direction, the axis scale from the interval method, and a caption that names the
/// interval and the missing-data method.</summary>
public class ForestFromEstimatesTests
{
    private static readonly Visit Week6 = new(6, "Week 6"), Week12 = new(12, "Week 12");

    private static TestEstimate[] ByVisit() =>
    [
        TestEstimate.HedgesG("MADRS", Week6, -1.2),
        TestEstimate.HedgesG("MADRS", Week12, -0.9, 37, 35),
        TestEstimate.HedgesG("PAINNRS", Week6, -0.4),
        TestEstimate.HedgesG("PAINNRS", Week12, -0.3),
    ];

    private static string Svg(Plot plot) => CohortPlots.ToSvg(plot, 820, 540);

    [Fact]
    public void Forest_Estimates_GroupsByParameterAndLabelsByVisit()
    {
        string svg = Svg(CohortPlots.Forest(ByVisit()));
        RenderedFigure.AssertSvg("forest-estimates", svg, 820, 540,
        [
            "MADRS", "PAINNRS", "Week 6", "Week 12", "Hedges' g, CHG, Psilocybin 25 mg vs Placebo", "Estimate [95% CI]", "n", "40 vs 38",
            "37 vs 35", "-1.20 [-1.65, -0.75]", "← favours Psilocybin 25 mg", "favours Placebo →",
            "Squares: estimates; lines: 95% CI (noncentral t).", "Missing data: observed cases.",
            "Reference arm Placebo chosen because its name contains",
        ]);
        RenderedFigure.AssertPng("forest-estimates", CohortPlots.ToPng(CohortPlots.Forest(ByVisit()), 820, 540), 820, 540);
    }

    [Fact]
    public void Forest_LabelWithColons_IsNotTakenApart()
    {
        TestEstimate row = TestEstimate.HedgesG("MADRS", Week6, -1) with { };
        TestEstimate[] rows = [row with { Comparison = row.Comparison with { Subgroup = "SEX: F" } }, row with { Comparison = row.Comparison with { Subgroup = "SEX: M" } }];
        string svg = Svg(CohortPlots.Forest(rows));
        IReadOnlyList<string> texts = RenderedFigure.Texts(svg);
        Assert.Contains("SEX: F", texts);
        Assert.Contains("SEX: M", texts);
        Assert.Contains("Hedges' g, MADRS CHG at Week 6, Psilocybin 25 mg vs Placebo", texts);
    }

    [Fact]
    public void Forest_UnlabelledVisit_IsNamedWeekN()
    {
        string svg = Svg(CohortPlots.Forest([TestEstimate.HedgesG("MADRS", new Visit(6, null), -1), TestEstimate.HedgesG("MADRS", new Visit(12, null), -1)]));
        Assert.Contains("Week 6", RenderedFigure.Texts(svg));
        Assert.Contains("Week 12", RenderedFigure.Texts(svg));
    }

    [Fact]
    public void Forest_HigherFavoursTreatment_PutsReferenceOnTheLeft()
    {
        string svg = Svg(CohortPlots.Forest(ByVisit(), new ForestOptions { Favours = ForestFavours.HigherFavoursTreatment }));
        Assert.Contains("← favours Placebo", svg);
        Assert.Contains("favours Psilocybin 25 mg →", svg);
    }

    [Fact]
    public void Forest_WithinArmEstimates_HaveNoFavoursLabels()
    {
        TestEstimate row = TestEstimate.HedgesG("MADRS", Week6, -1);
        string svg = Svg(CohortPlots.Forest([row with { Comparison = row.Comparison with { ReferenceArm = null } }]));
        Assert.DoesNotContain("favours", svg);
    }

    [Fact]
    public void Forest_LogScaleIntervals_DrawARatioAxis()
    {
        var ratio = new TestEstimate("Odds ratio", 2.5, new ConfidenceInterval(1.2, 5.2, 0.9, CiMethod.LogWald), EstimateSizes.Two(60, 60),
            new Comparison { Parameter = "MADRS", Arm = "Drug", ReferenceArm = "Control", ReferenceSource = ReferenceArmSource.Given });
        string svg = Svg(CohortPlots.Forest([ratio, ratio with { Comparison = ratio.Comparison with { Parameter = "PAINNRS" } }]));
        Assert.Contains("Odds ratio, Drug vs Control, log scale", svg);
        Assert.Contains("Estimate [90% CI]", svg);
        Assert.Contains("90% CI (log-scale Wald)", svg);
        Assert.Contains("60 vs 60", svg);
        Assert.DoesNotContain("favours", svg);   // a proportion may measure response or harm: not guessed
    }

    [Fact]
    public void Forest_NotEstimableRow_ShowsNAAndItsNote()
    {
        TestEstimate row = TestEstimate.HedgesG("MADRS", Week12, double.NaN) with { Note = "arm Placebo has n = 1 at Week 12" };
        string svg = Svg(CohortPlots.Forest([TestEstimate.HedgesG("MADRS", Week6, -1), row]));
        Assert.Contains("NA [", svg);
        Assert.Contains("NA: arm Placebo has n = 1 at Week 12", svg);
    }

    [Fact]
    public void Forest_Empty_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => CohortPlots.Forest(Array.Empty<IEstimate>()));
        Assert.StartsWith("estimates is empty: nothing to plot.", error.Message);
    }
}
