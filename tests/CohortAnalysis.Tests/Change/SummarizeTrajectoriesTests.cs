using CohortAnalysis.Change;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Change;

/// <summary>Issue 16: summaries of grids built once (and reused for the tests) are the summaries of the cohort.</summary>
public sealed class SummarizeTrajectoriesTests
{
    [Theory]
    [InlineData(MissingDataMethod.ObservedCases)]
    [InlineData(MissingDataMethod.Locf)]
    public void Summarize_Grids_SameTableAsSummarizeCohort(MissingDataMethod method)
    {
        Cohort cohort = DemoTrial.Load();
        var options = new ChangeSummaryOptions { MissingData = method };
        Trajectories[] grids = cohort.Parameters.Select(p => Trajectories.Of(cohort, p, method)).ToArray();
        ChangeSummaryTable fromCohort = ChangeFromBaseline.Summarize(cohort, options);
        ChangeSummaryTable fromGrids = ChangeFromBaseline.Summarize(grids, options);
        Assert.Equal(fromCohort.ToString(), fromGrids.ToString());
        Assert.Equal(fromCohort.ImputedCount, fromGrids.ImputedCount);
        Assert.Equal(fromCohort.Rows.Count, fromGrids.Rows.Count);
        Assert.True(fromCohort.Rows.Count > 0);
    }

    [Fact]
    public void Summarize_GridsOfAnotherMethod_Throws()
    {
        Cohort cohort = DemoTrial.Load();
        Trajectories[] grids = [Trajectories.Of(cohort, cohort.Parameters[0], MissingDataMethod.Locf)];
        var e = Assert.Throws<ArgumentException>(() => ChangeFromBaseline.Summarize(grids, ChangeSummaryOptions.Default));
        Assert.Contains("missing-data method", e.Message);
        Assert.Throws<ArgumentException>(() => ChangeFromBaseline.Summarize(Array.Empty<Trajectories>()));
    }

    [Fact]
    public void Summarize_GridsOfTwoCohorts_Throws()
    {
        Trajectories a = Trajectories.Of(DemoTrial.Load(), "MADRS"), b = Trajectories.Of(DemoTrial.Load(), "MADRS");
        var e = Assert.Throws<ArgumentException>(() => ChangeFromBaseline.Summarize([a, b]));
        Assert.Contains("another cohort", e.Message);
    }

    [Theory]
    [InlineData(MissingDataMethod.ObservedCases)]
    [InlineData(MissingDataMethod.Locf)]
    public void Combine_OneTablePerParameter_SameTableAsAllAtOnce(MissingDataMethod method)
    {
        Cohort cohort = DemoTrial.Load();
        var options = new ChangeSummaryOptions { MissingData = method };
        Trajectories[] grids = cohort.Parameters.Select(p => Trajectories.Of(cohort, p, method)).ToArray();
        Assert.True(grids.Length >= 2);
        ChangeSummaryTable allAtOnce = ChangeFromBaseline.Summarize(grids, options);
        ChangeSummaryTable combined = ChangeSummaryTable.Combine(grids.Select(g => ChangeFromBaseline.Summarize([g], options)).ToArray());
        Assert.Equal(allAtOnce.ToString(), combined.ToString());
        Assert.Equal(allAtOnce.Rows, combined.Rows);
        Assert.Equal(allAtOnce.ImputedCount, combined.ImputedCount);
        Assert.Same(allAtOnce.Options, combined.Options);
        Assert.Same(allAtOnce.Report, combined.Report);
    }

    [Fact]
    public void Combine_TablesOfTwoCohortsOrOptions_Throws()
    {
        Cohort one = DemoTrial.Load(), two = DemoTrial.Load();
        var options = ChangeSummaryOptions.Default;
        ChangeSummaryTable a = ChangeFromBaseline.Summarize([Trajectories.Of(one, "MADRS")], options);
        ChangeSummaryTable b = ChangeFromBaseline.Summarize([Trajectories.Of(two, "MADRS")], options);
        ChangeSummaryTable c = ChangeFromBaseline.Summarize([Trajectories.Of(one, "MADRS")], options with { CiLevel = 0.9 });
        Assert.Contains("different cohorts", Assert.Throws<ArgumentException>(() => ChangeSummaryTable.Combine([a, b])).Message);
        Assert.Contains("different options", Assert.Throws<ArgumentException>(() => ChangeSummaryTable.Combine([a, c])).Message);
        Assert.Throws<ArgumentException>(() => ChangeSummaryTable.Combine([]));
    }
}
