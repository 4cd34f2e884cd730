using System.Buffers.Binary;
using System.Text;
using CohortAnalysis.Plotting;
using ScottPlot;
using Xunit;

namespace CohortAnalysis.Tests.Plotting;

/// <summary>Each figure renders headless to PNG and SVG of the requested size, shows its labels, and is
/// deterministic. Set COHORT_PLOTS_DIR to a folder to keep the rendered files for a look.</summary>
public class CohortPlotsTests
{
    public static TheoryData<string> Figures => new() { "mean-change", "spaghetti", "waterfall", "forest", "ecdf", "change-scatter" };

    /// <summary>Each figure with the labels its SVG must contain (series, axis titles).</summary>
    private static (Plot Plot, string[] Labels) Build(string figure) => figure switch
    {
        "mean-change" => (CohortPlots.MeanChange(PlotFixtures.MeanChangePoints(), "MADRS change from baseline (points)", "Week"),
            [PlotFixtures.Placebo, PlotFixtures.Active, "MADRS change from baseline (points)", "Week", "Week 6", "n analysed: Placebo", "Mean ± 95% CI (t). Missing data: observed cases."]),
        "spaghetti" => (CohortPlots.Spaghetti(PlotFixtures.Trajectories(), "MADRS total score (points)", "Week"),
            [PlotFixtures.Placebo, PlotFixtures.Active, "MADRS total score (points)", "Week"]),
        "waterfall" => (CohortPlots.Waterfall(PlotFixtures.PercentChanges(), PlotFixtures.WaterfallThresholds, "MADRS change from baseline at week 6 (%)"),
            [PlotFixtures.Placebo, PlotFixtures.Active, "−50 % (response)", "−30 % (minimal improvement)", "MADRS change from baseline at week 6 (%)"]),
        "forest" => (CohortPlots.Forest(PlotFixtures.ForestRows(), "Difference vs placebo (points)"),
            ["MADRS", "Pain NRS", "Week 6", "-9.20 [-13.10, -5.30]", "Difference vs placebo (points)", "Estimate [95% CI]"]),
        "ecdf" => (CohortPlots.Ecdf(PlotFixtures.WeekSixChanges(), "MADRS change from baseline at week 6 (points)", [new(-10, "Responder cut-off (−10)")]),
            [PlotFixtures.Placebo, PlotFixtures.Active, "Cumulative proportion of patients", "MADRS change from baseline at week 6 (points)", "Responder cut-off (−10)"]),
        "change-scatter" => (CohortPlots.ChangeScatter(PlotFixtures.MoodVsPain(), "MADRS change (points)", "Pain NRS change (points)"),
            [PlotFixtures.Placebo + ": r = ", PlotFixtures.Active + ": r = ", "MADRS change (points)", "Pain NRS change (points)"]),
        _ => throw new ArgumentOutOfRangeException(nameof(figure)),
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void Figure_RendersPngOfRequestedSize(string figure)
    {
        RenderedFigure.AssertPng(figure, CohortPlots.ToPng(Build(figure).Plot, 820, 540), 820, 540);
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void Figure_SvgHasSizeLabelsAndFont(string figure)
    {
        (Plot plot, string[] labels) = Build(figure);
        RenderedFigure.AssertSvg(figure, CohortPlots.ToSvg(plot, 820, 540), 820, 540, labels);
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void Figure_RenderedTwice_GivesIdenticalBytes(string figure)
    {
        Assert.Equal(CohortPlots.ToPng(Build(figure).Plot, 640, 400), CohortPlots.ToPng(Build(figure).Plot, 640, 400));
        Assert.Equal(CohortPlots.ToSvg(Build(figure).Plot, 640, 400), CohortPlots.ToSvg(Build(figure).Plot, 640, 400));
    }

    [Fact]
    public void SavePngAndSaveSvg_WriteFiles()
    {
        string folder = Directory.CreateTempSubdirectory("cohort-plots-").FullName;
        try
        {
            Plot plot = Build("forest").Plot;
            CohortPlots.SavePng(plot, Path.Combine(folder, "f.png"), 300, 200);
            CohortPlots.SaveSvg(plot, Path.Combine(folder, "f.svg"), 300, 200);
            Assert.Equal(CohortPlots.ToPng(plot, 300, 200), File.ReadAllBytes(Path.Combine(folder, "f.png")));
            Assert.Equal(CohortPlots.ToSvg(plot, 300, 200), File.ReadAllText(Path.Combine(folder, "f.svg")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ToPng_ZeroWidth_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CohortPlots.ToPng(Build("forest").Plot, 0, 100));
        Assert.StartsWith("width = 0 must be at least 1 pixel.", error.Message);
    }

    [Fact]
    public void MeanChange_EmptyInput_ThrowsNamingParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => CohortPlots.MeanChange([]));
        Assert.Equal("points", error.ParamName);
    }

    [Fact]
    public void Spaghetti_MismatchedArrays_ThrowsNamingSubject()
    {
        var error = Assert.Throws<ArgumentException>(() => CohortPlots.Spaghetti([new SubjectTrajectory("01-001", "Placebo", [0, 1], [30])]));
        Assert.StartsWith("Subject '01-001' has 2 visits but 1 values.", error.Message);
    }

    [Fact]
    public void ArmOrder_PinsColoursAcrossFigures()
    {
        var style = CohortPlotStyle.Default with { ArmOrder = ["Psilocybin 10 mg", PlotFixtures.Active] };
        var palette = new ArmPalette(style, [PlotFixtures.Active, PlotFixtures.Placebo, "Psilocybin 10 mg"]);
        Assert.Equal([PlotFixtures.Placebo, "Psilocybin 10 mg", PlotFixtures.Active], palette.Arms);
        Assert.Equal(ScottPlot.Color.FromHex("#0072B2"), palette.ColorOf("Psilocybin 10 mg"));
        Assert.Equal(ScottPlot.Color.FromHex("#D55E00"), palette.ColorOf(PlotFixtures.Active));
    }

    [Fact]
    public void DejaVuSans_IsInstalled()
    {
        // The house style names DejaVu Sans so figures are identical everywhere; CI installs fonts-dejavu-core.
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName("DejaVu Sans");
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
    }

}

public class CohortPlotsEdgeCaseTests
{
    [Fact]
    public void MeanChange_SingleVisitAndArmMissingAVisit_Renders()
    {
        ArmVisitPoint[] points =
        [
            new("Placebo", 6, "Week 6", -7, -9, -5, 17),
            new("Active", 2, "Week 2", -4, -6, -2, 20),
            new("Active", 6, "Week 6", -15, -17, -13, 16),
        ];
        string svg = CohortPlots.ToSvg(CohortPlots.MeanChange(points, "MADRS change (points)", "Week"), 600, 400);
        Assert.Contains("n analysed: Active", svg);
        Assert.Contains("–", svg);   // Placebo has no week-2 point: its n shows as a dash
        Assert.NotEmpty(CohortPlots.ToPng(CohortPlots.MeanChange([points[0]]), 300, 200));
    }

    [Fact]
    public void MeanChange_DuplicateVisitInArm_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => CohortPlots.MeanChange(
            [new("Placebo", 6, null, -7, -9, -5, 17), new("Placebo", 6, null, -6, -8, -4, 17)]));
        Assert.StartsWith("Arm 'Placebo' has more than one point at visit 6.", error.Message);
    }

    [Fact]
    public void Forest_RatioScaleWithoutGroups_Renders()
    {
        string svg = CohortPlots.ToSvg(CohortPlots.Forest([new("Responders week 6", null, 2.4, 1.3, 4.4)], "Odds ratio", noEffect: 1, numberFormat: "0.0"), 500, 200);
        Assert.Contains("2.4 [1.3, 4.4]", svg);
    }

    [Fact]
    public void Ecdf_ArmWithoutFiniteValues_ThrowsNamingArm()
    {
        var error = Assert.Throws<ArgumentException>(() => CohortPlots.Ecdf([new ArmValues("Placebo", [double.NaN])]));
        Assert.StartsWith("Arm 'Placebo' has no finite value.", error.Message);
    }

    [Fact]
    public void Waterfall_NonFiniteChange_ThrowsNamingSubject()
    {
        var error = Assert.Throws<ArgumentException>(() => CohortPlots.Waterfall([new PatientPercentChange("01-004", "Placebo", double.PositiveInfinity)]));
        Assert.StartsWith("Subject '01-004' has a non-finite percent change.", error.Message);
    }

    [Fact]
    public void ChangeScatter_ArmWithTwoPoints_ShowsRAsNA()
    {
        string svg = CohortPlots.ToSvg(CohortPlots.ChangeScatter([new("Placebo", -3, -1), new("Placebo", -5, -2)]), 500, 300);
        Assert.Contains("Placebo: r = NA (n = 2)", svg);
    }
}
