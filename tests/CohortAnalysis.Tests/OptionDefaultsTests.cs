using CohortAnalysis.Change;
using CohortAnalysis.Data;
using CohortAnalysis.Descriptive;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Instruments;
using CohortAnalysis.Pooling;
using CohortAnalysis.Privacy;
using CohortAnalysis.Responders;
using Xunit;

namespace CohortAnalysis.Tests;

/// <summary>Pins every default of the cohort-level options records (the estimator options are pinned beside their tests).</summary>
public class OptionDefaultsTests
{
    [Fact]
    public void CohortReadOptions_Defaults()
    {
        var o = CohortReadOptions.Default;
        Assert.Same(ColumnMapping.AdamBds, o.Mapping);
        Assert.Same(BaselineRule.Default, o.Baseline);
        Assert.Same(InstrumentRegistry.Default, o.Instruments);
        Assert.Null(o.Wide);
        Assert.Equal(',', o.Delimiter);
        Assert.Equal(["", "NA", "."], o.MissingTokens);
        Assert.Equal(InvalidRowPolicy.Reject, o.OutOfRangeScores);
        Assert.Equal(InvalidRowPolicy.Reject, o.DuplicateVisits);
        Assert.Equal(1e-9, o.DerivationTolerance);
        Assert.Equal(InputFormat.Auto, o.InputFormat);
        Assert.Equal(IdentifierPolicy.Refuse, o.Identifiers.Policy);
    }

    [Fact]
    public void ColumnMapping_AdamBdsDefaults()
    {
        var m = ColumnMapping.AdamBds;
        Assert.Equal(["USUBJID", "SUBJID"], m.Subject);
        Assert.Equal(["TRT01P", "TRTP", "ARM"], m.Arm);
        Assert.Equal(["AVISITN", "VISITNUM"], m.Visit);
        Assert.Equal(["AVISIT", "VISIT"], m.VisitLabel);
        Assert.Equal(["PARAMCD"], m.Parameter);
        Assert.Equal(["AVAL"], m.Value);
        Assert.Equal(["ABLFL"], m.BaselineFlag);
        Assert.Equal(["BASE"], m.Baseline);
        Assert.Equal(["CHG"], m.Change);
        Assert.Null(m.DefaultParameter);
        Assert.Equal(BaselineRuleKind.FlagOrLastAtOrBefore, BaselineRule.Default.Kind);
        Assert.Equal(0, BaselineRule.Default.Visit);
    }

    [Fact]
    public void AnalysisOptions_Defaults()
    {
        Assert.Null(ChangeSummaryOptions.Default.Parameters);
        Assert.Equal(MissingDataMethod.ObservedCases, ChangeSummaryOptions.Default.MissingData);
        Assert.Equal(0.95, ChangeSummaryOptions.Default.CiLevel);
        Assert.Equal(QuantileMethod.SasDefinition5, ChangeSummaryOptions.Default.QuantileMethod);

        Assert.Equal(NonCompleterHandling.NonResponder, ResponderAnalysisOptions.Default.NonCompleters);
        Assert.Equal(CiMethod.Wilson, ResponderAnalysisOptions.Default.Proportion.Method);
        Assert.Null(ResponderAnalysisOptions.Default.Reference);
        Assert.Null(ResponderAnalysisOptions.Default.StratifyBy);

        Assert.Equal(EffectSizeMeasure.CohensD, EffectSizeAnalysisOptions.Default.Measure);
        Assert.Null(EffectSizeAnalysisOptions.Default.On);   // null = CHG where the measure has a variable; an error to set where it has none
        Assert.Null(EffectSizeAnalysisOptions.Default.MissingData);   // null: the trajectories' method (AtVisit) or observed cases (ByVisit)
        Assert.Null(EffectSizeAnalysisOptions.Default.Treatment);
        Assert.Null(EffectSizeAnalysisOptions.Default.Reference);
        Assert.Same(StandardizedDifferenceOptions.Default, EffectSizeAnalysisOptions.Default.Standardized);
        Assert.Null(EffectSizeAnalysisOptions.Default.ResponseRule);

        Assert.Equal(MissingDataMethod.ObservedCases, SiteSummaryOptions.Default.MissingData);
        Assert.Null(SiteSummaryOptions.Default.Parameters);
    }

    [Fact]
    public void DefaultReferenceArm_IsThePlaceboArm() => Assert.Equal(DemoTrial.Placebo, DemoTrial.Load().DefaultReferenceArm);
}
