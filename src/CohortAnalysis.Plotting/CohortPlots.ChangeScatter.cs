using System.Globalization;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Scatter of one change against another (e.g. mood change vs pain change) coloured by arm, with each
    /// arm's least-squares regression line and Pearson's r in the legend.</summary>
    /// <remarks>
    /// <para>Per arm: y = a + b·x fitted by ordinary least squares over that arm's finite pairs, drawn across the
    /// arm's x range; the legend reads "Placebo: r = 0.62 (n = 40)". An arm with fewer than three pairs or no
    /// spread gets no line and "r = NA". Dotted lines mark zero on both axes.</para>
    /// </remarks>
    /// <param name="points">One pair per subject; pairs with a non-finite coordinate are left out.</param>
    /// <param name="xLabel">Horizontal axis title, e.g. "MADRS change from baseline (points)".</param>
    /// <param name="yLabel">Vertical axis title, e.g. "Pain NRS change from baseline (points)".</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty.</exception>
    public static Plot ChangeScatter(IEnumerable<PairedPoint> points, string xLabel = "Change in X",
        string yLabel = "Change in Y", CohortPlotStyle? style = null)
    {
        IReadOnlyList<PairedPoint> rows = Require(points, nameof(points));
        style ??= CohortPlotStyle.Default;
        var palette = new ArmPalette(style, rows.Select(r => r.Arm));
        var plot = new Plot();
        plot.Add.HorizontalLine(0, 1, Colors.Black.WithAlpha(0.35), LinePattern.Dotted).ExcludeFromLegend = true;
        plot.Add.VerticalLine(0, 1, Colors.Black.WithAlpha(0.35), LinePattern.Dotted).ExcludeFromLegend = true;
        var legend = new List<LegendItem>();

        foreach (string arm in palette.Arms)
        {
            Color color = palette.ColorOf(arm);
            PairedPoint[] pairs = rows.Where(r => r.Arm == arm && double.IsFinite(r.X) && double.IsFinite(r.Y)).ToArray();
            double[] xs = pairs.Select(p => p.X).ToArray();
            double[] ys = pairs.Select(p => p.Y).ToArray();
            var markers = plot.Add.ScatterPoints(xs, ys, color.WithAlpha(0.75));
            markers.MarkerSize = 7;

            LeastSquaresLine fit = pairs.Length >= 3 ? LeastSquaresLine.Fit(xs, ys) : new(double.NaN, double.NaN, double.NaN, pairs.Length);
            string r = double.IsNaN(fit.R) ? "NA" : fit.R.ToString("0.00", CultureInfo.InvariantCulture);
            if (!double.IsNaN(fit.Slope))
            {
                double x0 = xs.Min(), x1 = xs.Max();
                var line = plot.Add.Line(x0, fit.Intercept + fit.Slope * x0, x1, fit.Intercept + fit.Slope * x1);
                line.Color = color;
                line.LineWidth = 2.5f;
            }
            legend.Add(new LegendItem
            {
                LabelText = string.Create(CultureInfo.InvariantCulture, $"{arm}: r = {r} (n = {pairs.Length})"),
                LineColor = color,
                LineWidth = double.IsNaN(fit.Slope) ? 0 : 2.5f,
                MarkerShape = MarkerShape.FilledCircle,
                MarkerColor = color,
                MarkerSize = 7,
            });
        }

        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(legend, Alignment.UpperLeft);
        return PlotStyling.Apply(plot, style);
    }
}
