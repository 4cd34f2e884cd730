using CohortAnalysis.Rendering;
using Microsoft.Data.Analysis;
using ScottPlot;

namespace CohortAnalysis.Interactive;

/// <summary>What the notebook formatters show for each kind of value; called by the package's <c>extension.dib</c>.</summary>
/// <remarks>
/// <para>Kept free of .NET Interactive types on purpose: the extension script registers these functions with the
/// notebook kernel's own <c>Formatter</c>, so this assembly works with whichever .NET Interactive version hosts it,
/// and the same renderings serve other hosts (HTML reports, tests).</para>
/// <para>Every table goes through one path: a <see cref="TableView"/> (from the result itself, from the shared estimate
/// renderer <see cref="EstimateText"/>, or from <see cref="DataFrameView"/>) rendered by <see cref="HtmlTable"/>.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class NotebookDisplay
{
    /// <summary>Width in pixels of plots shown inline; 800 fits a notebook column at 100 % zoom.</summary>
    public const int PlotWidth = 800;

    /// <summary>Height in pixels of plots shown inline.</summary>
    public const int PlotHeight = 500;

    /// <summary>HTML for any result that implements <see cref="ITabular"/>.</summary>
    /// <param name="value">The result.</param>
    /// <returns>An HTML table fragment.</returns>
    public static string TableHtml(ITabular value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return HtmlTable.Render(value.ToTableView());
    }

    /// <summary>HTML for one estimate, through the shared renderer: its comparison, value, CI (level in the header), n, and
    /// notes with the method, the reference and how the reference arm was chosen.</summary>
    /// <param name="estimate">Any estimate.</param>
    /// <returns>An HTML table fragment titled with the estimate's name.</returns>
    public static string EstimateHtml(IEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return HtmlTable.Render(EstimateText.ToTableView(estimate.Name, [estimate]));
    }

    /// <summary>HTML for many estimates, one row each, through the shared renderer.</summary>
    /// <param name="estimates">Any estimates, in display order.</param>
    /// <returns>An HTML table fragment titled with the estimates' name when they share one, else "Estimates".</returns>
    public static string EstimatesHtml(IEnumerable<IEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        IEstimate[] rows = estimates.ToArray();
        string[] names = rows.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToArray();
        return HtmlTable.Render(EstimateText.ToTableView(names.Length == 1 ? names[0] : "Estimates", rows));
    }

    /// <summary>HTML for a DataFrame: a table of its columns and first rows (see <see cref="DataFrameView"/>).</summary>
    /// <param name="frame">The frame, e.g. from <see cref="EstimateFrame.From"/>.</param>
    /// <returns>An HTML table fragment.</returns>
    public static string DataFrameHtml(DataFrame frame) => HtmlTable.Render(DataFrameView.From(frame));

    /// <summary>A plot as a base64-encoded PNG, the form notebooks store under the <c>image/png</c> MIME type.</summary>
    /// <param name="plot">The figure.</param>
    /// <returns>Base64 text of a <see cref="PlotWidth"/> × <see cref="PlotHeight"/> PNG.</returns>
    public static string PlotPngBase64(Plot plot) =>
        Convert.ToBase64String(Plotting.CohortPlots.ToPng(plot, PlotWidth, PlotHeight));
}
