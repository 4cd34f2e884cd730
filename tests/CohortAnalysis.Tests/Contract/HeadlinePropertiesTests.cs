using System.Reflection;
using CohortAnalysis.Change;
using CohortAnalysis.Responders;
using Xunit;

namespace CohortAnalysis.Tests.Contract;

/// <summary>Results read as their headline estimate keep Estimate, Ci, Sizes and PValue as public properties, as they
/// had before <see cref="IHeadlineEstimate"/>: a caller writes <c>withinArm.Estimate</c>, not a cast to IEstimate.</summary>
public class HeadlinePropertiesTests
{
    public static TheoryData<Type> HeadlineTypes() =>
        [typeof(WithinArmChange), typeof(BetweenArmChange), typeof(ArmResponders), typeof(ResponderComparison), typeof(StratifiedResponderComparison)];

    [Fact]
    public void EveryHeadlineResult_IsListed()
    {
        int found = typeof(IEstimate).Assembly.GetTypes().Count(t => t.IsClass && typeof(IHeadlineEstimate).IsAssignableFrom(t));
        Assert.Equal(HeadlineTypes().Count, found);
    }

    [Theory]
    [MemberData(nameof(HeadlineTypes))]
    public void HeadlineResult_HasPublicEstimateCiSizesPValue(Type type)
    {
        foreach (string name in new[] { "Estimate", "Ci", "Sizes", "PValue" })
            Assert.NotNull(type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance));
    }
}
