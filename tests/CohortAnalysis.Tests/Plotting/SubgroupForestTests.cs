using System.Globalization;
using CohortAnalysis.Models;
using CohortAnalysis.Plotting;
using CohortAnalysis.Tests.Models;
using Xunit;

namespace CohortAnalysis.Tests.Plotting;

public class SubgroupForestTests
{
    [Fact]
    public void SubgroupForest_SimulatedTrial_RendersEstimatesSizesAndFavoursLabels()
    {
        SubgroupAnalysis analysis = Ancova.Subgroups(AncovaCases.Simulated, "MADRS", 6, "SEX",
            new() { Covariates = ["SITEID"], ContinuousCovariates = ["AGE"], Reference = "Placebo" });
        var plot = CohortPlots.SubgroupForest(analysis);
        RenderedFigure.AssertPng("subgroup-forest", CohortPlots.ToPng(plot, 1000, 600), 1000, 600);
        string p = analysis.Interaction.PValue.ToString("0.000", CultureInfo.InvariantCulture);
        RenderedFigure.AssertSvg("subgroup-forest", CohortPlots.ToSvg(plot, 1000, 600), 1000, 600,
            ["High dose vs Placebo", "Low dose vs Placebo", "All subjects", "SEX = F", "SEX = M", "← favours treatment", "favours Placebo →",
             "treatment × SEX interaction p = " + p, "Estimate [95% CI]"]);
    }

    // At notebook width (800 px) the default axis title (the comparison, then the interaction p-value) is longer than
    // the figure; it is set in lines of at most 84 characters of the 15 px axis font, the second below the first, so
    // nothing is cut at the edges (look at it with COHORT_PLOTS_DIR set).
    [Fact]
    public void SubgroupForest_NotebookWidth_SplitsTheAxisTitleToFit()
    {
        SubgroupAnalysis analysis = Ancova.Subgroups(CohortAnalysis.Data.DemoTrial.Load(), "MADRS", 12, "SEX");
        var plot = CohortPlots.SubgroupForest(analysis);
        RenderedFigure.AssertPng("subgroup-forest-800", CohortPlots.ToPng(plot, 800, 500), 800, 500);
        string interaction = "treatment × SEX interaction p = " + analysis.Interaction.PValue.ToString("0.000", CultureInfo.InvariantCulture);
        string first = plot.Axes.Bottom.Label.Text;
        Assert.InRange(first.Length, 1, 84);
        Assert.DoesNotContain("interaction", first);
        IReadOnlyList<string> texts = RenderedFigure.Texts(CohortPlots.ToSvg(plot, 800, 500));
        Assert.Contains(first, texts);
        Assert.Contains(interaction, texts);
    }
}
