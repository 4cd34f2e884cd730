using CohortAnalysis.Change;
using CohortAnalysis.Data;
using CohortAnalysis.Plotting;
using ScottPlot;
using Xunit;

namespace CohortAnalysis.Tests.Plotting;

/// <summary>Conventions every figure keeps: the reference arm's colour, visit names, legends outside the data, captions,
/// and deterministic spreading of tied points.</summary>
public class FigureConventionsTests
{
    private static readonly Color Grey = Color.FromHex(CohortPlotStyle.Default.ReferenceArmColor);

    [Fact]
    public void Palette_PlaceboIsGreyWhateverTheOtherArmsAndTheirOrder()
    {
        var twoArms = new ArmPalette(CohortPlotStyle.Default, ["Psilocybin 25 mg", "Placebo"]);
        var threeArms = new ArmPalette(CohortPlotStyle.Default, ["Drug A", "Drug B", "Placebo"]);
        var alphabetical = new ArmPalette(CohortPlotStyle.Default, ["Placebo", "Zuranolone"]);
        Assert.Equal(Grey, twoArms.ColorOf("Placebo"));
        Assert.Equal(Grey, threeArms.ColorOf("Placebo"));
        Assert.Equal(Grey, alphabetical.ColorOf("Placebo"));
        Assert.Equal(Color.FromHex("#0072B2"), twoArms.ColorOf("Psilocybin 25 mg"));
        Assert.Equal(Color.FromHex("#0072B2"), threeArms.ColorOf("Drug A"));
        Assert.Equal(Color.FromHex("#D55E00"), threeArms.ColorOf("Drug B"));
        Assert.Equal(Color.FromHex("#0072B2"), alphabetical.ColorOf("Zuranolone"));
        Assert.Equal(["Placebo", "Drug A", "Drug B"], threeArms.Arms);
    }

    [Fact]
    public void Palette_NamedReferenceArm_IsGrey_AndOneArmFigureUsesThePalette()
    {
        var named = new ArmPalette(CohortPlotStyle.Default with { ReferenceArm = "Vehicle" }, ["Active", "Vehicle"]);
        Assert.Equal(Grey, named.ColorOf("Vehicle"));
        Assert.Equal(Color.FromHex("#0072B2"), named.ColorOf("Active"));
        var single = new ArmPalette(CohortPlotStyle.Default, ["Placebo"]);
        Assert.Null(single.Reference);
        Assert.Equal(Color.FromHex("#0072B2"), single.ColorOf("Placebo"));
    }

    [Fact]
    public void VisitName_UnlabelledVisit_IsNamedFromTheStyleUnit()
    {
        Assert.Equal("Week 6", InstrumentLabels.VisitName(new Visit(6, null), CohortPlotStyle.Default));
        Assert.Equal("Day 14", InstrumentLabels.VisitName(new Visit(14, null), CohortPlotStyle.Default with { VisitUnit = "Day" }));
        Assert.Equal("Follow-up", InstrumentLabels.VisitName(new Visit(20, "Follow-up"), CohortPlotStyle.Default));
        Assert.Equal("Week", InstrumentLabels.TimeAxis([new Visit(0, null), new Visit(3, null), new Visit(6, null)], CohortPlotStyle.Default));
        Assert.Equal("Visit", InstrumentLabels.TimeAxis([new Visit(0, null), new Visit(3, "Week 3"), new Visit(6, "End of treatment")], CohortPlotStyle.Default));
    }

    // Visits without AVISIT labels: the figures say "Week 6", never a bare "6" or "visit 6".
    private const string Unlabelled = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\n" +
        "S1,Active,MADRS,0,30\nS1,Active,MADRS,6,14\nS2,Active,MADRS,0,28\nS2,Active,MADRS,6,12\nS3,Active,MADRS,0,31\nS3,Active,MADRS,6,20\n" +
        "S4,Placebo,MADRS,0,30\nS4,Placebo,MADRS,6,24\nS5,Placebo,MADRS,0,26\nS5,Placebo,MADRS,6,25\nS6,Placebo,MADRS,0,29\nS6,Placebo,MADRS,6,22\n";

