using CohortAnalysis.Change;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Beyond this many distinct visits the time axis gets automatic ticks instead of one per visit.</summary>
    private const int MaxLabelledVisits = 16;

    /// <summary>Spaghetti plot of every subject's scores over visits, straight from <see cref="Trajectories"/>.</summary>
    /// <remarks>
    /// <para>Draws each subject's score (AVAL) at every visit of the grid, in the arm's colour; visits the missing-data
    /// method filled (e.g. LOCF) are drawn as they are in the grid, so the arm mean is the mean of the grid column. Arms take
    /// the cohort's arm names; the vertical axis is named from the instrument, e.g. "MADRS score (points)". The caption names
    /// the missing-data method and how many drawn values were imputed.</para>
    /// </remarks>
    /// <param name="trajectories">The grid from <see cref="Trajectories.Of"/>.</param>
    /// <param name="showArmMean">Default <c>true</c>: draw each arm's mean on top.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">The grid has no subjects.</exception>
    public static Plot Spaghetti(Trajectories trajectories, bool showArmMean = true, CohortPlotStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        double[] times = trajectories.Visits.Select(v => v.Time).ToArray();
        // Arms in cohort order, so each arm keeps the colour it has in the other figures.
        var subjects = Enumerable.Range(0, trajectories.SubjectCount).OrderBy(trajectories.ArmOf).Select(row => new SubjectTrajectory(
            trajectories.SubjectOf(row), trajectories.Cohort.Arms[trajectories.ArmOf(row)], times,
            Enumerable.Range(0, times.Length).Select(v => trajectories.Value(row, v)).ToArray()));
        style ??= CohortPlotStyle.Default;
        string missing = trajectories.MissingData == MissingDataMethod.ObservedCases
            ? "Missing data: observed cases (missed visits are skipped)."
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Missing data: {trajectories.MissingData.Describe()}; {trajectories.ImputedCount} imputed values are drawn like observed ones.");
        return DrawSpaghetti(subjects.ToList(), InstrumentLabels.Score(trajectories.Parameter, trajectories.Instrument),
            InstrumentLabels.TimeAxis(trajectories.Visits, style), showArmMean, style, [missing]);
    }

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
        string visitLabel = "Visit", bool showArmMean = true, CohortPlotStyle? style = null) =>
        DrawSpaghetti(Require(trajectories, nameof(trajectories)), valueLabel, visitLabel, showArmMean, style ?? CohortPlotStyle.Default, null);

    private static Plot DrawSpaghetti(IReadOnlyList<SubjectTrajectory> subjects, string valueLabel, string visitLabel, bool showArmMean,
        CohortPlotStyle style, IReadOnlyList<string>? caption)
    {
        foreach (SubjectTrajectory s in subjects)
        {
            if (s.Visits is null || s.Values is null || s.Visits.Length != s.Values.Length)
                throw new ArgumentException(
                    $"Subject '{s.Subject}' has {s.Visits?.Length ?? 0} visits but {s.Values?.Length ?? 0} values.",
                    "trajectories");
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
        PlotStyling.LegendAbove(plot, legend);
        return PlotStyling.Apply(plot, style, caption);
    }
}
