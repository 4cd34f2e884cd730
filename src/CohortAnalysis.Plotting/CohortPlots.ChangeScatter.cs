using System.Globalization;
using CohortAnalysis.Change;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Scatter of two parameters' change from baseline at one visit (e.g. MADRS vs pain NRS), one point per subject
    /// with both, coloured by arm, straight from a <see cref="Cohort"/>.</summary>
    /// <remarks>
    /// <para>Pairs each subject's CHG on <paramref name="xParameter"/> and <paramref name="yParameter"/> at the visit, as
    /// <see cref="ChangeCorrelationTable.Of"/> does, so the r in the legend matches that table's per-arm Pearson r. Axis titles
    /// are named from the instruments, e.g. "MADRS change from baseline at Week 12 (points)".</para>
    /// </remarks>
    /// <param name="cohort">The cohort.</param>
    /// <param name="xParameter">Horizontal parameter code or alias, e.g. "MADRS".</param>
    /// <param name="yParameter">Vertical parameter code or alias, e.g. "PAINNRS".</param>
    /// <param name="visit">Study time of the visit, e.g. 12 for week 12.</param>
    /// <param name="missingData">Default observed cases; LOCF, BOCF or WOCF fill missing visits first.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">A parameter or the visit is unknown (the message lists what exists), or no
    /// subject has both changes.</exception>
    public static Plot ChangeScatter(Cohort cohort, string xParameter, string yParameter, double visit,
        MissingDataMethod missingData = MissingDataMethod.ObservedCases, CohortPlotStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        Trajectories x = Trajectories.Of(cohort, xParameter, missingData), y = Trajectories.Of(cohort, yParameter, missingData);
        int vx = x.VisitIndex(visit), vy = y.VisitIndex(visit);
        var yRow = new Dictionary<int, int>();
        for (int row = 0; row < y.SubjectCount; row++) yRow[y.SubjectIndices[row]] = row;
        var pairs = new List<(PairedPoint Point, bool Imputed)>();
        for (int row = 0; row < x.SubjectCount; row++)
        {
            if (!yRow.TryGetValue(x.SubjectIndices[row], out int other)) continue;
            double a = x.Change(row, vx), b = y.Change(other, vy);
            if (double.IsFinite(a) && double.IsFinite(b))
                pairs.Add((new PairedPoint(cohort.Arms[x.ArmOf(row)], a, b), x.IsImputed(row, vx) || y.IsImputed(other, vy)));
        }
        style ??= CohortPlotStyle.Default;
        string when = InstrumentLabels.VisitName(x.Visits[vx], style);
        if (pairs.Count == 0)
            throw new ArgumentException($"No subject has both {x.Parameter} and {y.Parameter} changes at {when}.", nameof(visit));
        pairs = pairs.OrderBy(p => cohort.Arms.ToList().IndexOf(p.Point.Arm)).ToList();  // arm colours in cohort order
        int imputed = pairs.Count(p => p.Imputed);
        string missing = $"Missing data: {missingData.Describe()}" + (missingData == MissingDataMethod.ObservedCases ? "."
            : string.Create(CultureInfo.InvariantCulture, $"; {imputed} of the {pairs.Count} subjects have an imputed value."));
        return DrawChangeScatter(pairs.Select(p => p.Point).ToList(), InstrumentLabels.Change(x.Parameter, x.Instrument, when),
            InstrumentLabels.Change(y.Parameter, y.Instrument, when), style, missing);
    }

    /// <summary>Scatter of one change against another (e.g. mood change vs pain change) coloured by arm, with each
    /// arm's least-squares regression line and Pearson's r in the legend.</summary>
    /// <remarks>
    /// <para>Per arm: y = a + b·x fitted by ordinary least squares over that arm's finite pairs, drawn across the
    /// arm's x range; the legend (above the plot) reads "Placebo: r = 0.62 (n = 40)". An arm with fewer than three pairs or no
    /// spread gets no line and "r = NA". Dotted lines mark zero on both axes.</para>
    /// <para>Integer scores give many subjects the same pair of changes. Such ties are spread deterministically (no random
    /// numbers) in a small sunflower pattern around the shared point: the k-th of m tied points moves by
    /// 0.4·√((k + ½)/m) of each axis's smallest gap between distinct values, at angle k × 137.5°, so each subject is visible
    /// and no point moves past halfway to a neighbouring value. Lines and r use the exact values; the caption says so.</para>
    /// </remarks>
    /// <param name="points">One pair per subject; pairs with a non-finite coordinate are left out.</param>
    /// <param name="xLabel">Horizontal axis title, e.g. "MADRS change from baseline (points)".</param>
    /// <param name="yLabel">Vertical axis title, e.g. "Pain NRS change from baseline (points)".</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty.</exception>
    public static Plot ChangeScatter(IEnumerable<PairedPoint> points, string xLabel = "Change in X",
        string yLabel = "Change in Y", CohortPlotStyle? style = null) =>
        DrawChangeScatter(Require(points, nameof(points)), xLabel, yLabel, style ?? CohortPlotStyle.Default, null);

    private static Plot DrawChangeScatter(IReadOnlyList<PairedPoint> rows, string xLabel, string yLabel, CohortPlotStyle style, string? missing)
    {
        var drawn = TieSpread.Spread(rows);
        var palette = new ArmPalette(style, rows.Select(r => r.Arm));
        var plot = new Plot();
        plot.Add.HorizontalLine(0, 1, Colors.Black.WithAlpha(0.35), LinePattern.Dotted).ExcludeFromLegend = true;
        plot.Add.VerticalLine(0, 1, Colors.Black.WithAlpha(0.35), LinePattern.Dotted).ExcludeFromLegend = true;
        var legend = new List<LegendItem>();

        foreach (string arm in palette.Arms)
        {
            Color color = palette.ColorOf(arm);
            int[] members = Enumerable.Range(0, rows.Count).Where(i => rows[i].Arm == arm && double.IsFinite(rows[i].X) && double.IsFinite(rows[i].Y)).ToArray();
            PairedPoint[] pairs = members.Select(i => rows[i]).ToArray();
            double[] xs = pairs.Select(p => p.X).ToArray();
            double[] ys = pairs.Select(p => p.Y).ToArray();
            var markers = plot.Add.ScatterPoints(members.Select(i => drawn[i].X).ToArray(), members.Select(i => drawn[i].Y).ToArray(), color.WithAlpha(0.75));
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
        PlotStyling.LegendAbove(plot, legend);
        PlotStyling.IntegerTicksIfIntegral(plot.Axes.Bottom, rows.Select(r => r.X));
        PlotStyling.IntegerTicksIfIntegral(plot.Axes.Left, rows.Select(r => r.Y));
        int spread = drawn.Count(d => d.Moved);
        var caption = new List<string> { spread == 0
            ? "One point per subject; lines: least-squares fit per arm; r: Pearson correlation."
            : string.Create(CultureInfo.InvariantCulture,
                $"One point per subject; {spread} subjects sharing identical changes are spread slightly around the shared value (deterministic sunflower pattern) so each is visible; lines and r (Pearson) use the exact values.") };
        if (missing is not null) caption.Add(missing);
        return PlotStyling.Apply(plot, style, caption);
    }
}
