using CohortAnalysis.EffectSizes;
using CohortAnalysis.Resampling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CohortAnalysis.Tests.EffectSizes;

/// <summary>A realistic score sample: 2–200 integer scores in a MADRS-like range 0–60 with non-zero spread.</summary>
public sealed record ScoreSample(double[] Values)
{
    public override string ToString() => "[" + string.Join(", ", Values) + "]";
}

public static class ScoreSamples
{
    public static Arbitrary<ScoreSample> Samples() => Arb.From(
        Gen.Choose(2, 200)
            .SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 60), n))
            .Where(v => v.Distinct().Count() > 1)
            .Select(v => new ScoreSample(v.Select(i => (double)i).ToArray())));
}

[Properties(Arbitrary = new[] { typeof(ScoreSamples) })]
public class EffectSizeProperties
{
    [Property]
    public void CohensD_SwappingGroups_FlipsSignAndInterval(ScoreSample x, ScoreSample y)
    {
        EffectSizeEstimate xy = EffectSize.CohensD(x.Values, y.Values);
        EffectSizeEstimate yx = EffectSize.CohensD(y.Values, x.Values);
        AssertClose.Absolute(-xy.Estimate, yx.Estimate, 1e-12 * (1 + Math.Abs(xy.Estimate)));
        AssertClose.Absolute(-xy.Ci.Upper, yx.Ci.Lower, 1e-9 * (1 + Math.Abs(xy.Ci.Upper)));
        AssertClose.Absolute(-xy.Ci.Lower, yx.Ci.Upper, 1e-9 * (1 + Math.Abs(xy.Ci.Lower)));
    }

    [Property]
    public void CohensD_IsShiftAndPositiveScaleInvariant(ScoreSample x, ScoreSample y, int shift, PositiveInt scale)
    {
        double c = shift % 1000, a = 1 + scale.Get % 100 / 7.0;
        EffectSizeEstimate d = EffectSize.CohensD(x.Values, y.Values);
        EffectSizeEstimate moved = EffectSize.CohensD(x.Values.Select(v => a * v + c).ToArray(), y.Values.Select(v => a * v + c).ToArray());
        AssertClose.Absolute(d.Estimate, moved.Estimate, 1e-9 * (1 + Math.Abs(d.Estimate)));
        AssertClose.Absolute(d.Ci.Lower, moved.Ci.Lower, 1e-8 * (1 + Math.Abs(d.Ci.Lower)));
        AssertClose.Absolute(d.Ci.Upper, moved.Ci.Upper, 1e-8 * (1 + Math.Abs(d.Ci.Upper)));
    }

    [Property]
    public void Intervals_ContainTheEstimate(ScoreSample x, ScoreSample y)
    {
        foreach (EffectSizeEstimate e in new[]
        {
            EffectSize.CohensD(x.Values, y.Values),
            EffectSize.HedgesG(x.Values, y.Values),
            EffectSize.CohensD(x.Values, y.Values, new() { PooledSd = false }),
            EffectSize.CohensD(x.Values, y.Values, new() { CiMethod = CiMethod.Normal }),
            EffectSize.RankBiserial(x.Values, y.Values),
            EffectSize.ProbabilityOfSuperiority(x.Values, y.Values),
        })
            Assert.True(e.Ci.Lower <= e.Estimate && e.Estimate <= e.Ci.Upper, e.ToString());
        double[] y2 = y.Values.Select(v => v + 1).ToArray();
        if (x.Values.Distinct().Count() > 1 && Has(y2))
            foreach (EffectSizeEstimate e in new[] { EffectSize.GlassDelta(x.Values, y2) })
                Assert.True(e.Ci.Lower <= e.Estimate && e.Estimate <= e.Ci.Upper, e.ToString());
    }

    [Property]
    public void Interval_NarrowsAsNGrows(ScoreSample x, ScoreSample y)
    {
        // the same data twice over: d barely moves (n − 1 denominators) but the CI must narrow
        EffectSizeEstimate d = EffectSize.CohensD(x.Values, y.Values);
        EffectSizeEstimate twice = EffectSize.CohensD(x.Values.Concat(x.Values).ToArray(), y.Values.Concat(y.Values).ToArray());
        Assert.True(twice.Ci.Width < d.Ci.Width, $"{twice.Ci.Width} !< {d.Ci.Width}");
    }

    [Property]
    public void HedgesG_IsSmallerInMagnitudeThanD(ScoreSample x, ScoreSample y)
    {
        EffectSizeEstimate d = EffectSize.CohensD(x.Values, y.Values);
        EffectSizeEstimate g = EffectSize.HedgesG(x.Values, y.Values);
        if (d.Estimate == 0) Assert.Equal(0, g.Estimate);
        else Assert.True(Math.Abs(g.Estimate) < Math.Abs(d.Estimate));
    }

    [Property]
    public void SubjectOrder_DoesNotMatter(ScoreSample x, ScoreSample y)
    {
        EffectSizeEstimate d = EffectSize.CohensD(x.Values, y.Values);
        EffectSizeEstimate reversed = EffectSize.CohensD(x.Values.Reverse().ToArray(), y.Values.Reverse().ToArray());
        AssertClose.Absolute(d.Estimate, reversed.Estimate, 1e-12 * (1 + Math.Abs(d.Estimate)));
        Assert.Equal(EffectSize.RankBiserial(x.Values, y.Values).Estimate, EffectSize.RankBiserial(x.Values.Reverse().ToArray(), y.Values.Reverse().ToArray()).Estimate);
    }

    [Property(MaxTest = 15)]
    public void Bootstrap_SameSeedAndAnyThreadCount_GiveIdenticalBits(ScoreSample x, ScoreSample y, ulong seed)
    {
        var o = new StandardizedDifferenceOptions { CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = 300, Seed = seed } };
        EffectSizeEstimate a = EffectSize.HedgesG(x.Values, y.Values, o);
        EffectSizeEstimate b = EffectSize.HedgesG(x.Values, y.Values, o with { Bootstrap = o.Bootstrap with { MaxDegreeOfParallelism = 1 } });
        EffectSizeEstimate c = EffectSize.HedgesG(x.Values, y.Values, o with { Bootstrap = o.Bootstrap with { MaxDegreeOfParallelism = 3 } });
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Ci.Lower), BitConverter.DoubleToInt64Bits(b.Ci.Lower));
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Ci.Upper), BitConverter.DoubleToInt64Bits(c.Ci.Upper));
        Assert.Equal(a, b);
    }

    private static bool Has(double[] v) => v.Distinct().Count() > 1;
}
