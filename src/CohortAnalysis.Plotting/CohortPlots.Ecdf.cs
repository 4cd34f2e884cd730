using CohortAnalysis.Change;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Empirical cumulative distribution by arm of the score, change or percent change at one visit, straight from
    /// <see cref="Trajectories"/>, with the instrument's thresholds drawn.</summary>
    /// <remarks>
    /// <para>Thresholds come from the instrument registry: for <see cref="ChangeVariable.PercentChange"/> the response and
    /// percent important-change thresholds (−50 %, and −30 % for pain); for <see cref="ChangeVariable.Change"/> the
    /// important-change thresholds in points (−2 for pain NRS; none for MADRS); for <see cref="ChangeVariable.Value"/> the
    /// remission cut-off (≤ 10 for MADRS). Arms with no value at the visit are left out. The caption names the grid's
    /// missing-data method and how many of the values drawn were imputed.</para>
    /// </remarks>
    /// <param name="trajectories">The grid from <see cref="Trajectories.Of"/>.</param>
    /// <param name="visit">Study time of the visit, e.g. 12 for week 12.</param>
    /// <param name="variable">Default <see cref="ChangeVariable.Change"/> (CHG); or PCHG or AVAL.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">No such visit (the message lists the visits), or no subject has a value there.</exception>
    public static Plot Ecdf(Trajectories trajectories, double visit, ChangeVariable variable = ChangeVariable.Change, CohortPlotStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        int v = trajectories.VisitIndex(visit);
        Func<int, double> value = variable switch
        {
            ChangeVariable.Value => row => trajectories.Value(row, v),
            ChangeVariable.PercentChange => row => trajectories.PercentChange(row, v),
            _ => row => trajectories.Change(row, v),
        };
        var arms = Enumerable.Range(0, trajectories.SubjectCount)
            .OrderBy(trajectories.ArmOf)  // arm colours in cohort order
            .Select(row => (Arm: trajectories.Cohort.Arms[trajectories.ArmOf(row)], Value: value(row)))
            .Where(p => double.IsFinite(p.Value))
            .GroupBy(p => p.Arm)
            .Select(g => new ArmValues(g.Key, g.Select(p => p.Value).ToArray()))
            .ToList();
        style ??= CohortPlotStyle.Default;
        string when = InstrumentLabels.VisitName(trajectories.Visits[v], style);
        if (arms.Count == 0)
            throw new ArgumentException($"No subject has a value of {trajectories.Parameter} at {when}.", nameof(visit));
        (string label, IReadOnlyList<Threshold> thresholds) = variable switch
        {
            ChangeVariable.Value => (InstrumentLabels.Score(trajectories.Parameter, trajectories.Instrument, when),
                InstrumentLabels.ScoreThresholds(trajectories.Instrument)),
            ChangeVariable.PercentChange => (InstrumentLabels.PercentChange(trajectories.Parameter, trajectories.Instrument, when),
                InstrumentLabels.PercentThresholds(trajectories.Instrument)),
            _ => (InstrumentLabels.Change(trajectories.Parameter, trajectories.Instrument, when),
                InstrumentLabels.PointThresholds(trajectories.Instrument)),
        };
        return DrawEcdf(arms, label, thresholds, style, [MissingDataCaption(trajectories, v)]);
    }

    /// <summary>Empirical cumulative distribution of a change by arm ("cumulative distribution of response").</summary>
    /// <remarks>
    /// <para>For each arm, F̂(x) = (number of values ≤ x) / n, drawn as a right-continuous step function. A curve
    /// lying to the left means more improvement when lower scores are better (MADRS, pain NRS). Optional vertical
    /// thresholds (e.g. a responder cut-off) are dashed and named in the legend, which sits above the plot. Non-finite values
    /// are left out.</para>
    /// </remarks>
    /// <param name="arms">Values per arm, e.g. change from baseline at the primary visit.</param>
    /// <param name="valueLabel">Horizontal axis title, e.g. "MADRS change from baseline at week 6 (points)".</param>
    /// <param name="thresholds">Optional vertical reference lines; may be null or empty.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="arms"/> is empty, or an arm has no finite value.</exception>
    public static Plot Ecdf(IEnumerable<ArmValues> arms, string valueLabel = "Change from baseline",
        IEnumerable<Threshold>? thresholds = null, CohortPlotStyle? style = null) =>
        DrawEcdf(Require(arms, nameof(arms)), valueLabel, thresholds, style ?? CohortPlotStyle.Default, null);

    private static Plot DrawEcdf(IReadOnlyList<ArmValues> groups, string valueLabel, IEnumerable<Threshold>? thresholds,
        CohortPlotStyle style, IReadOnlyList<string>? caption)
    {
        var palette = new ArmPalette(style, groups.Select(g => g.Arm));
        var plot = new Plot();

        foreach (string arm in palette.Arms)
        {
            double[] values = groups.Where(g => g.Arm == arm).SelectMany(g => g.Values ?? []).Where(double.IsFinite).Order().ToArray();
            if (values.Length == 0)
                throw new ArgumentException($"Arm '{arm}' has no finite value.", "arms");
            // Steps: start at 0 on the smallest value, jump by 1/n at each value (ties jump together).
            var xs = new List<double> { values[0] };
            var ys = new List<double> { 0.0 };
            for (int i = 0; i < values.Length; i++)
            {
                if (i + 1 < values.Length && values[i + 1] == values[i])
                    continue;
                xs.Add(values[i]);
                ys.Add((i + 1) / (double)values.Length);
            }
            var curve = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), palette.ColorOf(arm));
            curve.ConnectStyle = ConnectStyle.StepHorizontal;
            curve.LineWidth = 2.5f;
            curve.MarkerSize = 0;
            curve.LegendText = $"{arm} (n = {values.Length})";
        }

        foreach (Threshold threshold in thresholds ?? [])
        {
            var line = plot.Add.VerticalLine(threshold.Value, 1.5f, Colors.Black.WithAlpha(0.7), LinePattern.Dashed);
            line.LegendText = threshold.Label;
        }

        plot.Axes.SetLimitsY(-0.02, 1.02);
        var proportions = new ScottPlot.TickGenerators.NumericManual();
        for (int tenth = 0; tenth <= 10; tenth++)
        {
            if (tenth % 2 == 0)
                proportions.AddMajor(tenth / 10.0, (tenth / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
            else
                proportions.AddMinor(tenth / 10.0);
        }
        plot.Axes.Left.TickGenerator = proportions;
        plot.XLabel(valueLabel);
        plot.YLabel("Cumulative proportion of patients");
        PlotStyling.LegendAbove(plot);
        PlotStyling.IntegerTicksIfIntegral(plot.Axes.Bottom, groups.SelectMany(g => g.Values));
        return PlotStyling.Apply(plot, style, caption);
    }
}
