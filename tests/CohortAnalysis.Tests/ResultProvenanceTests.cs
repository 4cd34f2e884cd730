using CohortAnalysis.Change;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Instruments;
using CohortAnalysis.Responders;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Tests;

/// <summary>Cohort-level results carry the load's data-quality report and say in their text how many rows they used.</summary>
public class ResultProvenanceTests
{
    private static readonly Cohort Demo = DemoTrial.Load();
    private const string DataLine = "Data: 1138 observations used, 0 rows excluded at load (11 data-quality issues; see Report).";

    [Fact]
    public void ChangeSummary_CarriesTheReport() =>
        Assert.Contains(DataLine, ChangeFromBaseline.Summarize(Demo).ToTableView().Notes);

    [Fact]
    public void ResponderTable_CarriesTheReport()
    {
        ResponderTable table = ResponderAnalysis.Analyze(Trajectories.Of(Demo, "MADRS"), ResponderRule.Response(Instrument.Madrs), 12);
        Assert.Same(Demo.Report, table.Report);
        Assert.Contains(DataLine, table.ToTableView().Notes);
    }

    [Fact]
    public void EffectSizeTable_CarriesTheReport()
    {
        EffectSizeTable table = EffectSizeAnalysis.ByVisit(Demo);
        Assert.Same(Demo.Report, table.Report);
        Assert.Contains(DataLine, table.ToTableView().Notes);
    }
}
