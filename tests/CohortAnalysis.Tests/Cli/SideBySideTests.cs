using CohortAnalysis.Cli;
using Xunit;

namespace CohortAnalysis.Tests.Cli;

public class SideBySideTests
{
    [Fact]
    public void For_EveryPieceRuns_EachWritesItsOwnSlot()
    {
        var squares = new int[1000];
        SideBySide.For(squares.Length, i => squares[i] = i * i);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * i), squares);
    }

    [Fact]
    public void For_SeveralFail_TheFirstInOrderIsRethrownUnwrapped_AfterAllRan()
    {
        int ran = 0;
        var e = Assert.Throws<InvalidOperationException>(() => SideBySide.For(64, i =>
        {
            Interlocked.Increment(ref ran);
            if (i == 40) throw new ArgumentException("forty");
            if (i == 7) throw new InvalidOperationException("seven");
            if (i == 50) throw new InvalidOperationException("fifty");
        }));
        Assert.Equal("seven", e.Message);
        Assert.Equal(64, ran);
    }

    [Fact]
    public void Run_FailureOfAnEarlierPieceWins_WhateverFinishesFirst()
    {
        var e = Assert.Throws<FormatException>(() => SideBySide.Run(
            () => { Thread.Sleep(50); throw new FormatException("first"); },
            () => throw new InvalidOperationException("second")));
        Assert.Equal("first", e.Message);
        Assert.Contains(nameof(Run_FailureOfAnEarlierPieceWins_WhateverFinishesFirst), e.StackTrace);   // thrown as it was, with its stack
    }
}
