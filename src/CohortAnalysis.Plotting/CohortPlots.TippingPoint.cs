using System.Globalization;
using CohortAnalysis.Instruments;
using CohortAnalysis.Missing;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>The tipping-point figure of a delta-adjustment sensitivity analysis: the treatment difference and its
    /// confidence band against δ, with no effect and the tipping δ marked.</summary>
    /// <remarks>
    /// <para>One line through the pooled differences of <see cref="TippingPointResult.Rows"/> (arm − reference at the visit),
    /// dashed lines at the CI bounds, a dotted line at zero (no difference) and a dashed vertical line at
    /// <see cref="TippingPointResult.TippingDelta"/>, the first δ of the grid at which the difference is no longer significant.</para>
    /// <para>The caption names the interval (level and method), the imputation method and strategy, which arms δ shifts and
    /// that it is added to values imputed after discontinuation.</para>
    /// </remarks>
    /// <param name="result">From <see cref="MultipleImputation.TippingPoint"/>.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    public static Plot TippingPoint(TippingPointResult result, CohortPlotStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        style ??= CohortPlotStyle.Default;
        PooledEstimate[] rows = result.Rows.OrderBy(r => r.Delta).ToArray();
        double[] delta = rows.Select(r => r.Delta).ToArray();
        double[] estimate = rows.Select(r => r.Estimate).ToArray();
        Color ink = Color.FromHex(style.ArmColors[0]);

        var plot = new Plot();
        foreach (double[] bound in new[] { rows.Select(r => r.Ci.Lower).ToArray(), rows.Select(r => r.Ci.Upper).ToArray() })
        {
            var ci = plot.Add.ScatterLine(delta, bound);
            ci.Color = ink.WithAlpha(0.7);
            ci.LineWidth = 1.5f;
            ci.LinePattern = LinePattern.Dashed;
            ci.MarkerSize = 0;
            ci.LegendText = bound[0] == rows[0].Ci.Lower ? string.Create(CultureInfo.InvariantCulture, $"{rows[0].Ci.Level * 100:0.##}% CI") : "";
        }
        var line = plot.Add.ScatterLine(delta, estimate);
        line.Color = ink;
        line.LineWidth = 2;
        line.MarkerSize = rows.Length <= 25 ? 5 : 0;
        line.LegendText = $"{result.Arm} − {result.ReferenceArm}";
        plot.Add.HorizontalLine(0, 1, Colors.Black.WithAlpha(0.45), LinePattern.Dotted).ExcludeFromLegend = true;
        if (result.TippingDelta is { } tip)
        {
            var marker = plot.Add.VerticalLine(tip, 1.5f, Colors.Black.WithAlpha(0.7), LinePattern.Dashed);
            marker.LegendText = string.Create(CultureInfo.InvariantCulture, $"tipping point δ = {tip:0.###}");
        }
        Instrument? instrument = InstrumentRegistry.Default.Find(result.Parameter);
        string unit = instrument is null ? "" : " (points)";
        plot.Axes.Bottom.Label.Text = $"δ added to {result.Arm} values imputed after discontinuation{unit}";
        plot.Axes.Left.Label.Text = $"Difference in {result.Parameter} change at {result.Visit.DisplayName}{unit}";
        plot.Title($"Tipping point: {result.Parameter}, {result.Visit.DisplayName}");
        PlotStyling.LegendAbove(plot);
        ImputationOptions o = result.Options;
        string caption = string.Create(CultureInfo.InvariantCulture,
            $"Difference ± {rows[0].Ci.Level * 100:0.##}% CI ({(rows[0].Ci.Method == CiMethod.T ? "t, Rubin's rules with Barnard-Rubin df" : "normal, " + ((o.Variance ?? ResamplingVariance.Jackknife) == ResamplingVariance.Jackknife ? "jackknife" : "bootstrap") + " SE")}). {MethodName(o.Method)}, {o.Strategy.Token().ToUpperInvariant()} after discontinuation, reference {result.ReferenceArm}; δ added to values imputed after discontinuation in {(o.DeltaArms == DeltaArms.Active ? "the active arm(s)" : "every arm")}. Significance at α = {result.Alpha:0.###}{(result.TippingDelta is { } t ? $" is lost at δ = {t:0.###}" : " does not change over the grid")}.");
        return PlotStyling.Apply(plot, style, [caption]);
    }

    private static string MethodName(ImputationMethod method) => method switch
    {
        ImputationMethod.Bayesian => "Bayesian multiple imputation",
        ImputationMethod.ApproximateBayesian => "approximate Bayesian multiple imputation",
        _ => "conditional mean imputation",
    };
}
