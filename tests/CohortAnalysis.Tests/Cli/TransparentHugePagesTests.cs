using CohortAnalysis.Cli;
using Xunit;

namespace CohortAnalysis.Tests.Cli;

public class TransparentHugePagesTests
{
    [Fact]
    public void Reservation_LargeAnonymousUncommittedMapping_IsAdvised()
    {
        var range = TransparentHugePages.Reservation("7fc935801000-7fd4f7cca000 ---p 00000000 00:00 0");
        Assert.NotNull(range);
        Assert.Equal(0x7fc935801000, (long)range.Value.Start);
        Assert.Equal(0x7fd4f7cca000 - 0x7fc935801000, (long)range.Value.Length);
    }

    [Theory]
    [InlineData("7fc935801000-7fc935a01000 ---p 00000000 00:00 0")]                         // 2 MiB: a guard or small reservation
    [InlineData("7fc935801000-7fd4f7cca000 rw-p 00000000 00:00 0")]                         // committed: not the reservation
    [InlineData("7fc935801000-7fd4f7cca000 ---p 00000000 08:01 1234   /usr/lib/libc.so.6")] // a file's mapping
    [InlineData("7fd4f7cca000-7fc935801000 ---p 00000000 00:00 0")]                         // end before start
    [InlineData("garbage")]
    [InlineData("")]
    public void Reservation_AnythingElse_IsLeftAlone(string line) => Assert.Null(TransparentHugePages.Reservation(line));

    [Fact]
    public void AdviseGcHeap_InThisProcess_DoesNotThrowAndChangesNothingVisible()
    {
        TransparentHugePages.AdviseGcHeap();
        var values = new double[1 << 20];
        values[^1] = 1;
        Assert.Equal(1, values.Sum());
    }
}
