using Xunit;

namespace CohortAnalysis.Tests;

public class ConfidenceIntervalTests
{
    [Fact]
    public void ToString_IsInvariantAndNamesMethod()
    {
        var ci = new ConfidenceInterval(0.163076532, 2.062145834, 0.95, CiMethod.NoncentralT);
        Assert.Equal("95% CI [0.1631, 2.0621] (noncentral t)", ci.ToString());
    }
}
