using ScottPlot;

namespace CohortAnalysis.Interactive;

/// <summary>What the notebook formatters show for each kind of value; called by the package's <c>extension.dib</c>.</summary>
/// <remarks>
/// <para>Kept free of .NET Interactive types on purpose: the extension script registers these functions with the
/// notebook kernel's own <c>Formatter</c>, so this assembly works with whichever .NET Interactive version hosts it,
/// and the same renderings serve other hosts (HTML reports, tests).</para>
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

    /// <summary>A plot as a base64-encoded PNG, the form notebooks store under the <c>image/png</c> MIME type.</summary>
    /// <param name="plot">The figure.</param>
    /// <returns>Base64 text of a <see cref="PlotWidth"/> × <see cref="PlotHeight"/> PNG.</returns>
    public static string PlotPngBase64(Plot plot) =>
        Convert.ToBase64String(Plotting.CohortPlots.ToPng(plot, PlotWidth, PlotHeight));
}
