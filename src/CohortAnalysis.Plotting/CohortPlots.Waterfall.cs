using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Waterfall plot: one bar per patient's percent change from baseline, sorted from largest
    /// increase to largest decrease, coloured by arm, with labelled horizontal threshold lines.</summary>
    /// <remarks>
    /// <para>Bars are ordered by percent change descending (worsening on the left, best response on the right),
    /// ties broken by subject identifier so the order is deterministic. Thresholds such as −50 % (response) and
    /// −30 % (minimal improvement) are drawn dashed and named in the legend.</para>
    /// </remarks>
    /// <param name="patients">One percent change per patient; non-finite values are rejected.</param>
    /// <param name="thresholds">Reference lines, e.g. <c>[new(-50, "Response (−50 %)"), new(-30, "−30 %")]</c>; may be empty.</param>
    /// <param name="valueLabel">Vertical axis title, e.g. "MADRS % change from baseline".</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="patients"/> is empty or has a non-finite value.</exception>
    public static Plot Waterfall(IEnumerable<PatientPercentChange> patients, IEnumerable<Threshold>? thresholds = null,
        string valueLabel = "Percent change from baseline (%)", CohortPlotStyle? style = null)
    {
        IReadOnlyList<PatientPercentChange> rows = Require(patients, nameof(patients));
        style ??= CohortPlotStyle.Default;
        PatientPercentChange? bad = rows.FirstOrDefault(r => !double.IsFinite(r.PercentChange));
        if (bad is not null)
            throw new ArgumentException($"Subject '{bad.Subject}' has a non-finite percent change.", nameof(patients));

        var palette = new ArmPalette(style, rows.Select(r => r.Arm));
        PatientPercentChange[] sorted = rows.OrderByDescending(r => r.PercentChange)
            .ThenBy(r => r.Subject, StringComparer.Ordinal).ToArray();

        var plot = new Plot();
        plot.Add.Bars(sorted.Select((r, i) => new Bar
        {
            Position = i,
            Value = r.PercentChange,
            FillColor = palette.ColorOf(r.Arm),
            LineWidth = 0,
            Size = 0.8,
        }).ToList());
        var legend = palette.Arms.Select(arm => PlotStyling.ArmLegendItem(arm, palette.ColorOf(arm), line: false, marker: false, fill: true)).ToList();

        plot.Add.HorizontalLine(0, 1, Colors.Black).ExcludeFromLegend = true;
        foreach (Threshold threshold in thresholds ?? [])
        {
            plot.Add.HorizontalLine(threshold.Value, 1.5f, Colors.Black.WithAlpha(0.7), LinePattern.Dashed);
            legend.Add(new LegendItem
            {
                LabelText = threshold.Label,
                LineColor = Colors.Black.WithAlpha(0.7),
                LineWidth = 1.5f,
                LinePattern = LinePattern.Dashed,
            });
        }

        plot.Axes.SetLimitsX(-1, sorted.Length);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();  // patients have no meaningful x
        plot.XLabel($"Patients, sorted by percent change (n = {sorted.Length})");
        plot.YLabel(valueLabel);
        plot.ShowLegend(legend, Alignment.LowerLeft);
        return PlotStyling.Apply(plot, style);
    }
}
