using System.Globalization;
using CohortAnalysis.Change;
using CohortAnalysis.Descriptive;
using CohortAnalysis.Instruments;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Mean (e.g. mean change from baseline) over visits by arm, with confidence-interval error bars, an
    /// "n analysed" row per arm under the time axis, and a caption naming the interval and the missing-data method.</summary>
    /// <remarks>
    /// <para>One line with markers per arm; error bars run from <see cref="ArmVisitPoint.Lower"/> to
    /// <see cref="ArmVisitPoint.Upper"/>. Arms are dodged sideways by a small fraction of the visit spacing so
    /// overlapping intervals stay readable; tick labels stay at the true visit. A dotted line marks zero change. The legend
    /// sits above the data area so it never hides an interval.</para>
    /// <para>Under the visit axis, one row per arm (in the arm's colour) gives <see cref="ArmVisitPoint.N"/> at each
    /// visit, so a reader sees how many values each mean rests on. Under observed cases the row is "n analysed"; under an
    /// imputation method it reads "n (imputed) under LOCF" and each cell gives the imputed count in brackets, "56 (3)": these
    /// are not subjects at risk, and imputed values are not observations.</para>
    /// </remarks>
    /// <param name="points">One point per arm × visit. Visits need not be equally spaced.</param>
    /// <param name="valueLabel">Vertical axis title with instrument and units, e.g. "MADRS change from baseline (points)".</param>
    /// <param name="visitLabel">Horizontal axis title, e.g. "Week".</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <param name="ciLevel">Confidence level of the intervals in <paramref name="points"/>, stated in the caption; default 0.95.</param>
    /// <param name="ciMethod">How the intervals were computed, stated in the caption; default <see cref="CiMethod.T"/>.</param>
    /// <param name="missingData">How missing visits were handled, stated in the caption and the n rows; default observed cases.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty, an arm has the same visit twice, a point has
    /// imputed values under observed cases, or <paramref name="ciLevel"/> is not strictly between 0 and 1.</exception>
    public static Plot MeanChange(IEnumerable<ArmVisitPoint> points, string valueLabel = "Mean change from baseline",
        string visitLabel = "Visit", CohortPlotStyle? style = null, double ciLevel = 0.95, CiMethod ciMethod = CiMethod.T,
        MissingDataMethod missingData = MissingDataMethod.ObservedCases)
    {
        IReadOnlyList<ArmVisitPoint> rows = Require(points, nameof(points));
        CheckLevel(ciLevel, nameof(ciLevel));
        if (missingData == MissingDataMethod.ObservedCases && rows.FirstOrDefault(r => r.Imputed > 0) is { } imputedPoint)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Arm '{imputedPoint.Arm}' has {imputedPoint.Imputed} imputed values at visit {imputedPoint.Visit} but missingData is observed cases; name the method that imputed them."), nameof(missingData));
        style ??= CohortPlotStyle.Default;
        int imputed = rows.Sum(r => r.Imputed);
        string counts = missingData == MissingDataMethod.ObservedCases
            ? "n analysed: values observed at the visit."
            : string.Create(CultureInfo.InvariantCulture,
                $"n counts observed and imputed values; imputed in brackets ({imputed} in all).");
        string countTitle = missingData == MissingDataMethod.ObservedCases ? "n analysed" : $"n (imputed) under {InstrumentLabels.MissingDataCode(missingData)}";
        return ArmVisitFigure(rows, valueLabel, visitLabel, style, missingData, countTitle,
            $"Mean ± {IntervalName(ciLevel, ciMethod)}. Missing data: {missingData.Describe()}. {counts}");
    }

    /// <summary>Lines with CI error bars by arm over visits, dodged sideways, with one "n" row per arm under the time
    /// axis (titled <paramref name="countTitle"/>), the legend above and <paramref name="caption"/> below.</summary>
    private static Plot ArmVisitFigure(IReadOnlyList<ArmVisitPoint> rows, string valueLabel, string visitLabel, CohortPlotStyle style,
        MissingDataMethod missingData, string countTitle, string caption)
    {
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
                    $"Arm '{arm}' has more than one point at visit {duplicate}."), "points");

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
        AddCountRows(plot, rows, palette, visits, visits[0] - padding, visits[^1] + padding, missingData, countTitle);

        plot.XLabel(visitLabel);
        plot.YLabel(valueLabel);
        PlotStyling.LegendAbove(plot);
        return PlotStyling.Apply(plot, style, [caption]);
    }

    /// <summary>Mean change from baseline ± CI by arm over visits, straight from a change-from-baseline summary table.</summary>
    /// <remarks>
    /// <para>Takes the table's CHG rows for <paramref name="parameter"/>: the mean and its t interval (at the table's
    /// <see cref="ChangeSummaryOptions.CiLevel"/>) per arm × visit, and each cell's n and imputed count for the n rows; the
    /// caption states the interval's level and method and the table's <see cref="ChangeSummaryOptions.MissingData"/>. The
    /// baseline visit is drawn at change 0 with the number of subjects who have a baseline value, so each line starts where
    /// change is defined. Cells with no value are left out; a cell with one value shows its mean without an interval.</para>
    /// <para>The vertical axis is named from the instrument (<see cref="InstrumentRegistry.Default"/>), e.g.
    /// "MADRS change from baseline (points)". When every visit is named "Week …" (an unlabelled visit is named from the
    /// style's <see cref="CohortPlotStyle.VisitUnit"/>) the time axis is numeric and titled "Week"; otherwise the ticks carry
    /// the visit names.</para>
    /// </remarks>
    /// <param name="table">A summary from <see cref="ChangeFromBaseline.Summarize(Cohort, ChangeSummaryOptions?)"/>.</param>
    /// <param name="parameter">Parameter code or instrument alias, e.g. "MADRS".</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">The table has no change rows for <paramref name="parameter"/>; the message lists
    /// the parameters it has.</exception>
    public static Plot MeanChange(ChangeSummaryTable table, string parameter, CohortPlotStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(parameter);
        style ??= CohortPlotStyle.Default;
        Instrument? instrument = InstrumentRegistry.Default.Find(parameter);
        string code = table.Rows.Select(r => r.Parameter).FirstOrDefault(p =>
            string.Equals(p, parameter, StringComparison.OrdinalIgnoreCase) || (instrument is not null && instrument.Equals(InstrumentRegistry.Default.Find(p))))
            ?? throw new ArgumentException(
                $"The table has no rows for parameter '{parameter}'; it has: {string.Join(", ", table.Rows.Select(r => r.Parameter).Distinct())}.", nameof(parameter));
        instrument ??= InstrumentRegistry.Default.Find(code);

        ChangeSummaryRow[] rows = table.Rows.Where(r => r.Parameter == code).ToArray();
        ChangeSummaryRow[] changes = rows.Where(r => r.Variable == ChangeVariable.Change && r.Summary.N > 0).ToArray();
        if (changes.Length == 0)
            throw new ArgumentException($"The table has no change-from-baseline values for parameter '{code}'.", nameof(parameter));
        double firstChange = changes.Min(r => r.Visit.Time);
        // "Week" visits are drawn on a numeric week axis (0, 1, 3, 6, 12): "Baseline" and "Week 1" labels would collide.
        string timeAxis = InstrumentLabels.TimeAxis(rows.Select(r => r.Visit).Distinct(), style);
        string? Tick(Visit visit) => timeAxis == "Visit" ? InstrumentLabels.VisitName(visit, style) : null;
        // The baseline anchor: the last visit before the first change that has observed values (AVAL rows only exist there).
        var anchors = rows.Where(r => r.Variable == ChangeVariable.Value && r.Visit.Time < firstChange && r.Summary.N > 0)
            .GroupBy(r => r.Arm).Select(g => g.MaxBy(r => r.Visit.Time)!)
            .Select(r => new ArmVisitPoint(r.Arm, r.Visit.Time, Tick(r.Visit), 0, 0, 0, r.Summary.N, r.Imputed));
        var points = anchors.Concat(changes.Select(r =>
        {
            Summary s = r.Summary;
            bool hasCi = double.IsFinite(s.MeanCi.Lower) && double.IsFinite(s.MeanCi.Upper);
            return new ArmVisitPoint(r.Arm, r.Visit.Time, Tick(r.Visit), s.Mean, hasCi ? s.MeanCi.Lower : s.Mean, hasCi ? s.MeanCi.Upper : s.Mean, s.N, r.Imputed);
        }));
        CiMethod method = changes.Select(r => r.Summary.MeanCi.Method).First();
        return MeanChange(points, InstrumentLabels.Change(code, instrument), timeAxis, style, table.Options.CiLevel, method, table.Options.MissingData);
    }

    /// <summary>"95% CI (t)": the level and method of an interval, for captions.</summary>
    private static string IntervalName(double level, CiMethod method) =>
        string.Create(CultureInfo.InvariantCulture, $"{level * 100:0.##}% CI ({method.Describe()})");

    private static void CheckLevel(double level, string name)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} = {level} must lie strictly between 0 and 1 (e.g. 0.95)."), name);
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

    /// <summary>One extra bottom axis per arm whose tick labels are that arm's n at each visit (imputed in brackets).</summary>
    private static void AddCountRows(Plot plot, IReadOnlyList<ArmVisitPoint> rows, ArmPalette palette,
        double[] visits, double xMin, double xMax, MissingDataMethod missingData, string title)
    {
        foreach (string arm in palette.Arms)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            foreach (double visit in visits)
            {
                ArmVisitPoint? point = rows.FirstOrDefault(r => r.Arm == arm && r.Visit == visit);
                string text = point is null ? "–"
                    : missingData == MissingDataMethod.ObservedCases ? point.N.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{point.N} ({point.Imputed})");
                ticks.AddMajor(visit, text);
            }

            var axis = plot.Axes.AddBottomAxis();
            axis.TickGenerator = ticks;
            axis.LabelStyle.Text = $"{title}: {arm}";
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
