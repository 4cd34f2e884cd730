using CohortAnalysis.Numerics;
using Xunit;

namespace CohortAnalysis.Tests.Numerics;

/// <summary>Root finding (MathNet's Brent at machine accuracy, bisection polish) and where the numerics live.</summary>
public class RootFinderTests
{
    [Fact]
    public void MachineEpsilon_IsTheSpacingOfDoublesAboveOne_NotTheSmallestSubnormal()
    {
        Assert.Equal(RootFinder.MachineEpsilon, Math.BitIncrement(1.0) - 1.0);
        Assert.NotEqual(double.Epsilon, RootFinder.MachineEpsilon);
    }

    [Fact]
    public void Bracketed_SolvesToTheLastBit_AtAnyScale()
    {
        Assert.Equal(Math.Sqrt(2), RootFinder.Bracketed(x => x * x - 2, 1, 2), Math.Sqrt(2) * 4 * RootFinder.MachineEpsilon);
        double large = 3.7e12;
        Assert.Equal(large, RootFinder.Bracketed(x => x - large, 0, 1e13), large * 4 * RootFinder.MachineEpsilon);
        double small = 2.5e-200;
        // An absolute tolerance (what double.Epsilon-based code amounted to) would stop far from a root this small.
        Assert.Equal(small, RootFinder.Bracketed(x => x - small, -1, 1), small * 4 * RootFinder.MachineEpsilon);
    }

    [Fact]
    public void Bracketed_AFlatRootAtZero_IsPolishedOntoZero()
    {
        double root = RootFinder.Bracketed(x => x * x * x, -1, 2);
        Assert.True(Math.Abs(root) < 1e-90, $"root {root}");
    }

    [Fact]
    public void Bracketed_NoSignChange_IsNaN() => Assert.True(double.IsNaN(RootFinder.Bracketed(x => x * x + 1, -1, 1)));

    [Fact]
    public void DecreasingRoot_ExpandsTheBracketFromTheStart() =>
        Assert.Equal(1000, RootFinder.DecreasingRoot(x => 1000 - x, 0, 1), 1e-9);

    [Fact]
    public void DistributionsAndRootFinding_LiveInNumerics()
    {
        Assert.Equal("CohortAnalysis.Numerics", typeof(Distributions).Namespace);
        Assert.Equal("CohortAnalysis.Numerics", typeof(RootFinder).Namespace);
        Assert.Null(typeof(Distributions).GetMethod("FindRoot"));
    }
}
