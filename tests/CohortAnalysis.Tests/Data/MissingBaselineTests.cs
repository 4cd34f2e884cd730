using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>A file whose visits start after the baseline visit (1, 2, 3 and no ABLFL) loads, but says up front that no
/// subject has a baseline and how to choose one (<see cref="Cohort.WhyNoBaseline"/>).</summary>
public sealed class MissingBaselineTests
{
    private const string VisitsOneToThree = """
        USUBJID,TRT01P,PARAMCD,AVISITN,AVAL
        S1,Placebo,MADRS,1,30
        S1,Placebo,MADRS,2,28
        S1,Placebo,MADRS,3,27
        S2,Drug,MADRS,1,31
        S2,Drug,MADRS,2,25
        S2,Drug,MADRS,3,20
        """;

    [Fact]
    public void WhyNoBaseline_VisitsAfterBaselineVisit_NamesRuleVisitsAndBaselineVisitOption()
    {
        Cohort cohort = CohortCsvReader.Parse(VisitsOneToThree, "visits.csv");
        Assert.Equal(
            "no subject has a MADRS baseline: no record is flagged as baseline (ABLFL = Y) and no score is at or before visit 0; " +
            "the MADRS visits are 1, 2, 3. Name the baseline visit (CLI --baseline-visit 1; library: read with Baseline = " +
            "BaselineRule.LastNonMissingAtOrBefore(1)), so change from baseline can be derived.",
            cohort.WhyNoBaseline("MADRS"));
        Assert.StartsWith("no subject has a MADRS baseline: ", cohort.WhyNoValues(ChangeVariable.Change, "MADRS"));
    }

    [Fact]
    public void WhyNoBaseline_BaselineVisitChosen_IsNull()
    {
        Cohort cohort = CohortCsvReader.Parse(VisitsOneToThree, "visits.csv",
            CohortReadOptions.Default with { Baseline = BaselineRule.LastNonMissingAtOrBefore(1) });
        Assert.Null(cohort.WhyNoBaseline("MADRS"));
        Assert.Null(cohort.WhyNoValues(ChangeVariable.Change, "MADRS"));
    }

    [Fact]
    public void WhyNoBaseline_FlagRuleWithoutFlaggedRecord_SaysNoRecordIsFlagged()
    {
        const string flaggedNowhere = """
            USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,ABLFL
            S1,Placebo,MADRS,0,30,
            S1,Placebo,MADRS,2,28,
            """;
        Cohort cohort = CohortCsvReader.Parse(flaggedNowhere, "flags.csv", CohortReadOptions.Default with { Baseline = BaselineRule.Flagged });
        Assert.StartsWith("no subject has a MADRS baseline: no record is flagged as baseline (ABLFL = Y); the MADRS visits are 0, 2.",
            cohort.WhyNoBaseline("MADRS"));
    }

    [Fact]
    public void WhyNoBaseline_UnknownParameter_Throws() =>
        Assert.Throws<ArgumentException>(() => CohortCsvReader.Parse(VisitsOneToThree, "visits.csv").WhyNoBaseline("PHQ9"));
}
