using CohortAnalysis.Missing;
using Xunit;

namespace CohortAnalysis.Tests.Missing;

public class RubinPoolingTests
{
    // Hand-checkable: θ̂ = 1, 2, 3 with U = 0.5 each, ν_com = ∞.
    // θ̄ = 2; ū = 0.5; b = ((1−2)² + 0 + (3−2)²)/2 = 1; t = 0.5 + (4/3)·1 = 11/6; λ = (4/3)/(11/6) = 8/11;
    // ν = ν_old = (M − 1)/λ² = 2·121/64 = 121/32; r = (4/3)/0.5 = 8/3; γ = (8/3 + 2/(121/32 + 3))/(1 + 8/3).
    [Fact]
    public void Pool_ThreeImputations_MatchesHandComputation()
    {
        PooledEstimate p = RubinPooling.Pool([1, 2, 3], [0.5, 0.5, 0.5]);
        AssertClose.Relative(2, p.Estimate, 1e-15);
        AssertClose.Relative(0.5, p.WithinVariance, 1e-15);
        AssertClose.Relative(1, p.BetweenVariance, 1e-15);
        AssertClose.Relative(11.0 / 6, p.TotalVariance, 1e-15);
        AssertClose.Relative(Math.Sqrt(11.0 / 6), p.StandardError, 1e-15);
        AssertClose.Relative(8.0 / 11, p.Lambda, 1e-15);
        AssertClose.Relative(121.0 / 32, p.DegreesOfFreedom, 1e-14);
        AssertClose.Relative(8.0 / 3, p.RelativeIncreaseInVariance, 1e-15);
        AssertClose.Relative((8.0 / 3 + 2 / (121.0 / 32 + 3)) / (1 + 8.0 / 3), p.FractionMissingInformation, 1e-14);
        Assert.Equal(3, p.Imputations);
        Assert.Equal(CiMethod.T, p.Ci.Method);
        Assert.True(p.Ci.Contains(p.Estimate));
    }

    // ν_com finite: ν_obs = (ν_com + 1)/(ν_com + 3)·ν_com·(1 − λ) = 11/13·10·3/11 = 30/13; ν = ν_old·ν_obs/(ν_old + ν_obs).
    [Fact]
    public void Pool_FiniteCompleteDataDf_CombinesOldAndObservedDf()
    {
        PooledEstimate p = RubinPooling.Pool([1, 2, 3], [0.5, 0.5, 0.5], completeDataDf: 10);
        double dfOld = 121.0 / 32, dfObs = 30.0 / 13;
        AssertClose.Relative(dfOld * dfObs / (dfOld + dfObs), p.DegreesOfFreedom, 1e-14);
    }

    [Fact]
    public void Pool_IdenticalImputations_GiveCompleteDataAnswer()
    {
        PooledEstimate p = RubinPooling.Pool([4, 4, 4, 4], [1, 1, 1, 1], completeDataDf: 20);
        Assert.Equal(0, p.BetweenVariance);
        AssertClose.Relative(1, p.StandardError, 1e-15);
        // λ bounded below by 1e-4 (mice): ν_old = 3e8, so ν is ν_obs to 1e-6.
        AssertClose.Relative(21.0 / 23 * 20 * (1 - 1e-4), p.DegreesOfFreedom, 1e-6);
    }

    [Fact]
    public void Pool_OneImputation_ThrowsNamingTheCount()
    {
        var e = Assert.Throws<ArgumentException>(() => RubinPooling.Pool([1], [1]));
        Assert.Equal("Rubin's rules need at least 2 imputations; got 1. (Parameter 'estimates')", e.Message);
    }

    [Fact]
    public void Pool_NegativeVariance_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => RubinPooling.Pool([1, 2], [1, -1]));
        Assert.StartsWith("Variance 2 = -1 must be finite and at least 0.", e.Message);
    }
}
