using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Change;

/// <summary>The cohort keeps each observation's baseline row and makes BASE, the baseline visit, CHG and PCHG from it
/// when first asked: the values are those ADaM defines, worked here by hand, and they survive a subset and a race.</summary>
public sealed class DerivedColumnsTests
{
    // S1: baseline 20 at week 0, then 14 (CHG −6, PCHG −30) and a missing week 12.
    // S2: baseline 0 (PCHG undefined), then 3. S3: first record at week 2, so no baseline.
    // S4: the last value at or before week 0 is the one of week −1 (the week-0 score is missing); CHG at week 6 is 12 − 25.
    private const string Scores = """
        USUBJID,TRT01P,PARAMCD,AVISITN,AVAL
        S1,Placebo,MADRS,0,20
        S1,Placebo,MADRS,6,14
        S1,Placebo,MADRS,12,
        S2,Drug,MADRS,0,0
        S2,Drug,MADRS,6,3
        S3,Drug,MADRS,2,17
        S3,Drug,MADRS,6,15
        S4,Drug,MADRS,-1,25
        S4,Drug,MADRS,0,
        S4,Drug,MADRS,6,12
        """;

    [Fact]
    public void Columns_MadeOnFirstUse_AreTheHandWorkedValues()
    {
        Cohort cohort = CohortCsvReader.Parse(Scores, "scores.csv");
        double nan = double.NaN;
        Assert.Equal([20, 20, 20, 0, 0, nan, nan, 25, 25, 25], cohort.Baselines.ToArray());
        Assert.Equal([0, 0, 0, 0, 0, nan, nan, -1, -1, -1], cohort.BaselineVisitTimes.ToArray());
        Assert.Equal([nan, -6, nan, nan, 3, nan, nan, nan, nan, -13], cohort.Changes.ToArray());
        Assert.Equal([nan, -30, nan, nan, nan, nan, nan, nan, nan, -52], cohort.PercentChanges.ToArray());
        Assert.Equal(-6, cohort[1].Change);
        Assert.Equal(-30, cohort[1].PercentChange);
        Assert.Equal(25, cohort[9].Baseline);
    }

    [Fact]
    public void Subset_KeepsEachRowsBaseline_AtItsNewRow()
    {
        Cohort cohort = CohortCsvReader.Parse(Scores, "scores.csv");
        Cohort drug = cohort.Subset(s => cohort.ArmIndexOfSubject(s) == cohort.Arms.ToList().IndexOf("Drug"));
        Assert.Equal(7, drug.ObservationCount);
        Assert.Equal(cohort.Baselines[3..].ToArray(), drug.Baselines.ToArray());
        Assert.Equal(cohort.BaselineVisitTimes[3..].ToArray(), drug.BaselineVisitTimes.ToArray());
        Assert.Equal(cohort.Changes[3..].ToArray(), drug.Changes.ToArray());
        Assert.Equal(cohort.PercentChanges[3..].ToArray(), drug.PercentChanges.ToArray());
    }

    [Fact]
    public void FirstUse_FromManyThreadsAtOnce_GivesOneSetOfValues()
    {
        Cohort cohort = DemoTrial.Load();
        var seen = new double[16][];
        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => seen[i] = (i % 2 == 0 ? cohort.Changes : cohort.PercentChanges).ToArray());
        Assert.All(seen.Where((_, i) => i % 2 == 0), c => Assert.Equal(seen[0], c));
        Assert.All(seen.Where((_, i) => i % 2 == 1), c => Assert.Equal(seen[1], c));
        for (int r = 0; r < cohort.ObservationCount; r++)
        {
            Observation o = cohort[r];
            Assert.Equal(o.Change, seen[0][r]);
            Assert.Equal(o.PercentChange, seen[1][r]);
        }
    }
}
