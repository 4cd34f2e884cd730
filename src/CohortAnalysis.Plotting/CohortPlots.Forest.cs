using System.Globalization;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Responders;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Forest plot of the rows of an effect-size table, with the no-effect line at 0.</summary>
    /// <remarks>
    /// <para>One row per <see cref="LabelledEffectSize"/>, labelled by its <see cref="LabelledEffectSize.Label"/>, in table
    /// order. When every label reads "row: group" (as <see cref="EffectSizeAnalysis.ByVisit"/> writes "MADRS Week 6:
    /// Psilocybin 25 mg vs Placebo"), rows are gathered under the group as a heading and labelled by the part before the
    /// colon. The axis is named after the index when all rows share one (e.g. "Hedges' g"), otherwise "Effect size". A row
    /// that could not be estimated shows "NA" and no interval.</para>
    /// </remarks>
    /// <param name="table">The effect sizes.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty.</exception>
    public static Plot Forest(EffectSizeTable table, CohortPlotStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Count == 0)
            throw new ArgumentException("table is empty: nothing to plot.", nameof(table));
        string[] names = table.Select(r => r.Estimate.Name).Distinct().ToArray();
        double level = table.Select(r => r.Estimate.Ci.Level).FirstOrDefault(double.IsFinite, 0.95);
        // Labels shaped "MADRS Week 6: Psilocybin 25 mg vs Placebo" (as EffectSizeAnalysis.ByVisit writes them) become
        // a group heading (the comparison or arm) with short row labels, instead of one long repeated label per row.
        bool grouped = table.All(r => r.Label.Contains(": ", StringComparison.Ordinal));
        ForestRow Row(LabelledEffectSize r)
        {
            int colon = r.Label.IndexOf(": ", StringComparison.Ordinal);
            return grouped
                ? new ForestRow(r.Label[..colon], r.Label[(colon + 2)..], r.Estimate.Value, r.Estimate.Ci.Lower, r.Estimate.Ci.Upper)
                : new ForestRow(r.Label, null, r.Estimate.Value, r.Estimate.Ci.Lower, r.Estimate.Ci.Upper);
        }
        return Forest(table.Select(Row),
            names.Length == 1 ? names[0] : "Effect size", 0, "0.00", level, style);
    }

    /// <summary>Forest plot of responder comparisons (each arm against the reference) from one or more responder analyses:
    /// risk difference, risk ratio or odds ratio, with the no-effect line at 0 (difference) or 1 (ratios).</summary>
    /// <remarks>
    /// <para>Rows are grouped by comparison ("Psilocybin 25 mg vs Placebo") and labelled by rule ("≥ 50% improvement"), in
    /// the order given; parameter and visit join the row label when they differ between tables, else the axis title
    /// ("Difference in proportion responding, MADRS at Week 12"). Risk and odds ratios are drawn on a log axis (ticks at
    /// 1, 2, 5 per decade, labelled as ratios) so that halving and doubling look alike; the numbers on the right are the
    /// ratios. A comparison whose estimate is not finite (a zero cell) shows "NA"/"Inf" and no interval.</para>
    /// </remarks>
    /// <param name="tables">Responder analyses, e.g. response, remission and sustained response at week 12.</param>
    /// <param name="measure">Default <see cref="RiskMeasure.RiskDifference"/>.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">No table has a comparison (each needs at least two arms).</exception>
    public static Plot Forest(IEnumerable<ResponderTable> tables, RiskMeasure measure = RiskMeasure.RiskDifference, CohortPlotStyle? style = null)
    {
        IReadOnlyList<ResponderTable> input = Require(tables, nameof(tables));
        // Long row labels squeeze the plot: what all tables share (parameter, visit) moves into the axis title.
        bool oneParameter = input.Select(t => t.Parameter).Distinct().Count() == 1, oneVisit = input.Select(t => t.Visit).Distinct().Count() == 1;
        string shared = (oneParameter, oneVisit) switch
        {
            (true, true) => $", {input[0].Parameter} at {input[0].Visit.DisplayName}",
            (true, false) => $", {input[0].Parameter}",
            (false, true) => $", {input[0].Visit.DisplayName}",
            _ => "",
        };
        string Label(ResponderTable t) => (oneParameter ? "" : t.Parameter + " ") + t.Rule.Replace(" from baseline", "", StringComparison.Ordinal)
            + (oneVisit ? "" : " at " + t.Visit.DisplayName);
        var rows = input.SelectMany(t => t.Comparisons.Select(c =>
        {
            RiskEstimate e = measure switch
            {
                RiskMeasure.RiskRatio => c.RiskRatio,
                RiskMeasure.OddsRatio => c.OddsRatio,
                _ => c.RiskDifference,
            };
            return (Row: new ForestRow(Label(t), $"{c.Treatment} vs {c.Reference}",
                e.Value, e.Ci.Lower, e.Ci.Upper), e.Ci.Level);
        })).ToList();
        if (rows.Count == 0)
            throw new ArgumentException("No responder table has a comparison between arms: nothing to plot.", nameof(tables));
        string label = measure switch
        {
            RiskMeasure.RiskRatio => "Risk ratio of responding",
            RiskMeasure.OddsRatio => "Odds ratio of responding",
            _ => "Difference in proportion responding",
        } + shared;
        double level = rows.Select(r => r.Level).FirstOrDefault(double.IsFinite, 0.95);
        bool ratio = measure != RiskMeasure.RiskDifference;
        return DrawForest(rows.Select(r => r.Row).ToList(), ratio ? label + ", log scale" : label, ratio ? 1 : 0, "0.00", level, style, logScale: ratio);
    }

    /// <summary>Ticks for a log10 ratio axis at 1-2-5 steps spanning the finite positive values, labelled with the ratio.</summary>
    private static ScottPlot.TickGenerators.NumericManual RatioTicks(IEnumerable<double> values)
    {
        double[] positive = values.Where(v => double.IsFinite(v) && v > 0).ToArray();
        double low = Math.Floor(Math.Log10(positive.Min())), high = Math.Ceiling(Math.Log10(positive.Max()));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (double decade = low; decade <= high; decade++)
        {
            foreach (double step in (double[])[1, 2, 5])
            {
                double value = step * Math.Pow(10, decade);
                ticks.AddMajor(Math.Log10(value), value.ToString("0.###", CultureInfo.InvariantCulture));
            }
        }
        return ticks;
    }

    private static string Number(double x, string format) =>
        double.IsNaN(x) ? "NA" : double.IsPositiveInfinity(x) ? "Inf" : double.IsNegativeInfinity(x) ? "-Inf" : x.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Forest plot: one row per estimate with its confidence interval, a vertical line at no effect,
    /// row labels on the left and "estimate [lower, upper]" on the right.</summary>
    /// <remarks>
    /// <para>Rows are drawn top to bottom in input order. Rows sharing a <see cref="ForestRow.Group"/> are gathered
    /// under a heading line in the order groups first appear. Use <paramref name="noEffect"/> = 1 for ratios
    /// (odds, risk, hazard); the axis stays linear. The top line is the column heading of the numbers
    /// ("Estimate [95% CI]"); group headings sit on a shaded band.</para>
    /// </remarks>
    /// <param name="rows">Estimates to show.</param>
    /// <param name="estimateLabel">Horizontal axis title, e.g. "Difference in MADRS change vs placebo (points)".</param>
    /// <param name="noEffect">Position of the no-effect line: default 0 (differences, effect sizes); 1 for ratios.</param>
    /// <param name="numberFormat">.NET format for the numbers on the right, default "0.00"; formatted invariantly.</param>
    /// <param name="ciLevel">Confidence level named in the right-hand column title; default 0.95.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty.</exception>
    public static Plot Forest(IEnumerable<ForestRow> rows, string estimateLabel = "Estimate", double noEffect = 0,
        string numberFormat = "0.00", double ciLevel = 0.95, CohortPlotStyle? style = null) =>
        DrawForest(Require(rows, nameof(rows)), estimateLabel, noEffect, numberFormat, ciLevel, style, logScale: false);

    /// <summary>The forest layout; with <paramref name="logScale"/> the axis is logarithmic (ratios), numbers stay as given.</summary>
    private static Plot DrawForest(IReadOnlyList<ForestRow> input, string estimateLabel, double noEffect, string numberFormat,
        double ciLevel, CohortPlotStyle? style, bool logScale)
    {
        // On a log axis, positions are log10 of the values; zero or negative ratios cannot be placed and are not drawn.
        double X(double value) => !logScale ? value : value > 0 ? Math.Log10(value) : double.NaN;
        style ??= CohortPlotStyle.Default;
        Color ink = Color.FromHex(style.ArmColors[0]);

        // Lay out lines top to bottom: a column heading, then per group a heading line and its rows (indented).
        string columnHeading = string.Create(CultureInfo.InvariantCulture, $"Estimate [{ciLevel * 100:0.##}% CI]");
        var lines = new List<(string Left, string Right, ForestRow? Row)> { ("", columnHeading, null) };
        foreach (var group in input.GroupBy(r => r.Group))
        {
            bool heading = !string.IsNullOrEmpty(group.Key);
            if (heading)
                lines.Add((group.Key!, "", null));
            foreach (ForestRow row in group)
            {
                string numbers = $"{Number(row.Estimate, numberFormat)} [{Number(row.Lower, numberFormat)}, {Number(row.Upper, numberFormat)}]";
                lines.Add((heading ? "   " + row.Label : row.Label, numbers, row));
            }
        }

        var plot = new Plot();
        var left = new ScottPlot.TickGenerators.NumericManual();
        var right = new ScottPlot.TickGenerators.NumericManual();
        int count = lines.Count;
        for (int i = 0; i < count; i++)
        {
            double y = count - 1 - i;
            (string leftText, string rightText, ForestRow? row) = lines[i];
            left.AddMajor(y, leftText);
            right.AddMajor(y, rightText);
            if (row is null)
            {
                // Tick labels cannot be bold, so group headings get a shaded band to read as section headers.
                if (leftText.Length > 0)
                    plot.Add.VerticalSpan(y - 0.5, y + 0.5, Colors.Black.WithAlpha(0.06)).LineWidth = 0;
                continue;
            }
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

        plot.Add.VerticalLine(X(noEffect), 1.5f, Colors.Black.WithAlpha(0.6), LinePattern.Dashed).ExcludeFromLegend = true;

        plot.Axes.Left.TickGenerator = left;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Right.TickGenerator = right;
        plot.Axes.Right.MajorTickStyle.Length = 0;
        plot.Axes.Right.IsVisible = true;
        plot.Axes.SetLimitsY(-0.6, count - 0.4, plot.Axes.Left);
        plot.Axes.SetLimitsY(-0.6, count - 0.4, plot.Axes.Right);
        plot.Grid.YAxisStyle.IsVisible = false;

        if (logScale)
            plot.Axes.Bottom.TickGenerator = RatioTicks(input.SelectMany(r => new[] { r.Lower, r.Estimate, r.Upper, noEffect }));
        plot.XLabel(estimateLabel);
        return PlotStyling.Apply(plot, style);
    }
}
