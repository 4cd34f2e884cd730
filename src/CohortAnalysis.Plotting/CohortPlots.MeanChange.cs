using System.Globalization;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Mean (e.g. mean change from baseline) over visits by arm, with confidence-interval error bars
    /// and a "number at risk" row per arm under the time axis.</summary>
    /// <remarks>
    /// <para>One line with markers per arm; error bars run from <see cref="ArmVisitPoint.Lower"/> to
    /// <see cref="ArmVisitPoint.Upper"/>. Arms are dodged sideways by a small fraction of the visit spacing so
    /// overlapping intervals stay readable; tick labels stay at the true visit. A dotted line marks zero change.</para>
    /// <para>Under the visit axis, one row per arm (in the arm's colour) gives <see cref="ArmVisitPoint.N"/> at each
    /// visit, as under a Kaplan–Meier plot, so a reader sees how many subjects each mean rests on.</para>
    /// </remarks>
    /// <param name="points">One point per arm × visit. Visits need not be equally spaced.</param>
    /// <param name="valueLabel">Vertical axis title with instrument and units, e.g. "MADRS change from baseline (points)".</param>
    /// <param name="visitLabel">Horizontal axis title, e.g. "Week".</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty, or an arm has the same visit twice.</exception>
    public static Plot MeanChange(IEnumerable<ArmVisitPoint> points, string valueLabel = "Mean change from baseline",
        string visitLabel = "Visit", CohortPlotStyle? style = null)
    {
        IReadOnlyList<ArmVisitPoint> rows = Require(points, nameof(points));
        style ??= CohortPlotStyle.Default;
        var palette = new ArmPalette(style, rows.Select(r => r.Arm));

        double[] visits = rows.Select(r => r.Visit).Distinct().Order().ToArray();
        double spacing = visits.Length > 1 ? visits.Zip(visits.Skip(1), (a, b) => b - a).Min() : 1;
        double dodgeStep = spacing * 0.04;
        int armCount = palette.Arms.Count;

        var plot = new Plot();
        plot.Add.HorizontalLine(0, 1, Colors.Black.WithAlpha(0.45), LinePattern.Dotted).ExcludeFromLegend = true;

        for (int a = 0; a < armCount; a++)
        {
            string arm = palette.Arms[a];
            ArmVisitPoint[] armRows = rows.Where(r => r.Arm == arm).OrderBy(r => r.Visit).ToArray();
            double duplicate = armRows.Select(r => r.Visit).GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key)
                .DefaultIfEmpty(double.NaN).First();
            if (!double.IsNaN(duplicate))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Arm '{arm}' has more than one point at visit {duplicate}."), nameof(points));

            double dodge = (a - (armCount - 1) / 2.0) * dodgeStep;
            double[] xs = armRows.Select(r => r.Visit + dodge).ToArray();
            double[] ys = armRows.Select(r => r.Mean).ToArray();
            Color color = palette.ColorOf(arm);

            var bars = plot.Add.ErrorBar(xs, ys, armRows.Select(r => r.Mean - r.Lower).ToArray());
            bars.YErrorPositive = armRows.Select(r => r.Upper - r.Mean).ToArray();
            bars.Color = color;
            bars.LineWidth = 1.5f;
            bars.CapSize = 6;

            var line = plot.Add.Scatter(xs, ys, color);
            line.LineWidth = 2.5f;
            line.MarkerSize = 8;
            line.LegendText = arm;
        }

        double padding = spacing * 0.5;
        plot.Axes.SetLimitsX(visits[0] - padding, visits[^1] + padding);
        plot.Axes.Bottom.TickGenerator = VisitTicks(rows, visits);
        AddAtRiskRows(plot, rows, palette, visits, visits[0] - padding, visits[^1] + padding);

        plot.XLabel(visitLabel);
        plot.YLabel(valueLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return PlotStyling.Apply(plot, style);
    }

    /// <summary>Ticks at the visits, labelled with the first non-null <see cref="ArmVisitPoint.VisitLabel"/> of each.</summary>
    private static ScottPlot.TickGenerators.NumericManual VisitTicks(IReadOnlyList<ArmVisitPoint> rows, double[] visits)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (double visit in visits)
        {
            string label = rows.Where(r => r.Visit == visit).Select(r => r.VisitLabel).FirstOrDefault(l => l is not null)
                ?? visit.ToString("0.##", CultureInfo.InvariantCulture);
            ticks.AddMajor(visit, label);
        }
        return ticks;
    }

    /// <summary>One extra bottom axis per arm whose tick labels are that arm's n at each visit.</summary>
    private static void AddAtRiskRows(Plot plot, IReadOnlyList<ArmVisitPoint> rows, ArmPalette palette,
        double[] visits, double xMin, double xMax)
    {
        foreach (string arm in palette.Arms)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            foreach (double visit in visits)
            {
                ArmVisitPoint? point = rows.FirstOrDefault(r => r.Arm == arm && r.Visit == visit);
                ticks.AddMajor(visit, point is null ? "–" : point.N.ToString(CultureInfo.InvariantCulture));
            }

            var axis = plot.Axes.AddBottomAxis();
            axis.TickGenerator = ticks;
            axis.LabelStyle.Text = $"n at risk: {arm}";
            axis.LabelStyle.ForeColor = palette.ColorOf(arm);
            axis.TickLabelStyle.ForeColor = palette.ColorOf(arm);
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Width = 0;
            // Each extra axis keeps its own range: pin it to the data axis so the counts sit under their visits.
            plot.Axes.SetLimitsX(xMin, xMax, axis);
        }
    }
}
