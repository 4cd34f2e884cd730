using CohortAnalysis.Change;
using CohortAnalysis.Data;
using CohortAnalysis.Inference;
using CohortAnalysis.Rendering;
using CohortAnalysis.Responders;
using Xunit;

namespace CohortAnalysis.Tests.Contract;

/// <summary>What used to be written twice is written once: visit and arm look-up, arm values, reference-arm choice,
/// IEstimate delegation; and how an unlabelled visit and a table read as text.</summary>
public class SharedLogicTests
{
    // Unlabelled visits (no AVISIT column); arms named so that neither is a placebo.
    private const string Csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\n" +
        "S1,Active,MADRS,0,30\nS1,Active,MADRS,12,14\nS2,Active,MADRS,0,32\nS2,Active,MADRS,12,20\nS3,Active,MADRS,0,29\nS3,Active,MADRS,12,NA\n" +
        "S4,Control,MADRS,0,28\nS4,Control,MADRS,12,25\nS5,Control,MADRS,0,31\nS5,Control,MADRS,12,27\nS6,Control,MADRS,0,27\nS6,Control,MADRS,12,26\n";

    private static Trajectories Madrs() => Trajectories.Of(CohortCsvReader.Parse(Csv), "MADRS");

    [Fact]
    public void UnlabelledVisit_ReadsAsWeek_InTextTablesAndComparisons()
    {
        Trajectories t = Madrs();
        Assert.Equal("Week 12", t.Visits[1].DisplayName);
        BetweenArmChange change = ChangeFromBaseline.CompareArms(t, 12, "Active", "Control");
        TableView view = EstimateText.ToTableView("MADRS", change.Estimates);
        int visitColumn = view.Columns.ToList().FindIndex(c => c.Header == "Visit");
        Assert.All(view.Rows, r => Assert.Equal("Week 12", r[visitColumn]));
        Assert.Contains("Week 12", change.Comparison.Describe());
        Assert.DoesNotContain(view.Rows, r => r.Contains("12"));
    }

    [Fact]
    public void TableView_ToString_IsTheTextTable_NotARecordDump()
    {
        TableView view = EstimateText.ToTableView("MADRS CHG", ChangeFromBaseline.CompareArms(Madrs(), 12, "Active", "Control").Estimates);
        string text = view.ToString();
        Assert.StartsWith("MADRS CHG", text);
        Assert.DoesNotContain("TableView {", text);
        Assert.DoesNotContain("System.Collections", text);
        Assert.Equal(text, TextTable.Render(view));
    }

    [Fact]
    public void ArmValues_IsPublic_AndAgreesWithTheAnalysisContext()
    {
        Trajectories t = Madrs();
        Assert.Equal([-16.0, -12], t.ArmValues("Active", 12));
        Assert.Equal([14.0, 20], t.ArmValues("Active", 12, ChangeVariable.Value));
        var (values, missing) = AnalysisContext.Of(t).Values("Active", t.VisitIndex(12), ChangeVariable.Change);
        Assert.Equal(t.ArmValues("Active", 12), values);
        Assert.Equal(1, missing);
    }

    [Fact]
    public void VisitAndArmLookUp_OneMessage_WhoeverAsks()
    {
        Trajectories t = Madrs();
        var fromTrajectories = Assert.Throws<ArgumentException>(() => t.VisitIndex(6));
        var fromContext = Assert.Throws<ArgumentException>(() => AnalysisContext.Of(t).VisitIndex(6));
        var fromTests = Assert.Throws<ArgumentException>(() => ChangeFromBaseline.TestWithinArms(t, 6));
        Assert.Equal(fromTrajectories.Message, fromContext.Message);
        Assert.Equal(fromTrajectories.Message, fromTests.Message);
        Assert.Contains("12 (Week 12)", fromTrajectories.Message);
        var noArm = Assert.Throws<ArgumentException>(() => ChangeFromBaseline.CompareArms(t, 12, "Drug", "Control"));
        Assert.Equal(Assert.Throws<ArgumentException>(() => AnalysisContext.Of(t).ArmIndex("Drug")).Message, noArm.Message);
    }

    [Fact]
    public void DefaultReferenceArm_IsTheContextsChoice()
    {
        Cohort cohort = CohortCsvReader.Parse(Csv.Replace("Active", "Placebo B").Replace("Control", "Placebo A"));
        Assert.Equal(ReferenceArm.Resolve(cohort.Arms, null).Arm, cohort.DefaultReferenceArm);
        Assert.Equal("Placebo A", cohort.DefaultReferenceArm);
        Assert.Equal(AnalysisContext.Of(Trajectories.Of(cohort, "MADRS")).ReferenceArm, cohort.DefaultReferenceArm);
    }

    [Fact]
    public void HeadlineResults_ReadAsTheirHeadline_AndCiteTheSource_NotTheArm()
    {
        BetweenArmChange change = ChangeFromBaseline.CompareArms(Madrs(), 12, "Active", "Control");
        IEstimate asEstimate = change;
        Assert.Equal(change.Welch!.Estimate, asEstimate.Estimate);
        Assert.Equal(change.Welch.Ci, asEstimate.Ci);
        Assert.Equal(change.Welch.PValue, asEstimate.PValue);
        Assert.Equal(change.Welch.Reference, asEstimate.Reference);
        Assert.NotEqual("Control", asEstimate.Reference);

        WithinArmChange tooFew = ChangeFromBaseline.TestWithinArms(Madrs(), 12, new TTestOptions { CiLevel = 0.9 }).Arms
            .Single(a => a.Arm == "Active") with { PairedT = null, Note = "" };
        IEstimate missingT = tooFew;
        Assert.True(double.IsNaN(missingT.Estimate));
        Assert.Equal(0.9, missingT.Ci.Level);
        Assert.Equal("Mean change", missingT.Name);
        Assert.Equal("Active", missingT.Comparison.Arm);

        Cohort demo = DemoTrial.Load();
        Trajectories madrs = Trajectories.Of(demo, "MADRS", MissingDataMethod.Locf);
        ResponderTable responders = ResponderAnalysis.Analyze(madrs, ResponderRule.Response(madrs.Instrument!), 12);
        ResponderComparison rc = responders.Comparisons[0];
        IEstimate rcEstimate = rc;
        Assert.Equal(rc.RiskDifference.Estimate, rcEstimate.Estimate);
        Assert.Equal(rc.RiskDifference.Reference, rcEstimate.Reference);
        Assert.Equal(responders.Arms[0].Proportion.Ci, ((IEstimate)responders.Arms[0]).Ci);
    }
}
