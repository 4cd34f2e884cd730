using System.Globalization;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>Issue 16: the plain-decimal fast path gives the general parser's double, bit for bit, and leaves every other
/// spelling to it.</summary>
public sealed class PlainDecimalTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("41")]
    [InlineData("-9")]
    [InlineData("12.5")]
    [InlineData("-0.000")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("123456789012345")]
    [InlineData("1.23456789012345")]
    [InlineData("-99999999999999.9")]
    [InlineData("007.250")]
    public void TryParse_PlainDecimals_SameBitsAsDoubleParse(string text)
    {
        Assert.True(PlainDecimal.TryParse(text, out double fast));
        double general = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(general), BitConverter.DoubleToInt64Bits(fast));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+5")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("1e3")]
    [InlineData("1,5")]
    [InlineData("1234567890123456")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData(" 1")]
    [InlineData("NaN")]
    [InlineData("١٢")]
    public void TryParse_AnythingElse_LeftToTheGeneralParser(string text) => Assert.False(PlainDecimal.TryParse(text, out _));

    [Fact]
    public void TryParse_RandomDecimals_SameBitsAsDoubleParse()
    {
        var random = new Random(7);
        int checkedCount = 0;
        for (int i = 0; i < 200_000; i++)
        {
            int digits = random.Next(1, 16);
            var text = new System.Text.StringBuilder();
            if (random.Next(2) == 0) text.Append('-');
            int point = random.Next(-1, digits);     // -1: no point
            for (int d = 0; d < digits; d++)
            {
                if (d == point && d > 0) text.Append('.');
                text.Append((char)('0' + random.Next(10)));
            }
            string s = text.ToString();
            Assert.True(PlainDecimal.TryParse(s, out double fast), s);
            double general = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.DoubleToInt64Bits(general) == BitConverter.DoubleToInt64Bits(fast), s);
            checkedCount++;
        }
        Assert.Equal(200_000, checkedCount);
    }
}
