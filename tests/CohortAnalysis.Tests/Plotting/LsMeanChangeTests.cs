using CohortAnalysis.Data;
using CohortAnalysis.Models;
using CohortAnalysis.Plotting;
using Xunit;

namespace CohortAnalysis.Tests.Plotting;

/// <summary><see cref="CohortPlots.LsMeanChange"/> on MMRMs of the demo trial. Set COHORT_PLOTS_DIR to keep the files.</summary>
public class LsMeanChangeTests
{
    private static readonly Lazy<Cohort> Demo = new(() => DemoTrial.Load());

    [Fact]
    public void LsMeanChange_Mmrm_RendersArmsWeeksCountsAndACaptionNamingTheModel()
    {
        MmrmFit fit = Mmrm.Fit(Demo.Value, "MADRS");
        var plot = CohortPlots.LsMeanChange(fit);
        RenderedFigure.AssertPng("ls-mean-change", CohortPlots.ToPng(plot, 800, 500), 800, 500);
        string svg = CohortPlots.ToSvg(plot, 800, 500);
        RenderedFigure.AssertSvg("ls-mean-change", svg, 800, 500,
            [DemoTrial.Placebo, DemoTrial.Psilocybin, "MADRS change from baseline (points)", "Week", "n observed: Placebo",
             "LS mean ± 95% CI (t, Satterthwaite df). MMRM (REML, unstructured covariance):"]);
        IReadOnlyList<string> texts = RenderedFigure.Texts(svg);
        Assert.Contains("12", texts);   // numeric week ticks
        Assert.Contains("53", texts);   // placebo subjects observed at week 12
    }

    [Fact]
    public void LsMeanChange_FallbackAndLevel_AreInTheCaption()
    {
        MmrmFit fit = Mmrm.Fit(Demo.Value, "PAINNRS", new() { Covariance = CovarianceStructure.CompoundSymmetry, CiLevel = 0.9, Method = EstimationMethod.Ml,
            DegreesOfFreedom = DegreesOfFreedomMethod.BetweenWithin });
        string svg = CohortPlots.ToSvg(CohortPlots.LsMeanChange(fit), 800, 500);
        string caption = string.Join(" ", RenderedFigure.Texts(svg));
        Assert.Contains("LS mean ± 90% CI (t, between-within df). MMRM (ML, compound-symmetric covariance)", caption);
        Assert.Contains("PAINNRS change from baseline", caption);
    }
}
