using System.Buffers.Binary;
using System.Reflection;
using System.Text.RegularExpressions;
using CohortAnalysis.Interactive;
using CohortAnalysis.Plotting;
using CohortAnalysis.Tests.Plotting;
using Xunit;

namespace CohortAnalysis.Tests.Interactive;

public class NotebookDisplayTests
{
    private static readonly DemoChangeTable Demo = new([("Placebo", 17, -7.0, 2.6), ("Psilocybin 25 mg", 17, -15.1, 2.4), ("Open label <pilot>", 1, -9.0, double.NaN)]);

    // Source: Interactive/Expected/demo-change-table.html, reviewed by eye in a notebook. Exact text match.
    [Fact]
    public void TableHtml_DemoResult_MatchesStoredHtml()
    {
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Interactive", "Expected", "demo-change-table.html"));
        Assert.Equal(expected.TrimEnd('\n'), NotebookDisplay.TableHtml(Demo));
    }

    [Fact]
    public void TableHtml_EncodesMarkupInCellsAndNotes()
    {
        string html = NotebookDisplay.TableHtml(Demo);
        Assert.Contains("Open label &lt;pilot&gt;", html);
        Assert.Contains("Arm &lt;n = 2&gt; &amp; others", html);
        Assert.DoesNotContain("<pilot>", html);
    }

    [Fact]
    public void TableViewCreate_RowOfWrongWidth_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => TableView.Create("t", [new("A"), new("B")], [["1", "2"], ["3"]]));
        Assert.StartsWith("Row 2 has 1 cells but the table has 2 columns.", error.Message);
    }

    [Fact]
    public void PlotPngBase64_IsPngOfInlineSize()
    {
        byte[] png = Convert.FromBase64String(NotebookDisplay.PlotPngBase64(CohortPlots.Forest(PlotFixtures.ForestRows())));
        Assert.Equal(0x89, png[0]);
        Assert.Equal(NotebookDisplay.PlotWidth, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(NotebookDisplay.PlotHeight, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>extension.dib is C# compiled only inside a notebook: check here that what it calls still exists.</summary>
    [Fact]
    public void ExtensionScript_CallsExistingPublicMembers()
    {
        string script = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "src", "CohortAnalysis.Interactive", "extension.dib"));
        MatchCollection calls = Regex.Matches(script, @"CohortAnalysis\.Interactive\.NotebookDisplay\.(\w+)\(");
        Assert.NotEmpty(calls);
        foreach (Match call in calls)
            Assert.NotNull(typeof(NotebookDisplay).GetMethod(call.Groups[1].Value, BindingFlags.Public | BindingFlags.Static));
        Assert.Contains("Formatter.Register<CohortAnalysis.ITabular>", script);
        Assert.Contains("Formatter.Register<ScottPlot.Plot>", script);
        Assert.Contains("Formatter.Register<CohortAnalysis.IEstimate>", script);
        Assert.Contains("Formatter.Register<System.Collections.Generic.IEnumerable<CohortAnalysis.IEstimate>>", script);
        Assert.Contains("Formatter.Register<Microsoft.Data.Analysis.DataFrame>", script);
    }
}
