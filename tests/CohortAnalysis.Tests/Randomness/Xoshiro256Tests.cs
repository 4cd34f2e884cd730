using CohortAnalysis.Randomness;
using Xunit;

namespace CohortAnalysis.Tests.Randomness;

public class Xoshiro256Tests
{
    // NextIndex forms the 128-bit product of a draw and n with Math.BigMul; it must give the indices of Lemire's
    // method with a full 128-bit multiplication (UInt128), including its rejections, or every bootstrap result changes.
    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(100)]
    [InlineData(1_000_003)]
    [InlineData(1_610_612_736)]   // 3·2²⁹: rejects about a quarter of the draws
    [InlineData(int.MaxValue)]
    public void NextIndex_IsLemireWithA128BitProduct(int n)
    {
        var generator = Xoshiro256.ForReplicate(20240601, n);
        var reference = Xoshiro256.ForReplicate(20240601, n);
        for (int i = 0; i < 20_000; i++)
            Assert.Equal(Lemire(ref reference, n), generator.NextIndex(n));
    }

    private static int Lemire(ref Xoshiro256 random, int n)
    {
        ulong range = (ulong)n;
        UInt128 product = (UInt128)random.NextUInt64() * range;
        ulong threshold = (0UL - range) % range;
        while ((ulong)product < threshold) product = (UInt128)random.NextUInt64() * range;
        return (int)(ulong)(product >> 64);
    }
}
