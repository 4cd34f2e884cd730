using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>How many rows the loader sizes its columns for at most: never fewer than the fixed floor, a quarter of the
/// memory the process may use where that is more, and never more than an array can hold.</summary>
public sealed class ReservableRowsTests
{
    [Theory]
    [InlineData(0L, CohortBuilder.MaxReservedRows)]                     // no memory information
    [InlineData(2L << 30, CohortBuilder.MaxReservedRows)]              // 2 GiB: a quarter holds fewer rows than the floor
    [InlineData(24L << 30, 131_478_590)]                                 // 24 GiB: 6 GiB / 49 bytes per row
    [InlineData(long.MaxValue, 0x7FFFFFC7)]                             // Array.MaxLength
    public void ReservableRows_IsAQuarterOfTheMemoryInRows_BetweenTheFloorAndAnArraysLength(long available, int expected) =>
        Assert.Equal(expected, CohortBuilder.ReservableRows(available));
}
