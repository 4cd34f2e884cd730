using System.Globalization;
using CohortAnalysis.Change;
using CohortAnalysis.Inference;
using CohortAnalysis.Instruments;
using CohortAnalysis.Responders;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Tests.KnownResultsCohort;

/// <summary>End-to-end analyses of the bundled demo trial against an independent R implementation.</summary>
/// <remarks>Source: tests/known-results/cohort/cohort.R (R 4.2.2, base stats; derives BASE/CHG/PCHG, LOCF/BOCF/WOCF,
/// responder rules and all tests from AVAL itself). Tolerances: 1e-12 relative for moments, quantiles, counts-based closed
/// forms and statistics; 1e-10 for p-values and interval bounds computed through t/normal quantiles.</remarks>
public class DemoCohortKnownResultsTests
{
    private static readonly Cohort Demo = DemoTrial.Load();
    private const string Psilocybin = DemoTrial.Psilocybin, Placebo = DemoTrial.Placebo;

    public static IEnumerable<object[]> SummaryIds() => KnownResults.Rows("cohort/summaries.csv").Select(r => new object[] { r.Id });

    [Theory]
    [MemberData(nameof(SummaryIds))]
    public void ChangeSummary_MatchesR(string id)
    {
        KnownResult e = KnownResults.Row("cohort/summaries.csv", id);
        var method = e.Text("method") switch { "OC" => MissingDataMethod.ObservedCases, "LOCF" => MissingDataMethod.Locf, "BOCF" => MissingDataMethod.Bocf, _ => MissingDataMethod.Wocf };
        ChangeSummaryTable table = Tables.GetOrAdd(method, m => ChangeFromBaseline.Summarize(Demo, new ChangeSummaryOptions { MissingData = m }));
        var variable = e.Text("variable") switch { "AVAL" => ChangeVariable.Value, "CHG" => ChangeVariable.Change, _ => ChangeVariable.PercentChange };
        ChangeSummaryRow row = table.Find(e.Text("paramcd"), e.Text("arm"), e["visit"], variable) ?? throw new Xunit.Sdk.XunitException($"no row {id}");
        Assert.Equal((int)e["n"], row.Summary.N);
        Assert.Equal((int)e["nmiss"], row.Summary.Sizes.Missing);
        Assert.Equal((int)e["imputed"], row.Imputed);
        foreach (var (name, actual) in new[] { ("mean", row.Summary.Mean), ("sd", row.Summary.Sd), ("se", row.Summary.Se), ("median", row.Summary.Median),
                     ("q1", row.Summary.Q1), ("q3", row.Summary.Q3), ("min", row.Summary.Min), ("max", row.Summary.Max) })
            AssertClose.Relative(e[name], actual, 1e-12, $"{id} {name}");
        AssertClose.Relative(e["ci_lower"], row.Summary.MeanCi.Lower, 1e-10, $"{id} ci_lower");
        AssertClose.Relative(e["ci_upper"], row.Summary.MeanCi.Upper, 1e-10, $"{id} ci_upper");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MissingDataMethod, ChangeSummaryTable> Tables = new();

    [Fact]
    public void WithinArm_PairedTAndSignedRank_MatchR()
    {
        foreach (KnownResult e in KnownResults.Rows("cohort/within_arm.csv"))
        {
            Trajectories t = Trajectories.Of(Demo, e.Text("paramcd"));
            WithinArmChange arm = ChangeFromBaseline.TestWithinArms(t, e["visit"]).Arms.Single(a => a.Arm == e.Text("arm"));
            Assert.Equal((int)e["n"], arm.N);
            AssertClose.Relative(e["t_estimate"], arm.PairedT!.Estimate, 1e-12, e.Id);
            AssertClose.Relative(e["t"], arm.PairedT.Statistic, 1e-12, e.Id);
            AssertClose.Relative(e["df"], arm.PairedT.DegreesOfFreedom, 1e-12, e.Id);
            AssertClose.Relative(e["t_p"], arm.PairedT.PValue, 1e-10, e.Id);
            AssertClose.Relative(e["t_ci_lower"], arm.PairedT.Ci.Lower, 1e-10, e.Id);
            AssertClose.Relative(e["t_ci_upper"], arm.PairedT.Ci.Upper, 1e-10, e.Id);
            AssertClose.Relative(e["wilcox_v"], arm.SignedRank!.Statistic, 1e-12, e.Id);
            AssertClose.Relative(e["wilcox_p"], arm.SignedRank.PValue, 1e-10, e.Id);
            Assert.Equal(e.Text("wilcox_method") == "exact" ? RankPValueMethod.Exact : RankPValueMethod.NormalApproximation, arm.SignedRank.PValueMethod);
        }
    }

    [Fact]
    public void BetweenArms_StudentWelchMannWhitney_MatchR()
    {
        foreach (KnownResult e in KnownResults.Rows("cohort/between_arms.csv"))
        {
            Trajectories t = Trajectories.Of(Demo, e.Text("paramcd"));
            BetweenArmChange c = ChangeFromBaseline.CompareArms(t, e["visit"], Psilocybin, Placebo);
            Assert.Equal(new GroupSizes((int)e["n_psilocybin"], (int)e["n_placebo"]), c.N);
            foreach (var (prefix, test) in new[] { ("student", c.Student!), ("welch", c.Welch!) })
            {
                AssertClose.Relative(e["estimate"], test.Estimate, 1e-12, $"{e.Id} {prefix}");
                AssertClose.Relative(e[prefix + "_t"], test.Statistic, 1e-12, $"{e.Id} {prefix} t");
                AssertClose.Relative(e[prefix + "_df"], test.DegreesOfFreedom, 1e-12, $"{e.Id} {prefix} df");
                AssertClose.Relative(e[prefix + "_p"], test.PValue, 1e-10, $"{e.Id} {prefix} p");
                AssertClose.Relative(e[prefix + "_ci_lower"], test.Ci.Lower, 1e-10, $"{e.Id} {prefix} lower");
                AssertClose.Relative(e[prefix + "_ci_upper"], test.Ci.Upper, 1e-10, $"{e.Id} {prefix} upper");
            }
            AssertClose.Relative(e["wilcox_w"], c.MannWhitney!.Statistic, 1e-12, e.Id);
            AssertClose.Relative(e["wilcox_p"], c.MannWhitney.PValue, 1e-10, e.Id);
        }
    }

    private static ResponderClassification Classify(string rule, double visit) => rule switch
    {
        "MADRS_RESPONSE" => ResponderClassification.Of(Trajectories.Of(Demo, "MADRS"), ResponderRule.Response(Instrument.Madrs), visit),
        "MADRS_REMISSION" => ResponderClassification.Of(Trajectories.Of(Demo, "MADRS"), ResponderRule.Remission(Instrument.Madrs), visit),
        "PAIN_MODERATE" => ResponderClassification.Of(Trajectories.Of(Demo, "PAINNRS"), ResponderRule.ImportantChange(Instrument.PainNrs.ImportantChanges[0]), visit),
        _ => ResponderClassification.Joint(Classify("MADRS_RESPONSE", visit), Classify("PAIN_MODERATE", visit)),
    };

    [Fact]
    public void Responders_ProportionsAndComparisons_MatchR()
    {
        foreach (KnownResult e in KnownResults.Rows("cohort/responders.csv"))
        {
            var handling = e.Text("handling") == "NRI" ? NonCompleterHandling.NonResponder : NonCompleterHandling.ObservedCases;
            ResponderTable table = ResponderAnalysis.Analyze(Classify(e.Text("rule"), e["visit"]), new ResponderAnalysisOptions { NonCompleters = handling });
            ArmResponders active = table.Arms.Single(a => a.Arm == Psilocybin), placebo = table.Arms.Single(a => a.Arm == Placebo);
            Assert.Equal(((int)e["x_psilocybin"], (int)e["n_psilocybin"]), (active.Count.Responders, active.Count.Denominator));
            Assert.Equal(((int)e["x_placebo"], (int)e["n_placebo"]), (placebo.Count.Responders, placebo.Count.Denominator));
            AssertClose.Relative(e["wilson_lower_psilocybin"], active.Proportion.Ci.Lower, 1e-10, e.Id);
            AssertClose.Relative(e["wilson_upper_placebo"], placebo.Proportion.Ci.Upper, 1e-10, e.Id);
            ResponderComparison c = Assert.Single(table.Comparisons);
            Assert.Equal((Psilocybin, Placebo), (c.Treatment, c.Reference));
            AssertClose.Relative(e["rd"], c.RiskDifference.Estimate, 1e-12, e.Id);
            AssertClose.Relative(e["rd_ci_lower"], c.RiskDifference.Ci.Lower, 1e-10, e.Id);
            AssertClose.Relative(e["rd_ci_upper"], c.RiskDifference.Ci.Upper, 1e-10, e.Id);
            AssertClose.Relative(e["rr"], c.RiskRatio.Estimate, 1e-12, e.Id);
            AssertClose.Relative(e["rr_ci_lower"], c.RiskRatio.Ci.Lower, 1e-10, e.Id);
            AssertClose.Relative(e["or"], c.OddsRatio.Estimate, 1e-12, e.Id);
            AssertClose.Relative(e["or_ci_upper"], c.OddsRatio.Ci.Upper, 1e-10, e.Id);
            AssertClose.Relative(e["fisher_p"], c.Fisher.PValue, 1e-10, e.Id);
            AssertClose.Relative(e["chisq_p_yates"], c.ChiSquare.PValue, 1e-10, e.Id);
        }
    }

    [Fact]
    public void Cmh_BySite_MatchesR()
    {
        foreach (KnownResult e in KnownResults.Rows("cohort/cmh.csv"))
        {
            ResponderTable table = ResponderAnalysis.Analyze(Classify(e.Text("rule"), e["visit"]), new ResponderAnalysisOptions { StratifyBy = "SITEID" });
            StratifiedResponderComparison s = Assert.Single(table.Stratified);
            Assert.Equal((int)e["strata"], s.Strata.Count);
            AssertClose.Relative(e["statistic"], s.Test.Statistic, 1e-12, e.Id);
            AssertClose.Relative(e["p"], s.Test.PValue, 1e-10, e.Id);
            AssertClose.Relative(e["or_mh"], s.CommonOddsRatio.Estimate, 1e-12, e.Id);
            AssertClose.Relative(e["or_ci_lower"], s.CommonOddsRatio.Ci.Lower, 1e-10, e.Id);
            AssertClose.Relative(e["or_ci_upper"], s.CommonOddsRatio.Ci.Upper, 1e-10, e.Id);
            AssertClose.Relative(e["rr_mh"], s.CommonRiskRatio.Estimate, 1e-12, e.Id);
            AssertClose.Relative(e["rr_ci_lower"], s.CommonRiskRatio.Ci.Lower, 1e-10, e.Id);
            AssertClose.Relative(e["rr_ci_upper"], s.CommonRiskRatio.Ci.Upper, 1e-10, e.Id);
        }
    }

    [Fact]
    public void MoodPainCorrelations_MatchR()
    {
        foreach (KnownResult e in KnownResults.Rows("cohort/correlations.csv"))
        {
            ChangeCorrelationTable table = ChangeCorrelationTable.Of(Demo, "MADRS", "PAINNRS", e["visit"]);
            string group = e.Text("group") == "All" ? ChangeCorrelationTable.AllSubjects : e.Text("group");
            ChangeCorrelationRow row = table.Rows.Single(r => r.Arm == group);
            Assert.Equal((int)e["n"], row.N);
            AssertClose.Relative(e["pearson_r"], row.Pearson!.Estimate, 1e-12, e.Id);
            AssertClose.Relative(e["pearson_ci_lower"], row.Pearson.Ci.Lower, 1e-10, e.Id);
            AssertClose.Relative(e["pearson_ci_upper"], row.Pearson.Ci.Upper, 1e-10, e.Id);
            AssertClose.Relative(e["pearson_p"], row.Pearson.PValue, 1e-10, e.Id);
            AssertClose.Relative(e["spearman_rho"], row.Spearman!.Estimate, 1e-12, e.Id);
            AssertClose.Relative(e["spearman_ci_lower"], row.Spearman.Ci.Lower, 1e-10, e.Id);
            AssertClose.Relative(e["spearman_p"], row.Spearman.PValue, 1e-10, e.Id);
        }
    }
}
