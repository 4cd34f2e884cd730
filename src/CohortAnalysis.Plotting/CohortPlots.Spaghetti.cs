using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Beyond this many distinct visits the time axis gets automatic ticks instead of one per visit.</summary>
    private const int MaxLabelledVisits = 16;

    /// <summary>Spaghetti plot: each subject's trajectory as a thin line in its arm's colour, optionally with
    /// the arm mean at each visit drawn bold on top.</summary>
    /// <remarks>
    /// <para>Subject lines are translucent so dense regions read darker. Missed visits (<see cref="double.NaN"/>)
    /// are skipped and the line joins the visits either side. The arm mean at a visit is the plain mean of the
    /// subjects observed there (observed cases, no imputation).</para>
    /// </remarks>
    /// <param name="trajectories">One trajectory per subject.</param>
    /// <param name="valueLabel">Vertical axis title with instrument and units, e.g. "MADRS total score (points)".</param>
    /// <param name="visitLabel">Horizontal axis title, e.g. "Week".</param>
    /// <param name="showArmMean">Default <c>true</c>: draw each arm's observed-case mean on top.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="trajectories"/> is empty, or a subject's visit and
    /// value arrays differ in length.</exception>
    public static Plot Spaghetti(IEnumerable<SubjectTrajectory> trajectories, string valueLabel = "Score",
        string visitLabel = "Visit", bool showArmMean = true, CohortPlotStyle? style = null)
    {
        IReadOnlyList<SubjectTrajectory> subjects = Require(trajectories, nameof(trajectories));
        style ??= CohortPlotStyle.Default;
        foreach (SubjectTrajectory s in subjects)
        {
            if (s.Visits is null || s.Values is null || s.Visits.Length != s.Values.Length)
                throw new ArgumentException(
                    $"Subject '{s.Subject}' has {s.Visits?.Length ?? 0} visits but {s.Values?.Length ?? 0} values.",
                    nameof(trajectories));
        }
        var palette = new ArmPalette(style, subjects.Select(s => s.Arm));
        var plot = new Plot();
        var legend = new List<LegendItem>();

        foreach (string arm in palette.Arms)
        {
            Color color = palette.ColorOf(arm);
            foreach (SubjectTrajectory subject in subjects.Where(s => s.Arm == arm))
            {
                int[] observed = Enumerable.Range(0, subject.Values.Length)
                    .Where(i => double.IsFinite(subject.Values[i]) && double.IsFinite(subject.Visits[i]))
                    .OrderBy(i => subject.Visits[i]).ToArray();
                if (observed.Length == 0)
                    continue;
                var line = plot.Add.Scatter(observed.Select(i => subject.Visits[i]).ToArray(),
                    observed.Select(i => subject.Values[i]).ToArray(), color.WithAlpha(showArmMean ? 0.30 : 0.55));
                line.LineWidth = 1;
                line.MarkerSize = 0;
            }
            legend.Add(PlotStyling.ArmLegendItem(arm, color, line: true, marker: showArmMean));

            if (showArmMean)
            {
                var means = subjects.Where(s => s.Arm == arm)
                    .SelectMany(s => s.Visits.Zip(s.Values))
                    .Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second))
                    .GroupBy(p => p.First, p => p.Second)
                    .OrderBy(g => g.Key)
                    .ToArray();
                var mean = plot.Add.Scatter(means.Select(g => g.Key).ToArray(), means.Select(g => g.Average()).ToArray(), color);
                mean.LineWidth = 3.5f;
                mean.MarkerSize = 9;
            }
        }

        // Label the scheduled visits rather than automatic fractional ticks ("Week 0.5" means nothing).
        double[] visits = subjects.SelectMany(s => s.Visits).Where(double.IsFinite).Distinct().Order().ToArray();
        if (visits.Length is > 0 and <= MaxLabelledVisits)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            foreach (double visit in visits)
                ticks.AddMajor(visit, visit.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
            plot.Axes.Bottom.TickGenerator = ticks;
        }
        plot.XLabel(visitLabel);
        plot.YLabel(valueLabel);
        plot.ShowLegend(legend, Alignment.UpperRight);
        return PlotStyling.Apply(plot, style);
    }
}
