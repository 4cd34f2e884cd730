using ScottPlot;

namespace CohortAnalysis.Plotting;

/// <summary>Applies a <see cref="CohortPlotStyle"/> to a finished figure.</summary>
internal static class PlotStyling
{
    /// <summary>Sets fonts and sizes on every text element present, so call it after all plottables are added.</summary>
    /// <summary>Scores are integers on most instruments: an axis of whole-number data gets whole-number ticks (no "−4.5").</summary>
    internal static void IntegerTicksIfIntegral(IAxis axis, IEnumerable<double> values)
    {
        if (values.Where(double.IsFinite).All(v => v == Math.Round(v)))
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
    }

    internal static Plot Apply(Plot plot, CohortPlotStyle style)
    {
        // FontStyler.Set covers title, axes and legend; text plottables and axis-line labels are set one by one.
        plot.Font.Set(style.FontName);
        plot.Legend.SetBestFontOnEachRender = false;   // otherwise the legend may swap fonts to fit glyphs
        plot.Legend.FontName = style.FontName;
        plot.Legend.FontSize = style.TickFontSize;
        plot.Legend.FontColor = Colors.Black;
        plot.Axes.Title.Label.FontSize = style.TitleFontSize;
        plot.Axes.Title.Label.FontName = style.FontName;
        foreach (IAxis axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = style.FontName;
            axis.Label.FontSize = style.AxisLabelFontSize;
            axis.TickLabelStyle.FontName = style.FontName;
            axis.TickLabelStyle.FontSize = style.TickFontSize;
        }
        foreach (IPlottable plottable in plot.GetPlottables())
        {
            switch (plottable)
            {
                case ScottPlot.Plottables.Text text:
                    text.LabelStyle.FontName = style.FontName;
                    text.LabelStyle.FontSize = style.TickFontSize;
                    break;
                case ScottPlot.Plottables.Annotation annotation:
                    annotation.LabelStyle.FontName = style.FontName;
                    annotation.LabelStyle.FontSize = style.TickFontSize;
                    break;
                case ScottPlot.Plottables.AxisLine line:
                    line.LabelStyle.FontName = style.FontName;
                    line.LabelStyle.FontSize = style.TickFontSize;
                    break;
            }
        }
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        return plot;
    }

    /// <summary>Adds a legend entry that is not tied to one plottable (one per arm for many subject lines).</summary>
    internal static LegendItem ArmLegendItem(string label, Color color, bool line, bool marker, bool fill = false) => new()
    {
        LabelText = label,
        LineColor = color,
        LineWidth = line ? 2.5f : 0,
        MarkerShape = marker ? MarkerShape.FilledCircle : MarkerShape.None,
        MarkerColor = color,
        MarkerSize = marker ? 8 : 0,
        FillColor = fill ? color : Colors.Transparent,
    };
}
