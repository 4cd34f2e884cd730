using CohortAnalysis.Change;
using CohortAnalysis.Data;
using CohortAnalysis.Instruments;
using CohortAnalysis.Responders;
using Xunit;

namespace CohortAnalysis.Tests.Change;

/// <summary>Edge cases of the cohort-level tables: they never throw; cells that cannot be estimated are NaN with a note.</summary>
public class CohortEdgeCaseTests
{
    // Arm B has a single subject; arm A has zero variance in change; every A subject is a responder, no B subject is.
    private const string Csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\n" +
        "A1,A,MADRS,0,30\nA1,A,MADRS,6,10\nA2,A,MADRS,0,32\nA2,A,MADRS,6,12\nA3,A,MADRS,0,34\nA3,A,MADRS,6,14\n" +
        "B1,B,MADRS,0,30\nB1,B,MADRS,6,28\n";

    private static readonly Cohort Cohort = CohortCsvReader.Parse(Csv);

    [Fact]
    public void Summary_ArmWithOneSubject_HasNaNSpreadNotAnException()
    {
        ChangeSummaryRow b = ChangeFromBaseline.Summarize(Cohort).Find("MADRS", "B", 6, ChangeVariable.Change)!;
        Assert.Equal(1, b.Summary.N);
        Assert.Equal(-2, b.Summary.Mean);
        Assert.True(double.IsNaN(b.Summary.Sd));
        Assert.True(double.IsNaN(b.Summary.MeanCi.Lower));
    }

    [Fact]
    public void Summary_ZeroVarianceChange_HasZeroSdAndPointInterval()
    {
        ChangeSummaryRow a = ChangeFromBaseline.Summarize(Cohort).Find("MADRS", "A", 6, ChangeVariable.Change)!;
        Assert.Equal(0, a.Summary.Sd);
        Assert.Equal(-20, a.Summary.MeanCi.Lower);
    }

    [Fact]
    public void Tests_TooFewValues_GiveNullsAndNotes()
    {
        Trajectories t = Trajectories.Of(Cohort, "MADRS");
        WithinArmChange b = ChangeFromBaseline.TestWithinArms(t, 6).Arms.Single(x => x.Arm == "B");
        Assert.Null(b.PairedT);
        Assert.Equal("n = 1: too few changes for a t test.", b.Note);
        BetweenArmChange c = ChangeFromBaseline.CompareArms(t, 6, "A", "B");
        Assert.Null(c.Student);
        Assert.Equal("n = 3 vs 1: each arm needs 2 changes for a t test.", c.Note);
        Assert.NotNull(c.MannWhitney);
    }

    [Fact]
    public void Responders_AllAndNone_StillHaveDefinedIntervals()
    {
        ResponderTable table = ResponderAnalysis.Analyze(Trajectories.Of(Cohort, "MADRS"), ResponderRule.Response(Instrument.Madrs), 6,
            new ResponderAnalysisOptions { Reference = "B" });
        ArmResponders a = table.Arms.Single(x => x.Arm == "A"), b = table.Arms.Single(x => x.Arm == "B");
        Assert.Equal((3, 3), (a.Count.Responders, a.Count.Denominator));
        Assert.Equal(0, b.Count.Responders);
        Assert.True(a.Proportion.Ci.Lower > 0 && a.Proportion.Ci.Upper == 1);
        Assert.True(b.Proportion.Ci.Lower == 0 && b.Proportion.Ci.Upper < 1);
        ResponderComparison c = Assert.Single(table.Comparisons);
        Assert.Equal(1, c.RiskDifference.Estimate);
        Assert.True(c.RiskDifference.Ci.Lower > 0 && c.RiskDifference.Ci.Upper <= 1);
        Assert.False(string.IsNullOrEmpty(table.ToString()));
    }

    [Fact]
    public void SwappingArms_FlipsTheDifferenceAndItsInterval()
    {
        Cohort demo = DemoTrial.Load();
        Trajectories t = Trajectories.Of(demo, "PAINNRS");
        BetweenArmChange ab = ChangeFromBaseline.CompareArms(t, 12, DemoTrial.Psilocybin, DemoTrial.Placebo);
        BetweenArmChange ba = ChangeFromBaseline.CompareArms(t, 12, DemoTrial.Placebo, DemoTrial.Psilocybin);
        AssertClose.Relative(-ab.Welch!.Estimate, ba.Welch!.Estimate, 1e-12);
        AssertClose.Relative(-ab.Welch.Ci.Upper, ba.Welch.Ci.Lower, 1e-12);
        AssertClose.Relative(ab.Student!.PValue, ba.Student!.PValue, 1e-12);
    }
}
