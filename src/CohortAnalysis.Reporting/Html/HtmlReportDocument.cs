using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

namespace CohortAnalysis.Reporting.Html;

/// <summary>The report as an AngleSharp DOM under construction: every element is created and appended as a node and
/// every text is set as text content, so the serialiser escapes it; nothing of the structure is written as markup.</summary>
internal sealed class HtmlReportDocument
{
    private readonly IDocument _document;

    public HtmlReportDocument(string title, string css)
    {
        _document = new HtmlParser().ParseDocument("");
        _document.InsertBefore(_document.Implementation.CreateDocumentType("html", "", ""), _document.DocumentElement);
        _document.DocumentElement.SetAttribute("lang", "en");
        IElement head = _document.Head!;
        IElement charset = _document.CreateElement("meta");
        charset.SetAttribute("charset", "utf-8");
        head.AppendChild(charset);
        IElement viewport = _document.CreateElement("meta");
        head.AppendChild(viewport);
        viewport.SetAttribute("name", "viewport");
        viewport.SetAttribute("content", "width=device-width, initial-scale=1");
        Append(head, "title", title);
        Append(head, "style", css);
        Main = Append(_document.Body!, "main");
    }

    /// <summary>The element sections are appended to.</summary>
    public IElement Main { get; }

    /// <summary>A new element with optional class and text, appended to <paramref name="parent"/> and followed by a line
    /// break in the file (block elements only, so the file is readable and diffable).</summary>
    public IElement Append(INode parent, string tag, string? text = null, string? className = null)
    {
        IElement element = _document.CreateElement(tag);
        if (className is not null) element.ClassName = className;
        if (text is not null) element.TextContent = text;
        parent.AppendChild(element);
        if (parent is IElement { LocalName: not ("p" or "li" or "td" or "th" or "caption" or "figcaption" or "h1" or "h2" or "h3" or "a" or "span" or "code" or "dd" or "dt") })
            parent.AppendChild(_document.CreateTextNode("\n"));
        return element;
    }

    /// <summary>A definition list of facts (term, value, optional class of the value), appended to <paramref name="parent"/>.</summary>
    public IElement Facts(INode parent, IEnumerable<(string Term, string Value, string? ClassName)> facts)
    {
        IElement list = Append(parent, "dl", className: "facts");
        foreach (var (term, value, className) in facts)
        {
            Append(list, "dt", term);
            Append(list, "dd", value, className);
        }
        return list;
    }

    /// <summary>A text node appended to <paramref name="parent"/>.</summary>
    public void Text(INode parent, string text) => parent.AppendChild(_document.CreateTextNode(text));

    /// <summary>An element whose children are parsed from markup produced by a library (ScottPlot's SVG), not by us.</summary>
    public IElement AppendForeign(INode parent, string tag, string markup)
    {
        IElement element = Append(parent, tag);
        element.InnerHtml = markup;
        return element;
    }

    /// <summary>The document as HTML5 text.</summary>
    public string Serialize() => _document.ToHtml(HtmlMarkupFormatter.Instance);
}
