using CohortAnalysis.Data;
using CohortAnalysis.Instruments;
using Xunit;

namespace CohortAnalysis.Tests.Instruments;

public class InstrumentRegistryTests
{
    // Facts from the published instrument manuals and conventions cited on each instrument (shared/REFERENCE.md §5).
    [Theory]
    [InlineData("MADRS", 0, 60, 10, true)]
    [InlineData("HAMD17", 0, 52, 7, true)]
    [InlineData("QIDSSR16", 0, 27, 5, true)]
    [InlineData("BDI2", 0, 63, 12, true)]
    [InlineData("PHQ9", 0, 27, 5, false)]
    public void BuiltInDepressionScales_HaveRangeAndRemissionCutoff(string code, double min, double max, double remission, bool inclusive)
    {
        Instrument instrument = InstrumentRegistry.Default.Get(code);
        Assert.Equal(min, instrument.Minimum);
        Assert.Equal(max, instrument.Maximum);
        Assert.Equal(remission, instrument.Remission!.Score);
        Assert.Equal(inclusive, instrument.Remission.Inclusive);
        Assert.Equal(50, instrument.Response.PercentImprovement);
        Assert.Equal(ScoreDirection.HigherIsWorse, instrument.Direction);
        Assert.False(string.IsNullOrWhiteSpace(instrument.Source));
    }

    [Theory]
    [InlineData("PAINNRS", 10)]
    [InlineData("PAINVAS", 100)]
    [InlineData("BPISEV", 10)]
    [InlineData("BPIINT", 10)]
    public void BuiltInPainScales_HaveNoRemissionAndImmpactThresholds(string code, double max)
    {
        Instrument instrument = InstrumentRegistry.Default.Get(code);
        Assert.Equal(max, instrument.Maximum);
        Assert.Null(instrument.Remission);
        Assert.NotEmpty(instrument.ImportantChanges);
    }

    [Fact]
    public void PainNrs_ImmpactModerateThreshold_IsThirtyPercentOrTwoPoints()
    {
        ChangeThreshold moderate = Instrument.PainNrs.ImportantChanges[0];
        Assert.Equal(30, moderate.PercentImprovement);
        Assert.Equal(2, moderate.PointsImprovement);
        Assert.Equal("moderately important: ≥ 30% improvement or ≥ 2 points improvement", moderate.ToString());
    }

    [Fact]
    public void Remission_InclusiveAndStrictCutoffs()
    {
        Assert.True(Instrument.Madrs.Remission!.IsMetBy(10));
        Assert.False(Instrument.Madrs.Remission.IsMetBy(11));
        Assert.False(Instrument.Phq9.Remission!.IsMetBy(5));
        Assert.True(Instrument.Phq9.Remission.IsMetBy(4));
    }

    [Theory]
    [InlineData("madrs", "MADRS")]
    [InlineData("HAM-D-17", "HAMD17")]
    [InlineData("PAIN_NRS", "PAINNRS")]
    [InlineData("phq-9", "PHQ9")]
    public void Find_ByCodeOrAlias_CaseInsensitive(string name, string code) =>
        Assert.Equal(code, InstrumentRegistry.Default.Find(name)!.Code);

    [Fact]
    public void Get_Unknown_ListsKnownCodes()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => InstrumentRegistry.Default.Get("GAD7"));
        Assert.Equal("No instrument 'GAD7' is registered; known: MADRS, HAMD17, QIDSSR16, BDI2, PHQ9, PAINNRS, PAINVAS, BPISEV, BPIINT.", e.Message);
    }

    [Fact]
    public void With_RegistersACustomInstrument_UsedForRangeChecksOnLoad()
    {
        var gad7 = new Instrument("GAD7", "Generalized Anxiety Disorder 7-item", 0, 21, "points", ScoreDirection.HigherIsWorse,
            new ChangeThreshold("response", 50, null, "Spitzer 2006"), new RemissionCutoff(5, false, "Spitzer 2006"), [], ["GAD-7"], "Spitzer 2006");
        InstrumentRegistry registry = InstrumentRegistry.Default.With(gad7);
        Assert.Same(gad7, registry.Find("gad-7"));
        Assert.Null(InstrumentRegistry.Default.Find("GAD7")); // the default registry is unchanged
        var e = Assert.Throws<CohortDataException>(() => CohortCsvReader.Parse(
            "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,A,GAD7,0,22\n", "g.csv", new CohortReadOptions { Instruments = registry }));
        Assert.Contains("g.csv line 2, column AVAL: '22' is above the GAD7 range 0–21.", e.Message);
    }

    [Fact]
    public void Cohort_IndexOfParameter_AcceptsAliases()
    {
        Cohort cohort = DemoTrial.Load();
        Assert.Equal(cohort.IndexOfParameter("PAINNRS"), cohort.IndexOfParameter("pain_nrs"));
        Assert.Equal(-1, cohort.IndexOfParameter("PHQ9"));
    }
}
