using System.Globalization;
using CohortAnalysis.Interactive;
using CohortAnalysis.Tests.Plotting;
using Microsoft.Data.Analysis;
using Xunit;

namespace CohortAnalysis.Tests.Interactive;

/// <summary>Notebook display of estimates (through the shared renderer) and of DataFrames (as tables, not object trees).</summary>
public class EstimateDisplayTests
{
    private static string Expected(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Interactive", "Expected", name)).TrimEnd('\n');

    private static TestEstimate[] Rows() =>
    [
        TestEstimate.HedgesG("MADRS", new Visit(6, "Week 6"), -1.2),
        TestEstimate.HedgesG("MADRS", new Visit(12, null), -0.9, 37, 35),
    ];

    // Source: Interactive/Expected/estimates.html, reviewed by eye. Exact text match.
    [Fact]
    public void EstimatesHtml_MatchesStoredHtml()
    {
        Assert.Equal(Expected("estimates.html"), NotebookDisplay.EstimatesHtml(Rows()));
    }

    [Fact]
    public void EstimateHtml_IsTheOneRowTableOfTheSharedRenderer()
    {
        string html = NotebookDisplay.EstimateHtml(Rows()[0]);
        Assert.Equal(HtmlTable.Render(CohortAnalysis.Rendering.EstimateText.ToTableView("Hedges' g", [Rows()[0]])), html);
        Assert.Contains("Psilocybin 25 mg vs Placebo", html);
        Assert.Contains("95% CI", html);
    }

    // Source: Interactive/Expected/dataframe.html, reviewed by eye. Exact text match.
    [Fact]
    public void DataFrameHtml_MatchesStoredHtml_UnderAnyCulture()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("arm", ["Placebo", "Psilocybin <25 mg>", null]),
            new DoubleDataFrameColumn("estimate", [-6.25, double.NaN, 1.23456789e-5]),
            new Int32DataFrameColumn("n", [40, 38, null]));
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(Expected("dataframe.html"), NotebookDisplay.DataFrameHtml(frame));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void DataFrameView_LongFrame_ShowsFirstRowsAndSaysSo()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("i", Enumerable.Range(0, 250)));
        TableView view = DataFrameView.From(frame);
        Assert.Equal(DataFrameView.MaxRows, view.Rows.Count);
        Assert.Equal("DataFrame: 250 rows × 1 columns", view.Title);
        Assert.Equal(["Showing the first 100 of 250 rows."], view.Notes);
        Assert.True(view.Columns[0].Numeric);
    }
}
