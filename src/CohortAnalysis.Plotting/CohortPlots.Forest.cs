using System.Globalization;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
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
        string numberFormat = "0.00", double ciLevel = 0.95, CohortPlotStyle? style = null)
    {
        IReadOnlyList<ForestRow> input = Require(rows, nameof(rows));
        style ??= CohortPlotStyle.Default;
        Color ink = Color.FromHex(style.ArmColors[0]);

        // Lay out lines top to bottom: a column heading, then per group a heading line and its rows (indented).
        string columnHeading = string.Create(CultureInfo.InvariantCulture, $"Estimate [{ciLevel * 100:0.##}% CI]");
        var lines = new List<(string Left, string Right, ForestRow? Row)> { ("", columnHeading, null) };
        foreach (var group in input.GroupBy(r => r.Group))
        {
            if (group.Key is not null)
                lines.Add((group.Key, "", null));
            foreach (ForestRow row in group)
            {
                string numbers = string.Create(CultureInfo.InvariantCulture,
                    $"{row.Estimate.ToString(numberFormat, CultureInfo.InvariantCulture)} [{row.Lower.ToString(numberFormat, CultureInfo.InvariantCulture)}, {row.Upper.ToString(numberFormat, CultureInfo.InvariantCulture)}]");
                lines.Add((group.Key is null ? row.Label : "   " + row.Label, numbers, row));
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
            var bar = plot.Add.ErrorBar([row.Estimate], [y], [0.0]);
            bar.XErrorNegative = [row.Estimate - row.Lower];
            bar.XErrorPositive = [row.Upper - row.Estimate];
            bar.YErrorNegative = [0.0];
            bar.YErrorPositive = [0.0];
            bar.Color = ink;
            bar.LineWidth = 2;
            bar.CapSize = 8;
            var marker = plot.Add.Scatter(row.Estimate, y, ink);
            marker.MarkerShape = MarkerShape.FilledSquare;
            marker.MarkerSize = 11;
        }

        plot.Add.VerticalLine(noEffect, 1.5f, Colors.Black.WithAlpha(0.6), LinePattern.Dashed).ExcludeFromLegend = true;

        plot.Axes.Left.TickGenerator = left;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Right.TickGenerator = right;
        plot.Axes.Right.MajorTickStyle.Length = 0;
        plot.Axes.Right.IsVisible = true;
        plot.Axes.SetLimitsY(-0.6, count - 0.4, plot.Axes.Left);
        plot.Axes.SetLimitsY(-0.6, count - 0.4, plot.Axes.Right);
        plot.Grid.YAxisStyle.IsVisible = false;

        plot.XLabel(estimateLabel);
        return PlotStyling.Apply(plot, style);
    }
}
