using CohortAnalysis.EffectSizes;
using Xunit;
using static CohortAnalysis.Tests.EffectSizes.Datasets;

namespace CohortAnalysis.Tests.EffectSizes;

public class RepeatedMeasuresTests
{
    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string set in new[] { "lakens", "sleep", "chol" })
            foreach (string method in new[] { "z", "rm", "av", "b" })
                foreach (bool adjust in new[] { false, true })
                    data.Add(set, method, adjust);
        return data;
    }

    private static (double[] X, double[] Y) Data(string set) => set switch
    {
        "lakens" => (LakensX, LakensY),
        "sleep" => (Sleep2, Sleep1),
        _ => (CholAfter, CholBefore),
    };

    private static RepeatedMeasuresMethod Method(string method) => method switch
    {
        "z" => RepeatedMeasuresMethod.Z,
        "rm" => RepeatedMeasuresMethod.Rm,
        "av" => RepeatedMeasuresMethod.Av,
        _ => RepeatedMeasuresMethod.B,
    };

    // Source: known-results/effect-sizes/rm_d.R (R 4.2.2; effectsize ≥ 0.8.7 rm_d formulas re-implemented there and
    // cross-checked against effectsize 0.8.3 cohens_d(paired) and metafor SMCC/SMCR). Normal CI: closed form.
    // Tolerance: 1e-10 relative for estimate and limits.
    [Theory]
    [MemberData(nameof(Cases))]
    public void RepeatedMeasuresD_MatchesRmD(string set, string method, bool adjust)
    {
        string id = $"{set}_{method}_{(adjust ? "adj" : "raw")}";
        KnownResult expected = KnownResults.Row(RmDCsv, id);
        (double[] x, double[] y) = Data(set);
        EffectSizeEstimate d = EffectSize.RepeatedMeasuresD(x, y, new() { Method = Method(method), Adjust = adjust });
        AssertClose.Relative(expected["value"], d.Estimate, 1e-10, id);
        AssertClose.Relative(expected["ci_low"], d.Ci.Lower, 1e-10, id + " lower");
        AssertClose.Relative(expected["ci_high"], d.Ci.Upper, 1e-10, id + " upper");
    }

    // Source: rm_d.R row lakens_rm_adj_mu0.5_ci90. Tolerance: 1e-10 relative.
    [Fact]
    public void RepeatedMeasuresD_MuAndLevel_MatchRmD()
    {
        KnownResult expected = KnownResults.Row(RmDCsv, "lakens_rm_adj_mu0.5_ci90");
        EffectSizeEstimate d = EffectSize.RepeatedMeasuresD(LakensX, LakensY, new() { Mu = 0.5, CiLevel = 0.90 });
        AssertClose.Relative(expected["value"], d.Estimate, 1e-10);
        AssertClose.Relative(expected["ci_low"], d.Ci.Lower, 1e-10);
        AssertClose.Relative(expected["ci_high"], d.Ci.Upper, 1e-10);
    }

    // Source: rm_d.R: effectsize's d_av (RMS of SDs) = 1.125880 vs the arithmetic-mean d_av of Lakens 2013 = 1.128697.
    [Fact]
    public void Dav_IsRootMeanSquareOfSds_NotArithmeticMean()
    {
        EffectSizeEstimate d = EffectSize.RepeatedMeasuresD(LakensX, LakensY, new() { Method = RepeatedMeasuresMethod.Av, Adjust = false });
        Assert.Equal(EffectSizeIndex.Dav, d.Index);
        AssertClose.Relative(KnownResults.Row(RmDCsv, "lakens_av_raw")["value"], d.Estimate, 1e-12);
        Assert.NotEqual(Math.Round(KnownResults.Row(RmDCsv, "lakens_av_arithmetic_mean_sd")["value"], 6), Math.Round(d.Estimate, 6));
        Assert.Contains("root mean square", d.Method);
    }

    // d_z with a noncentral-t CI equals cohens_d(paired = TRUE): Source effectsize.R lakens_dz; tolerance 1e-6 (effectsize optim).
    [Fact]
    public void RepeatedMeasuresD_ZWithNoncentralT_EqualsPairedCohensD()
    {
        KnownResult expected = KnownResults.Row(EffectsizeCsv, "lakens_dz");
        EffectSizeEstimate d = EffectSize.RepeatedMeasuresD(LakensX, LakensY,
            new() { Method = RepeatedMeasuresMethod.Z, Adjust = false, CiMethod = CiMethod.NoncentralT });
        AssertClose.Relative(expected["value"], d.Estimate, 1e-12);
        AssertClose.Relative(expected["ci_low"], d.Ci.Lower, 1e-6);
        AssertClose.Relative(expected["ci_high"], d.Ci.Upper, 1e-6);
    }

    [Fact]
    public void RepeatedMeasuresD_FromSummary_EqualsRawData()
    {
        foreach (RepeatedMeasuresMethod m in Enum.GetValues<RepeatedMeasuresMethod>())
        {
            var o = new RepeatedMeasuresOptions { Method = m };
            EffectSizeEstimate raw = EffectSize.RepeatedMeasuresD(LakensX, LakensY, o);
            EffectSizeEstimate summary = EffectSize.RepeatedMeasuresD(PairedSummary.Of(LakensX, LakensY), o);
            AssertClose.Relative(raw.Estimate, summary.Estimate, 1e-14, m.ToString());
            AssertClose.Relative(raw.Ci.Upper, summary.Ci.Upper, 1e-14, m.ToString());
        }
    }

    [Fact]
    public void RepeatedMeasuresD_NamesStandardizerInOutput()
    {
        Assert.Equal("g_rm", EffectSize.RepeatedMeasuresD(LakensX, LakensY).Name);
        Assert.Equal("Becker's d_b", EffectSize.RepeatedMeasuresD(LakensX, LakensY, new() { Method = RepeatedMeasuresMethod.B, Adjust = false }).Name);
    }
}
