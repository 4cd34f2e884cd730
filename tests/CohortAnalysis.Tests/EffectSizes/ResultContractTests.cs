using CohortAnalysis.Change;
using CohortAnalysis.Data;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Resampling;
using Xunit;
using static CohortAnalysis.Tests.EffectSizes.Datasets;

namespace CohortAnalysis.Tests.EffectSizes;

/// <summary>Issue 10 findings on effect sizes: every estimate names what it compares, options that do not apply throw,
/// d_z is d_z, and g_z has one variance.</summary>
public class ResultContractTests
{
    private static Cohort TwoArms(string active, string control)
    {
        var lines = new List<string> { "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL" };
        double[] activeChange = [-12, -15, -9, -14, -11, -16], controlChange = [-3, -5, -1, -4, -6, -2];
        for (int i = 0; i < 6; i++)
        {
            lines.Add($"A{i},{active},MADRS,0,{30 + i}");
            lines.Add($"A{i},{active},MADRS,6,{30 + i + activeChange[i]}");
            lines.Add($"C{i},{control},MADRS,0,{31 + i}");
            lines.Add($"C{i},{control},MADRS,6,{31 + i + controlChange[i]}");
        }
        return CohortCsvReader.Parse(string.Join("\n", lines) + "\n");
    }

    private static Cohort ThreeArms()
    {
        var lines = new List<string> { "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL" };
        string[] arms = ["Low dose", "High dose", "Control"];
        for (int a = 0; a < 3; a++)
            for (int i = 0; i < 5; i++)
            {
                lines.Add($"S{a}{i},{arms[a]},MADRS,0,{30 + i}");
                lines.Add($"S{a}{i},{arms[a]},MADRS,6,{30 - 4 * a + i % 3 - 2 * i}");
            }
        return CohortCsvReader.Parse(string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void Labels_do_not_flip_the_sign_silently_the_result_names_the_arms_and_how_the_reference_was_chosen()
    {
        var options = new EffectSizeAnalysisOptions { Measure = EffectSizeMeasure.HedgesG };
        EffectSizeEstimate activeControl = EffectSizeAnalysis.AtVisit(Trajectories.Of(TwoArms("Active", "Control"), "MADRS"), 6, options);
        EffectSizeEstimate drugPlacebo = EffectSizeAnalysis.AtVisit(Trajectories.Of(TwoArms("Drug", "Placebo"), "MADRS"), 6, options);
        // Active/Control has no placebo: the first arm alphabetically (Active) is the reference, and the result says so.
        Assert.Equal("Active", activeControl.Comparison.ReferenceArm);
        Assert.Equal(ReferenceArmSource.GuessedFirstAlphabetical, activeControl.Comparison.ReferenceSource);
        Assert.Equal("Placebo", drugPlacebo.Comparison.ReferenceArm);
        Assert.Equal(ReferenceArmSource.GuessedPlacebo, drugPlacebo.Comparison.ReferenceSource);
        Assert.Contains("Control vs Active", activeControl.ToString(), StringComparison.Ordinal);
        Assert.Contains("CHG", activeControl.ToString(), StringComparison.Ordinal);
        Assert.Contains("observed cases", activeControl.ToString(), StringComparison.Ordinal);
        // Naming the reference makes the two labellings agree.
        EffectSizeEstimate named = EffectSizeAnalysis.AtVisit(Trajectories.Of(TwoArms("Active", "Control"), "MADRS"), 6, options with { Reference = "Control" });
        Assert.Equal(ReferenceArmSource.Given, named.Comparison.ReferenceSource);
        AssertClose.Relative(drugPlacebo.Estimate, named.Estimate, 1e-12);
    }

    [Fact]
    public void Three_arms_and_no_placebo_every_arm_is_compared_with_the_reference()
    {
        EffectSizeTable table = EffectSizeAnalysis.ByVisit(ThreeArms(), new EffectSizeAnalysisOptions { Reference = "Control" });
        Assert.Equal(["High dose", "Low dose"], table.Select(r => r.Comparison.Arm!).Order().ToArray());
        Assert.All(table, r => Assert.Equal("Control", r.Comparison.ReferenceArm));
        var e = Assert.Throws<ArgumentException>(() => EffectSizeAnalysis.AtVisit(Trajectories.Of(ThreeArms(), "MADRS"), 6, new() { Reference = "Control" }));
        Assert.Contains("name the treatment arm", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_method_that_does_not_match_the_trajectories_throws()
    {
        Trajectories oc = Trajectories.Of(DemoTrial.Load(), "MADRS");
        var e = Assert.Throws<ArgumentException>(() => EffectSizeAnalysis.AtVisit(oc, 6, new() { MissingData = MissingDataMethod.Locf }));
        Assert.Contains("LOCF", e.Message, StringComparison.Ordinal);
        Trajectories locf = Trajectories.Of(DemoTrial.Load(), "MADRS", MissingDataMethod.Locf);
        Assert.Equal(MissingDataMethod.Locf, EffectSizeAnalysis.AtVisit(locf, 6, new() { MissingData = MissingDataMethod.Locf }).Comparison.MissingData);
    }

    [Fact]
    public void An_invalid_ci_level_throws_instead_of_giving_NaN_rows()
    {
        var options = new EffectSizeAnalysisOptions { Standardized = StandardizedDifferenceOptions.Default with { CiLevel = 95 } };
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectSizeAnalysis.ByVisit(DemoTrial.Load(), options));
    }

    public static TheoryData<EffectSizeAnalysisOptions> OptionsThatDoNotApply() => new()
    {
        new() { Measure = EffectSizeMeasure.Dz, On = ChangeVariable.Value },
        new() { Measure = EffectSizeMeasure.Dppc2, CiMethod = CiMethod.NoncentralT },
        new() { Measure = EffectSizeMeasure.RankBiserial, Standardized = StandardizedDifferenceOptions.Default with { PooledSd = false } },
        new() { Measure = EffectSizeMeasure.Dppc2, Standardized = StandardizedDifferenceOptions.Default with { Mu = 1 } },
        new() { Measure = EffectSizeMeasure.HedgesG, Standardized = StandardizedDifferenceOptions.Default with { Bootstrap = BootstrapOptions.Default with { Resamples = 500 } } },
        new() { Measure = EffectSizeMeasure.CohensD, Standardized = StandardizedDifferenceOptions.Default with { CiMethod = CiMethod.Normal } },
        new() { Measure = EffectSizeMeasure.CohensD, ResponseRule = CohortAnalysis.Responders.ResponderRule.Response(CohortAnalysis.Instruments.Instrument.Madrs) },
    };

    [Theory]
    [MemberData(nameof(OptionsThatDoNotApply))]
    public void An_option_that_does_not_apply_to_the_measure_throws(EffectSizeAnalysisOptions options) =>
        Assert.Throws<ArgumentException>(() => EffectSizeAnalysis.ByVisit(DemoTrial.Load(), options));

    [Fact]
    public void Pre_post_control_d_refuses_Mu_and_Paired()
    {
        var t = PairedSummary.Of([20.0, 18, 25, 22], [30.0, 29, 33, 31]);
        var c = PairedSummary.Of([28.0, 27, 30, 29], [31.0, 29, 32, 30]);
        Assert.Throws<ArgumentException>(() => EffectSize.PrePostControlD(t, c, new EffectSizeOptions { Mu = 1 }));
        Assert.Throws<ArgumentException>(() => EffectSize.PrePostControlD1(t, c, new EffectSizeOptions { Paired = true }));
    }

    [Fact]
    public void Nested_bootstrap_settings_that_conflict_with_the_estimator_throw()
    {
        var conflicting = StandardizedDifferenceOptions.Default with
        {
            CiMethod = CiMethod.BootstrapPercentile,
            Bootstrap = BootstrapOptions.Default with { CiLevel = 0.9, Resamples = 200 },
        };
        Assert.Throws<ArgumentException>(() => EffectSize.CohensD(MadrsPsilocybin, MadrsPlacebo, conflicting));
        var agreeing = conflicting with { CiLevel = 0.9 };
        Assert.Equal(0.9, EffectSize.CohensD(MadrsPsilocybin, MadrsPlacebo, agreeing).Ci.Level);
    }

    [Fact]
    public void Dz_is_dz_with_the_interval_asked_for_and_gz_only_when_asked()
    {
        Cohort demo = DemoTrial.Load();
        EffectSizeEstimate dz = EffectSizeAnalysis.ForVisit(demo, "MADRS", 6, new() { Measure = EffectSizeMeasure.Dz }).Where(arm: DemoTrial.Psilocybin).Single();
        EffectSizeEstimate gz = EffectSizeAnalysis.ForVisit(demo, "MADRS", 6, new() { Measure = EffectSizeMeasure.Gz }).Where(arm: DemoTrial.Psilocybin).Single();
        EffectSizeEstimate dzNormal = EffectSizeAnalysis.ForVisit(demo, "MADRS", 6, new() { Measure = EffectSizeMeasure.Dz, CiMethod = CiMethod.Normal }).Where(arm: DemoTrial.Psilocybin).Single();
        Assert.Equal(EffectSizeIndex.Dz, dz.Index);
        Assert.Equal(CiMethod.NoncentralT, dz.Ci.Method);
        Assert.Equal(EffectSizeIndex.Gz, gz.Index);
        Assert.True(Math.Abs(gz.Estimate) < Math.Abs(dz.Estimate));
        Assert.Equal(CiMethod.Normal, dzNormal.Ci.Method);
        AssertClose.Relative(dz.Estimate, dzNormal.Estimate, 1e-15);
        // d_z = t / sqrt(n)
        var (post, pre, _) = AnalysisContext.Of(Trajectories.Of(demo, "MADRS")).Pairs(DemoTrial.Psilocybin, AnalysisContext.Of(Trajectories.Of(demo, "MADRS")).VisitIndex(6));
        double[] diff = post.Zip(pre, (a, b) => a - b).ToArray();
        double mean = diff.Average(), sd = Math.Sqrt(diff.Sum(x => (x - mean) * (x - mean)) / (diff.Length - 1));
        double t = mean / (sd / Math.Sqrt(diff.Length));
        AssertClose.Relative(t / Math.Sqrt(diff.Length), dz.Estimate, 1e-12);
    }

    [Fact]
    public void Gz_has_one_variance_whichever_verb_computes_it()
    {
        double[] post = [20, 18, 25, 22, 19, 24, 21], pre = [30, 29, 33, 31, 27, 35, 30];
        EffectSizeEstimate viaG = EffectSize.HedgesG(post, pre, StandardizedDifferenceOptions.Default with { Paired = true });
        EffectSizeEstimate viaRm = EffectSize.RepeatedMeasuresD(post, pre, new RepeatedMeasuresOptions { Method = RepeatedMeasuresMethod.Z, Adjust = true });
        Assert.Equal(EffectSizeIndex.Gz, viaG.Index);
        Assert.Equal(EffectSizeIndex.Gz, viaRm.Index);
        AssertClose.Relative(viaG.Estimate, viaRm.Estimate, 1e-12);
        AssertClose.Relative(viaG.Variance, viaRm.Variance, 1e-12);
        AssertClose.Relative(1.0 / 7 + viaG.Estimate * viaG.Estimate / 14, viaG.Variance, 1e-12);   // metafor SMCC
    }
}
