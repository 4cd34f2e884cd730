using ScottPlot;

namespace CohortAnalysis.Plotting;

/// <summary>Applies a <see cref="CohortPlotStyle"/> to a finished figure.</summary>
internal static class PlotStyling
{
    /// <summary>Scores are integers on most instruments: an axis of whole-number data gets whole-number ticks (no "−4.5").</summary>
    internal static void IntegerTicksIfIntegral(IAxis axis, IEnumerable<double> values)
    {
        if (values.Where(double.IsFinite).All(v => v == Math.Round(v)))
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
    }

    /// <summary>Sets fonts and sizes on every text element present, so call it after all plottables are added; then adds
    /// the caption lines under the figure (each wrapped to fit a notebook-width figure).</summary>
    internal static Plot Apply(Plot plot, CohortPlotStyle style, IEnumerable<string>? caption = null)
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
        foreach (string line in (caption ?? []).SelectMany(Wrap))
        {
            // An extra bottom axis with no ticks is the one element ScottPlot lays out below everything else, so the
            // caption never overlaps the data, the time axis or the n rows.
            IXAxis axis = plot.Axes.AddBottomAxis();
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Width = 0;
            axis.Label.Text = line;
            axis.Label.FontName = style.FontName;
            axis.Label.FontSize = style.CaptionFontSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Colors.Black.WithAlpha(0.75);
        }
        return plot;
    }

    /// <summary>Puts the legend above the data area, one row of entries, so it can never hide a point or an interval.</summary>
    internal static void LegendAbove(Plot plot, IEnumerable<LegendItem>? items = null)
    {
        if (items is not null)
            plot.Legend.ManualItems.AddRange(items);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Top);
    }

    // About 105 characters of 12 px DejaVu Sans fit an 800-pixel notebook figure, and so about 84 of the 15 px axis title.
    private const int CaptionWidth = 105, AxisTitleWidth = 84;

    /// <summary>Sets the horizontal axis title, in as many lines as an 800-pixel figure needs: clauses ("; ") are kept
    /// whole where they fit, longer ones wrapped at spaces. Lines after the first sit on tickless bottom axes (as the
    /// caption does), so none is cut at the figure's edge.</summary>
    internal static void AxisTitle(Plot plot, string text)
    {
        var lines = new List<string>();
        foreach (string clause in text.Split("; ", StringSplitOptions.RemoveEmptyEntries).SelectMany(c => WrapTo(c, AxisTitleWidth)))
        {
            if (lines.Count > 0 && lines[^1].Length + 2 + clause.Length <= AxisTitleWidth) lines[^1] += "; " + clause;
            else lines.Add(clause);
        }
        if (lines.Count == 0) lines.Add("");
        plot.XLabel(lines[0]);
        foreach (string line in lines.Skip(1))
        {
            IXAxis axis = plot.Axes.AddBottomAxis();
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Width = 0;
            axis.Label.Text = line;
            axis.Label.Bold = plot.Axes.Bottom.Label.Bold;
        }
    }

    private static IEnumerable<string> Wrap(string text) => WrapTo(text, CaptionWidth);

    private static IEnumerable<string> WrapTo(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0)
            yield return line.ToString();
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
