using CohortAnalysis.EffectSizes;
using Xunit;

namespace CohortAnalysis.Tests.EffectSizes;

public class PrePostTests
{
    // Morris (2008) Table 5 inputs (metafor tests/testthat/test_analysis_example_morris2008.r).
    private static readonly double[] PreT = [30.6, 23.5, 0.5, 53.4, 35.6], PostT = [38.5, 26.8, 0.7, 75.9, 36.0];
    private static readonly double[] SdPreT = [15.0, 3.1, 0.1, 14.5, 4.7], SdPostT = [11.6, 4.1, 0.1, 4.4, 4.6];
    private static readonly int[] NT = [20, 50, 9, 10, 14];
    private static readonly double[] PreC = [23.1, 24.9, 0.6, 55.7, 34.8], PostC = [19.7, 25.3, 0.6, 60.7, 33.4];
    private static readonly double[] SdPreC = [13.8, 4.1, 0.2, 17.3, 3.1], SdPostC = [14.8, 3.3, 0.2, 17.9, 6.9];
    private static readonly int[] NC = [20, 42, 9, 11, 14];
    private static readonly double[] R = [.47, .64, .77, .89, .44];

    private static PairedSummary Treatment(int i) => new(NT[i], PostT[i], SdPostT[i], PreT[i], SdPreT[i], R[i]);
    private static PairedSummary Control(int i) => new(NC[i], PostC[i], SdPostC[i], PreC[i], SdPreC[i], R[i]);

    private static EffectSizeEstimate Morris(string index, int i) =>
        index == "dppc2" ? EffectSize.PrePostControlD(Treatment(i), Control(i)) : EffectSize.PrePostControlD1(Treatment(i), Control(i));

    public static IEnumerable<object[]> MorrisCases() =>
        new[] { "dppc2", "dppc1" }.SelectMany(index => Enumerable.Range(0, 5).Select(i => new object[] { index, i }));

    // Source: known-results/effect-sizes/metafor.R (metafor 3.8.1; d_ppc2 and d_ppc1 (SMCR_T − SMCR_C with summed
    // variances) as coded in metafor's Morris test, with Morris 2008 Table 5 asserted there to 4 decimals).
    // Tolerance: 1e-10 relative for d, v and both CI bounds.
    [Theory]
    [MemberData(nameof(MorrisCases))]
    public void PrePostControl_MatchesMorrisTable5(string index, int i)
    {
        KnownResult expected = KnownResults.Row(Datasets.MetaforCsv, $"morris{i + 1}_{index}");
        EffectSizeEstimate d = Morris(index, i);
        AssertClose.Relative(expected["yi"], d.Estimate, 1e-10);
        AssertClose.Relative(expected["vi"], d.Variance, 1e-10);
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.975);
        AssertClose.Relative(expected["yi"] - z * Math.Sqrt(expected["vi"]), d.Ci.Lower, 1e-10);
        AssertClose.Relative(expected["yi"] + z * Math.Sqrt(expected["vi"]), d.Ci.Upper, 1e-10);
        Assert.Equal(new GroupSizes(NT[i], NC[i]), d.Sizes);
        Assert.Equal(index == "dppc2" ? "d_ppc2" : "d_ppc1", d.Name);
    }

    // Published values (Morris 2008 Table 5, 4 decimals). Tolerance: 5e-5 absolute.
    [Theory]
    [InlineData("dppc2", new[] { 0.7684, 0.8010, 1.2045, 1.0476, 0.4389 })]
    [InlineData("dppc1", new[] { 0.7421, 0.9524, 1.8054, 1.1514, 0.5050 })]
    public void PrePostControl_ReproducesPublishedTable5(string index, double[] published)
    {
        for (int i = 0; i < 5; i++) AssertClose.Absolute(published[i], Morris(index, i).Estimate, 5e-5);
    }

    // Source: metafor.R (escalc SMCR with sd1i = pre SD, SMCC). Tolerance: 1e-10 relative (1e-12 absolute for the 0 row).
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void StandardizedMeanChange_MatchesMetaforSmccSmcr(int i)
    {
        foreach ((string arm, PairedSummary s) in new[] { ("t", Treatment(i)), ("c", Control(i)) })
        {
            KnownResult smcr = KnownResults.Row(Datasets.MetaforCsv, $"morris{i + 1}_smcr_{arm}");
            KnownResult smcc = KnownResults.Row(Datasets.MetaforCsv, $"morris{i + 1}_smcc_{arm}");
            EffectSizeEstimate r = EffectSize.StandardizedMeanChange(s, ChangeStandardizer.RawScore);
            EffectSizeEstimate c = EffectSize.StandardizedMeanChange(s, ChangeStandardizer.ChangeScore);
            if (smcr["yi"] == 0) AssertClose.Absolute(0, r.Estimate, 1e-12); else AssertClose.Relative(smcr["yi"], r.Estimate, 1e-10, $"SMCR {i} {arm}");
            AssertClose.Relative(smcr["vi"], r.Variance, 1e-10, $"SMCR vi {i} {arm}");
            if (smcc["yi"] == 0) AssertClose.Absolute(0, c.Estimate, 1e-12); else AssertClose.Relative(smcc["yi"], c.Estimate, 1e-10, $"SMCC {i} {arm}");
            AssertClose.Relative(smcc["vi"], c.Variance, 1e-10, $"SMCC vi {i} {arm}");
        }
    }

    // Source: metafor.R borenstein_smcc / borenstein_smcr (Borenstein ch. 4 matched example: yi 0.492301, vi 0.022424).
    [Fact]
    public void StandardizedMeanChange_BorensteinMatchedExample()
    {
        var arm = new PairedSummary(50, 5, 10, 0, 10, 0.5);
        KnownResult smcc = KnownResults.Row(Datasets.MetaforCsv, "borenstein_smcc");
        EffectSizeEstimate g = EffectSize.StandardizedMeanChange(arm);
        AssertClose.Relative(smcc["yi"], g.Estimate, 1e-10);
        AssertClose.Relative(smcc["vi"], g.Variance, 1e-10);
    }

    [Fact]
    public void PrePostControlD_RawData_EqualsSummaries()
    {
        double[] tPre = [30, 28, 35, 31, 29, 33], tPost = [18, 20, 22, 15, 19, 25];
        double[] cPre = [32, 27, 30, 34, 29, 31, 28], cPost = [29, 26, 27, 31, 30, 28, 25];
        EffectSizeEstimate raw = EffectSize.PrePostControlD(tPost, tPre, cPost, cPre);
        EffectSizeEstimate summary = EffectSize.PrePostControlD(PairedSummary.Of(tPost, tPre), PairedSummary.Of(cPost, cPre));
        AssertClose.Relative(summary.Estimate, raw.Estimate, 1e-14);
        Assert.True(raw.Estimate < 0);   // a larger fall in the treatment arm gives a negative d_ppc2
        Assert.Equal(EffectSizeIndex.Dppc2, raw.Index);
    }
}
