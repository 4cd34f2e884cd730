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
}
