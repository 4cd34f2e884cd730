using CohortAnalysis.Change;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Waterfall plot of each subject's percent change from baseline at one visit, straight from
    /// <see cref="Trajectories"/>, with the instrument's thresholds drawn.</summary>
    /// <remarks>
    /// <para>Subjects without a percent change at the visit (no value, no baseline, or baseline 0) are left out; the axis
    /// title gives the n drawn. Threshold lines come from the instrument registry: the response threshold (−50 % on the
    /// built-in scales) and every important-change threshold with a percent criterion (e.g. IMMPACT −30 % for pain NRS);
    /// thresholds at the same percent share one line. The caption names the grid's missing-data method and how many of the
    /// bars rest on an imputed value.</para>
    /// </remarks>
    /// <param name="trajectories">The grid from <see cref="Trajectories.Of"/>.</param>
    /// <param name="visit">Study time of the visit, e.g. 12 for week 12.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">No such visit (the message lists the visits), or no subject has a percent
    /// change there.</exception>
    public static Plot Waterfall(Trajectories trajectories, double visit, CohortPlotStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        int v = trajectories.VisitIndex(visit);
        var patients = Enumerable.Range(0, trajectories.SubjectCount).OrderBy(trajectories.ArmOf)  // arm colours in cohort order
            .Where(row => double.IsFinite(trajectories.PercentChange(row, v)))
            .Select(row => new PatientPercentChange(trajectories.SubjectOf(row), trajectories.Cohort.Arms[trajectories.ArmOf(row)],
                trajectories.PercentChange(row, v)))
            .ToList();
        style ??= CohortPlotStyle.Default;
        string when = InstrumentLabels.VisitName(trajectories.Visits[v], style);
        if (patients.Count == 0)
            throw new ArgumentException($"No subject has a percent change of {trajectories.Parameter} at {when}.", nameof(visit));
        return DrawWaterfall(patients, InstrumentLabels.PercentThresholds(trajectories.Instrument),
            InstrumentLabels.PercentChange(trajectories.Parameter, trajectories.Instrument, when), style, [MissingDataCaption(trajectories, v)]);
    }

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
        string valueLabel = "Percent change from baseline (%)", CohortPlotStyle? style = null) =>
        DrawWaterfall(Require(patients, nameof(patients)), thresholds, valueLabel, style ?? CohortPlotStyle.Default, null);

    private static Plot DrawWaterfall(IReadOnlyList<PatientPercentChange> rows, IEnumerable<Threshold>? thresholds, string valueLabel,
        CohortPlotStyle style, IReadOnlyList<string>? caption)
    {
        PatientPercentChange? bad = rows.FirstOrDefault(r => !double.IsFinite(r.PercentChange));
        if (bad is not null)
            throw new ArgumentException($"Subject '{bad.Subject}' has a non-finite percent change.", "patients");

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
        PlotStyling.LegendAbove(plot, legend);
        return PlotStyling.Apply(plot, style, caption);
    }
}
