using CohortAnalysis.Data;
using CohortAnalysis.Missing;
using CohortAnalysis.Plotting;
using Xunit;

namespace CohortAnalysis.Tests.Plotting;

/// <summary><see cref="CohortPlots.TippingPoint"/> on the demo trial. Set COHORT_PLOTS_DIR to keep the files.</summary>
public class TippingPointPlotTests
{
    [Fact]
    public void TippingPoint_RendersLineBandTippingMarkerAndCaption()
    {
        TippingPointResult tip = MultipleImputation.TippingPoint(DemoTrial.Load(), "MADRS", 12, Enumerable.Range(0, 21).Select(k => k * 2.0).ToArray(),
            new ImputationOptions { Method = ImputationMethod.ConditionalMean, Strategy = ImputationStrategy.JumpToReference });
        var plot = CohortPlots.TippingPoint(tip);
        RenderedFigure.AssertPng("tipping-point", CohortPlots.ToPng(plot, 800, 500), 800, 500);
        RenderedFigure.AssertSvg("tipping-point", CohortPlots.ToSvg(plot, 800, 500), 800, 500,
            ["Tipping point: MADRS, Week 12", "Psilocybin 25 mg − Placebo", "95% CI", "Difference in MADRS change at Week 12 (points)",
             "Difference ± 95% CI (normal, jackknife SE).", "conditional mean imputation", "Significance at"]);
        Assert.NotNull(tip.TippingDelta);
    }
}
