using System.Globalization;
using AngleSharp.Dom;
using CohortAnalysis.Plotting;
using ScottPlot;

namespace CohortAnalysis.Reporting.Html;

/// <summary>Writes a ScottPlot figure as inline SVG in a captioned <c>figure</c>: ids made unique in the document (each
/// SVG numbers its clip paths from 0), the canvas scaled to the page through its viewBox.</summary>
internal sealed class HtmlFigures(HtmlReportDocument html, IProgress<ReportProgress>? progress, int total)
{
    /// <summary>Canvas size of every figure, in CSS pixels; the page scales it to its width.</summary>
    public const int Width = 760, Height = 470;

    private int _count;

    public int Count => _count;

    public IElement Write(INode parent, string id, Func<Plot> plot, string caption, int height = Height)
    {
        progress?.Report(new ReportProgress(id, _count, total));
        _count++;
        IElement figure = html.Append(parent, "figure", className: "plot");
        figure.Id = id;
        string svg = CohortPlots.ToSvg(plot(), Width, height);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        IElement holder = html.AppendForeign(figure, "div", start > 0 ? svg[start..] : svg);
        holder.ClassName = "svg";
        IElement root = holder.QuerySelector("svg") ?? throw new InvalidOperationException($"Figure {id}: ScottPlot returned no SVG element.");
        Scope(root, id + "-");
        if (!root.HasAttribute("viewBox"))
            root.SetAttribute("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {height}"));
        root.RemoveAttribute("width");
        root.RemoveAttribute("height");
        root.SetAttribute("role", "img");
        root.SetAttribute("aria-label", caption);
        html.Append(figure, "figcaption", caption);
        return figure;
    }

    // Every id gets the figure's prefix, and every reference to it (url(#id), href="#id") follows.
    private static void Scope(IElement svg, string prefix)
    {
        var ids = svg.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        if (ids.Count == 0) return;
        foreach (IElement element in svg.QuerySelectorAll("*").Prepend(svg))
        {
            if (element.Id is { } id && ids.Contains(id)) element.Id = prefix + id;
            foreach (IAttr attribute in element.Attributes.ToArray())
            {
                if (attribute.Name == "id") continue;
                string value = attribute.Value, scoped = value;
                foreach (string old in ids)
                {
                    scoped = scoped.Replace("url(#" + old + ")", "url(#" + prefix + old + ")", StringComparison.Ordinal);
                    if (scoped == "#" + old) scoped = "#" + prefix + old;
                }
                if (!ReferenceEquals(scoped, value) && scoped != value) element.SetAttribute(attribute.NamespaceUri, attribute.Name, scoped);
            }
        }
    }
}