    [Fact]
    public void Figures_UnlabelledVisits_SayWeekN()
    {
        Cohort cohort = CohortCsvReader.Parse(Unlabelled);
        Trajectories madrs = Trajectories.Of(cohort, "MADRS");
        Assert.Contains("MADRS change from baseline at Week 6 (points)", Texts(CohortPlots.Ecdf(madrs, 6)));
        Assert.Contains("MADRS percent change from baseline at Week 6 (%)", Texts(CohortPlots.Waterfall(madrs, 6)));
        Assert.Contains("Week", Texts(CohortPlots.MeanChange(ChangeFromBaseline.Summarize(cohort), "MADRS")));   // numeric week axis
        Assert.Contains("Week", Texts(CohortPlots.Spaghetti(madrs)));
        Assert.DoesNotContain("Visit", Texts(CohortPlots.Spaghetti(madrs)));
    }

    private static IReadOnlyList<string> Texts(Plot plot) => RenderedFigure.Texts(CohortPlots.ToSvg(plot));

    [Fact]
    public void Legends_SitOutsideTheDataArea()
    {
        Plot[] plots =
        [
            CohortPlots.MeanChange(PlotFixtures.MeanChangePoints()), CohortPlots.Spaghetti(PlotFixtures.Trajectories()),
            CohortPlots.Waterfall(PlotFixtures.PercentChanges()), CohortPlots.Ecdf(PlotFixtures.WeekSixChanges()),
            CohortPlots.ChangeScatter(PlotFixtures.MoodVsPain()),
        ];
        foreach (Plot plot in plots)
        {
            Assert.False(plot.Legend.IsVisible);   // the in-plot legend is off ...
            Assert.Contains(plot.Axes.GetPanels(), panel => panel is ScottPlot.Panels.LegendPanel);   // ... and drawn in a panel
        }
    }

    [Fact]
    public void MeanChange_ImputedCountsUnderObservedCases_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => CohortPlots.MeanChange([new ArmVisitPoint("Placebo", 6, null, -7, -9, -5, 17, Imputed: 2)]));
        Assert.StartsWith("Arm 'Placebo' has 2 imputed values at visit 6 but missingData is observed cases", error.Message);
    }

    [Fact]
    public void MeanChange_CaptionStatesLevelAndMethod()
    {
        string svg = CohortPlots.ToSvg(CohortPlots.MeanChange(PlotFixtures.MeanChangePoints(), ciLevel: 0.9, ciMethod: CiMethod.BootstrapBca,
            missingData: MissingDataMethod.Bocf));
        Assert.Contains("Mean ± 90% CI (bootstrap BCa). Missing data: BOCF (baseline carried forward).", svg);
        Assert.Contains("n (imputed) under BOCF: Placebo", svg);
    }

    [Fact]
    public void TieSpread_MovesOnlyTiedPoints_WithinHalfAGap_Deterministically()
    {
        PairedPoint[] points = [new("A", -3, -1), new("A", -3, -1), new("B", -3, -1), new("A", -5, 2), new("B", -4, 0)];
        var drawn = TieSpread.Spread(points);
        Assert.Equal(drawn, TieSpread.Spread(points));
        Assert.Equal([true, true, true, false, false], drawn.Select(d => d.Moved));
        Assert.Equal((-5.0, 2.0), (drawn[3].X, drawn[3].Y));
        Assert.Equal(3, drawn.Take(3).Select(d => (d.X, d.Y)).Distinct().Count());
        // Gaps: x 1 (−5, −4, −3), y 1 (−1, 0, 2); every spread point stays within 0.4 of its true value.
        Assert.All(drawn.Take(3), d => Assert.True(Math.Abs(d.X + 3) <= 0.4 && Math.Abs(d.Y + 1) <= 0.4));
    }
}
