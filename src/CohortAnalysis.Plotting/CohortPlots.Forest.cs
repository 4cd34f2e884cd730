using System.Globalization;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Instruments;
using CohortAnalysis.Responders;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Forest plot of any estimates: one row per estimate with its confidence interval, an n column, the numbers,
    /// "favours" labels either side of the no-effect line, and a caption naming the interval and missing-data method.</summary>
    /// <remarks>
    /// <para>Rows are labelled from each estimate's typed <see cref="Comparison"/>: what differs between rows (visit,
    /// parameter, subgroup …) labels them, rows are gathered under the compared arms or the parameter when those differ, and
    /// what all rows share titles the axis ("Hedges' g, MADRS CHG, Psilocybin 25 mg vs Placebo"). The n column shows
    /// <see cref="IEstimate.Sizes"/> ("40 vs 38"); the right column "estimate [lower, upper]" under a heading that states the
    /// level ("Estimate [95% CI]"). A row that could not be estimated shows "NA" and no interval.</para>
    /// <para>Sign convention: between-arm estimates are treatment − reference (ratios treatment / reference), so on a
    /// higher-is-worse scale (MADRS, pain NRS) a negative difference favours treatment; see <see cref="ForestOptions"/> for
    /// how the side and the axis scale are chosen.</para>
    /// </remarks>
    /// <param name="estimates">The rows, in display order.</param>
    /// <param name="options">Axis scale, favoured side, number format; default inferred from the estimates.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="estimates"/> is empty or has a null element.</exception>
    public static Plot Forest(IEnumerable<IEstimate> estimates, ForestOptions? options = null, CohortPlotStyle? style = null)
    {
        IReadOnlyList<IEstimate> rows = Require(estimates, nameof(estimates));
        options ??= ForestOptions.Default;
        style ??= CohortPlotStyle.Default;
        bool ratio = options.Scale switch
        {
            ForestScale.Ratio => true,
            ForestScale.Difference => false,
            _ => rows.All(r => r.Ci.Method is CiMethod.LogWald or CiMethod.ExactConditional),
        };
        (IReadOnlyList<(string Label, string? Group)> labels, string title) = ForestLabels.Of(rows, style);
        var forestRows = rows.Select((e, i) => new ForestRow(labels[i].Label, labels[i].Group, e.Estimate, e.Ci.Lower, e.Ci.Upper,
            e.Sizes.Used > 0 ? e.Sizes.Groups : null)).ToList();

        ForestFavours favours = options.Favours == ForestFavours.Auto ? InferFavours(rows) : options.Favours;
        (string? below, string? above) = FavoursText(favours, rows.Select(r => r.Comparison).ToList());

        var caption = new List<string> { IntervalCaption(rows.Select(r => r.Ci)) };
        var missing = rows.Select(r => r.Comparison.MissingData).OfType<MissingDataMethod>().Distinct().ToList();
        if (missing.Count > 0)
            caption.Add("Missing data: " + string.Join("; ", missing.Select(m => m.Describe())) + ".");
        caption.AddRange(rows.Select(r => r.Comparison.ReferenceNote).Where(n => n.Length > 0).Distinct());
        caption.AddRange(rows.Where(r => double.IsNaN(r.Estimate) && r.Note.Length > 0).Select(r => $"NA: {r.Note}").Distinct());

        string label = (options.EstimateLabel ?? title) + (ratio ? ", log scale" : "");
        return DrawForest(forestRows, label, ratio ? 1 : 0, options.NumberFormat, Levels(rows.Select(r => r.Ci)), style, ratio, below, above, caption);
    }

    /// <summary>Forest plot of the rows of an effect-size table, with the no-effect line at 0: the table's estimates through
    /// <see cref="Forest(IEnumerable{IEstimate}, ForestOptions?, CohortPlotStyle?)"/> (rows labelled from their typed
    /// comparison, "favours" labels, n column, caption naming the interval and missing-data method).</summary>
    /// <param name="table">The effect sizes.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty.</exception>
    public static Plot Forest(EffectSizeTable table, CohortPlotStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Count == 0)
            throw new ArgumentException("table is empty: nothing to plot.", nameof(table));
        return Forest(table.Cast<IEstimate>(), null, style);
    }

    /// <summary>Forest plot of responder comparisons (each arm against the reference) from one or more responder analyses:
    /// risk difference, risk ratio or odds ratio, with the no-effect line at 0 (difference) or 1 (ratios).</summary>
    /// <remarks>
    /// <para>Rows are grouped by comparison ("Psilocybin 25 mg vs Placebo") and labelled by rule ("≥ 50% improvement"), in
    /// the order given, with the arms' sizes in the n column; parameter and visit join the row label when they differ
    /// between tables, else the axis title ("Difference in proportion responding, MADRS at Week 12"). Risk and odds ratios
    /// are drawn on a log axis (ticks at 1, 2, 5 per decade, labelled as ratios) so that halving and doubling look alike;
    /// the numbers on the right are the ratios. More responders favour treatment, so "favours" labels put treatment right of
    /// the no-effect line. The caption names the interval and the tables' missing-data methods and non-completer handling. A
    /// comparison whose estimate is not finite (a zero cell) shows "NA"/"Inf" and no interval.</para>
    /// </remarks>
    /// <param name="tables">Responder analyses, e.g. response, remission and sustained response at week 12.</param>
    /// <param name="measure">Default <see cref="RiskMeasure.RiskDifference"/>.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">No table has a comparison (each needs at least two arms).</exception>
    public static Plot Forest(IEnumerable<ResponderTable> tables, RiskMeasure measure = RiskMeasure.RiskDifference, CohortPlotStyle? style = null)
    {
        IReadOnlyList<ResponderTable> input = Require(tables, nameof(tables));
        style ??= CohortPlotStyle.Default;
        CohortPlotStyle s = style;
        // Long row labels squeeze the plot: what all tables share (parameter, visit) moves into the axis title.
        bool oneParameter = input.Select(t => t.Parameter).Distinct().Count() == 1, oneVisit = input.Select(t => t.Visit).Distinct().Count() == 1;
        string shared = (oneParameter, oneVisit) switch
        {
            (true, true) => $", {input[0].Parameter} at {InstrumentLabels.VisitName(input[0].Visit, s)}",
            (true, false) => $", {input[0].Parameter}",
            (false, true) => $", {InstrumentLabels.VisitName(input[0].Visit, s)}",
            _ => "",
        };
        string Label(ResponderTable t) => (oneParameter ? "" : t.Parameter + " ") + t.Rule.Replace(" from baseline", "", StringComparison.Ordinal)
            + (oneVisit ? "" : " at " + InstrumentLabels.VisitName(t.Visit, s));
        var rows = input.SelectMany(t => t.Comparisons.Select(c =>
        {
            RiskEstimate e = measure switch
            {
                RiskMeasure.RiskRatio => c.RiskRatio,
                RiskMeasure.OddsRatio => c.OddsRatio,
                _ => c.RiskDifference,
            };
            return (Row: new ForestRow(Label(t), $"{c.Treatment} vs {c.Reference}", e.Estimate, e.Ci.Lower, e.Ci.Upper, c.Counts.N), e.Ci, c.Treatment, c.Reference);
        })).ToList();
        if (rows.Count == 0)
            throw new ArgumentException("No responder table has a comparison between arms: nothing to plot.", nameof(tables));
        string label = measure switch
        {
            RiskMeasure.RiskRatio => "Risk ratio of responding",
            RiskMeasure.OddsRatio => "Odds ratio of responding",
            _ => "Difference in proportion responding",
        } + shared;
        bool ratio = measure != RiskMeasure.RiskDifference;
        (string? below, string? above) = FavoursText(ForestFavours.HigherFavoursTreatment,
            rows.Select(r => new Comparison { Arm = r.Treatment, ReferenceArm = r.Reference }).ToList());
        var caption = new List<string> { IntervalCaption(rows.Select(r => r.Ci)) };
        caption.AddRange(input.Select(t => $"Missing data: {t.MissingData.Describe()}; non-completers " +
            (t.NonCompleters == NonCompleterHandling.NonResponder ? "counted as non-responders." : "excluded (observed cases).")).Distinct());
        return DrawForest(rows.Select(r => r.Row).ToList(), ratio ? label + ", log scale" : label, ratio ? 1 : 0, "0.00",
            Levels(rows.Select(r => r.Ci)), style, ratio, below, above, caption);
    }

    /// <summary>Forest plot: one row per estimate with its confidence interval, a vertical line at no effect,
    /// row labels on the left, an n column when rows carry sizes, and "estimate [lower, upper]" on the right.</summary>
    /// <remarks>
    /// <para>Rows are drawn top to bottom in input order. Rows sharing a <see cref="ForestRow.Group"/> are gathered
    /// under a heading line in the order groups first appear. Use <paramref name="noEffect"/> = 1 for ratios
    /// (odds, risk, hazard); the axis stays linear. The top line holds the column headings ("n", "Estimate [95% CI]");
    /// group headings sit on a shaded band. With <paramref name="favoursBelow"/> and <paramref name="favoursAbove"/> the
    /// bottom line says which side of the no-effect line favours what ("← favours Psilocybin", "favours Placebo →").</para>
    /// </remarks>
    /// <param name="rows">Estimates to show.</param>
    /// <param name="estimateLabel">Horizontal axis title, e.g. "Difference in MADRS change vs placebo (points)".</param>
    /// <param name="noEffect">Position of the no-effect line: default 0 (differences, effect sizes); 1 for ratios.</param>
    /// <param name="numberFormat">.NET format for the numbers on the right, default "0.00"; formatted invariantly.</param>
    /// <param name="ciLevel">Confidence level named in the right-hand column title and the caption; default 0.95.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <param name="favoursBelow">What values below <paramref name="noEffect"/> favour, e.g. "Psilocybin 25 mg"; null for no label.</param>
    /// <param name="favoursAbove">What values above <paramref name="noEffect"/> favour, e.g. "Placebo"; null for no label.</param>
    /// <param name="ciMethod">How the intervals were computed, for the caption ("95% CI (t)"); null leaves the method unsaid.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty, or <paramref name="ciLevel"/> is not strictly
    /// between 0 and 1.</exception>
    public static Plot Forest(IEnumerable<ForestRow> rows, string estimateLabel = "Estimate", double noEffect = 0,
        string numberFormat = "0.00", double ciLevel = 0.95, CohortPlotStyle? style = null, string? favoursBelow = null,
        string? favoursAbove = null, CiMethod? ciMethod = null)
    {
        IReadOnlyList<ForestRow> input = Require(rows, nameof(rows));
        CheckLevel(ciLevel, nameof(ciLevel));
        string interval = ciMethod is { } m ? IntervalName(ciLevel, m)
            : string.Create(CultureInfo.InvariantCulture, $"{ciLevel * 100:0.##}% CI");
        return DrawForest(input, estimateLabel, noEffect, numberFormat, [ciLevel], style ?? CohortPlotStyle.Default, logScale: false,
            favoursBelow is null ? null : "← favours " + favoursBelow, favoursAbove is null ? null : "favours " + favoursAbove + " →",
            [$"Squares: estimates; lines: {interval}."]);
    }

    /// <summary>"Squares: estimates; lines: 95% CI (noncentral t)." for every distinct level and method.</summary>
    private static string IntervalCaption(IEnumerable<ConfidenceInterval> intervals) =>
        "Squares: estimates; lines: " + string.Join("; ", intervals.Select(ci => IntervalName(ci.Level, ci.Method)).Distinct()) + ".";

    private static IReadOnlyList<double> Levels(IEnumerable<ConfidenceInterval> intervals) =>
        intervals.Select(ci => ci.Level).Where(double.IsFinite).Distinct().ToList();

    /// <summary>The favoured side from the instrument: only when every row compares two arms on a registered instrument
    /// with an interval for continuous data (a proportion can measure response or harm, so it is not guessed).</summary>
    private static ForestFavours InferFavours(IReadOnlyList<IEstimate> rows)
    {
        var directions = new HashSet<ScoreDirection>();
        foreach (IEstimate row in rows)
        {
            Comparison c = row.Comparison;
            if (!c.IsBetweenArms || c.Variable is null || c.Parameter is null || IsProportionInterval(row.Ci.Method)
                || InstrumentRegistry.Default.Find(c.Parameter) is not { } instrument)
                return ForestFavours.None;
            directions.Add(instrument.Direction);
        }
        return directions.Count != 1 ? ForestFavours.None
            : directions.Single() == ScoreDirection.HigherIsWorse ? ForestFavours.LowerFavoursTreatment : ForestFavours.HigherFavoursTreatment;
    }

    private static bool IsProportionInterval(CiMethod method) => method is CiMethod.Wilson or CiMethod.ClopperPearson
        or CiMethod.AgrestiCoull or CiMethod.Wald or CiMethod.Newcombe or CiMethod.LogWald or CiMethod.ExactConditional or CiMethod.Transformed;

    /// <summary>"← favours Psilocybin 25 mg" and "favours Placebo →" (or "treatment"/"reference" when rows compare several arms).</summary>
    private static (string? Below, string? Above) FavoursText(ForestFavours favours, IReadOnlyList<Comparison> comparisons)
    {
        if (favours is ForestFavours.None or ForestFavours.Auto)
            return (null, null);
        string[] treatments = comparisons.Select(c => c.Arm).OfType<string>().Distinct().ToArray();
        string[] references = comparisons.Select(c => c.ReferenceArm).OfType<string>().Distinct().ToArray();
        string treatment = treatments.Length == 1 ? treatments[0] : "treatment";
        string reference = references.Length == 1 ? references[0] : "reference";
        (string below, string above) = favours == ForestFavours.LowerFavoursTreatment ? (treatment, reference) : (reference, treatment);
        return ("← favours " + below, "favours " + above + " →");
    }

    /// <summary>Ticks for a log10 ratio axis at 1-2-5 steps spanning [<paramref name="low"/>, <paramref name="high"/>]
    /// (log10 units), labelled with the ratio.</summary>
    private static ScottPlot.TickGenerators.NumericManual RatioTicks(double low, double high)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (double decade = Math.Floor(low); decade <= Math.Ceiling(high); decade++)
        {
            foreach (double step in (double[])[1, 2, 5])
            {
                double position = decade + Math.Log10(step);
                if (position >= low - 1e-9 && position <= high + 1e-9)
                    ticks.AddMajor(position, Math.Pow(10, position).ToString("0.###", CultureInfo.InvariantCulture));
            }
        }
        return ticks;
    }

    private static string Number(double x, string format) =>
        double.IsNaN(x) ? "NA" : double.IsPositiveInfinity(x) ? "Inf" : double.IsNegativeInfinity(x) ? "-Inf" : x.ToString(format, CultureInfo.InvariantCulture);

    private static string Sizes(GroupSizes? sizes) => sizes is not { } n ? ""
        : n.IsSingleGroup ? n.First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{n.First} vs {n.Second}");

    /// <summary>The forest layout. Columns, left to right: row labels, n, the plot, "estimate [CI]". Group headings are
    /// written inside the plot on a shaded band (not in the label column), so long comparison names take no width from the
    /// plot; with <paramref name="logScale"/> the axis is logarithmic (ratios), numbers stay as given.</summary>
    private static Plot DrawForest(IReadOnlyList<ForestRow> input, string estimateLabel, double noEffect, string numberFormat,
        IReadOnlyList<double> levels, CohortPlotStyle style, bool logScale, string? favoursBelow, string? favoursAbove,
        IReadOnlyList<string> caption)
    {
        // On a log axis, positions are log10 of the values; zero or negative ratios cannot be placed and are not drawn.
        double X(double value) => !logScale ? value : value > 0 ? Math.Log10(value) : double.NaN;
        Color ink = Color.FromHex(style.ArmColors[0]);
        Color band = Color.FromHex("#EFEFEF");
        bool sizes = input.Any(r => r.Sizes is not null);
        bool favours = favoursBelow is not null || favoursAbove is not null;

        // Lines top to bottom: the column headings, then per group a heading line and its rows, then the favours line.
        string columnHeading = levels.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"Estimate [{levels[0] * 100:0.##}% CI]") : "Estimate [CI]";
        var lines = new List<(string Label, string N, string Numbers, ForestRow? Row, string? Heading)> { ("", sizes ? "n" : "", columnHeading, null, null) };
        foreach (var group in input.GroupBy(r => r.Group))
        {
            if (!string.IsNullOrEmpty(group.Key))
                lines.Add(("", "", "", null, group.Key));
            foreach (ForestRow row in group)
                lines.Add((row.Label, Sizes(row.Sizes),
                    $"{Number(row.Estimate, numberFormat)} [{Number(row.Lower, numberFormat)}, {Number(row.Upper, numberFormat)}]", row, null));
        }
        int count = lines.Count;
        double bottom = favours ? -1 : 0;

        // Horizontal range: every finite bound and the no-effect line; with favours labels, room on both sides of it.
        double[] positions = input.SelectMany(r => new[] { X(r.Lower), X(r.Estimate), X(r.Upper) }).Append(X(noEffect)).Where(double.IsFinite).ToArray();
        double low = positions.Min(), high = positions.Max();
        if (high - low <= 0) { low -= 1; high += 1; }
        if (favours)
        {
            // Each label needs room on its side of the line: keep the line between a third and two thirds of the width.
            double line = X(noEffect);
            low = Math.Min(low, line - 0.5 * (high - line));
            high = Math.Max(high, line + 0.5 * (line - low));
        }
        double pad = 0.05 * (high - low);
        low -= pad; high += pad;

        var plot = new Plot();
        plot.Add.VerticalLine(X(noEffect), 1.5f, Colors.Black.WithAlpha(0.6), LinePattern.Dashed).ExcludeFromLegend = true;

        var labelTicks = new ScottPlot.TickGenerators.NumericManual();
        var sizeTicks = new ScottPlot.TickGenerators.NumericManual();
        var numberTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < count; i++)
        {
            double y = count - 1 - i;
            var (label, n, numbers, row, heading) = lines[i];
            labelTicks.AddMajor(y, label);
            sizeTicks.AddMajor(y, n);
            numberTicks.AddMajor(y, numbers);
            if (heading is not null)
            {
                // Tick labels cannot be bold, so a heading is bold text on a shaded band, drawn over the no-effect line.
                plot.Add.VerticalSpan(y - 0.5, y + 0.5, band).LineWidth = 0;
                var text = plot.Add.Text(heading, low, y);
                text.LabelStyle.Alignment = Alignment.MiddleLeft;
                text.LabelStyle.Bold = true;
                text.LabelStyle.BackgroundColor = band;
                text.LabelStyle.OffsetX = 4;
                continue;
            }
            if (row is null)
                continue;
            // A row that could not be estimated keeps its line ("NA") but draws nothing; an infinite bound (an odds ratio with
            // a zero cell) draws the finite part of the interval only.
            double estimate = X(row.Estimate);
            if (!double.IsFinite(estimate))
                continue;
            double lower = double.IsFinite(X(row.Lower)) ? X(row.Lower) : estimate, upper = double.IsFinite(X(row.Upper)) ? X(row.Upper) : estimate;
            var bar = plot.Add.ErrorBar([estimate], [y], [0.0]);
            bar.XErrorNegative = [estimate - lower];
            bar.XErrorPositive = [upper - estimate];
            bar.YErrorNegative = [0.0];
            bar.YErrorPositive = [0.0];
            bar.Color = ink;
            bar.LineWidth = 2;
            bar.CapSize = 8;
            var marker = plot.Add.Scatter(estimate, y, ink);
            marker.MarkerShape = MarkerShape.FilledSquare;
            marker.MarkerSize = 11;
        }
        if (favours)
        {
            foreach ((string? text, Alignment alignment, float offset) in new[] { (favoursBelow, Alignment.MiddleRight, -6f), (favoursAbove, Alignment.MiddleLeft, 6f) })
            {
                if (text is null) continue;
                var label = plot.Add.Text(text, X(noEffect), bottom);
                label.LabelStyle.Alignment = alignment;
                label.LabelStyle.OffsetX = offset;
                label.LabelStyle.ForeColor = Colors.Black.WithAlpha(0.75);
            }
        }

        // The default left axis (next to the plot) carries n; a second left axis, further out, the row labels.
        IYAxis labelAxis = plot.Axes.Left;
        if (sizes)
        {
            plot.Axes.Left.TickGenerator = sizeTicks;
            labelAxis = plot.Axes.AddLeftAxis();
        }
        labelAxis.TickGenerator = labelTicks;
        foreach (IYAxis axis in new[] { plot.Axes.Left, labelAxis, plot.Axes.Right })
        {
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
            plot.Axes.SetLimitsY(bottom - 0.6, count - 0.4, axis);
        }
        if (sizes) labelAxis.FrameLineStyle.Width = 0;
        plot.Axes.Right.TickGenerator = numberTicks;
        plot.Axes.Right.IsVisible = true;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Axes.SetLimitsX(low, high);

        if (logScale)
            plot.Axes.Bottom.TickGenerator = RatioTicks(low, high);
        PlotStyling.AxisTitle(plot, estimateLabel);
        return PlotStyling.Apply(plot, style, caption);
    }
}
