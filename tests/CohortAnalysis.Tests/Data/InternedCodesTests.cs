using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>Issue 16: a code read again is the string made the first time; different codes stay different.</summary>
public sealed class InternedCodesTests
{
    [Fact]
    public void Intern_SameCharacters_SameString_AcrossGrowth()
    {
        var codes = new InternedCodes();
        var first = new string[5_000];
        for (int i = 0; i < first.Length; i++) first[i] = codes.Intern($"DEMO-{i:D5}".AsSpan());
        Assert.Equal(5_000, codes.Count);
        for (int i = 0; i < first.Length; i++)
        {
            string again = codes.Intern($"DEMO-{i:D5}".ToCharArray());
            Assert.Same(first[i], again);
            Assert.True(codes.Contains($"DEMO-{i:D5}"));
        }
        Assert.Equal(5_000, codes.Count);
        Assert.False(codes.Contains("DEMO-99999"));
        Assert.Equal("", codes.Intern([]));
        Assert.NotSame(codes.Intern("placebo"), codes.Intern("Placebo"));
    }
}
