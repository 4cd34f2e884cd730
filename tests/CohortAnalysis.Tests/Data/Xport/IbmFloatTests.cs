using CohortAnalysis.Data.Xport;
using FsCheck.Xunit;
using Xunit;

namespace CohortAnalysis.Tests.Data.Xport;

/// <summary>IBM hexadecimal floating point: hand-made byte patterns whose values follow from the definition in TS-140,
/// x = (−1)^s · 0.F · 16^(e − 64), worked out by hand below each case.</summary>
public class IbmFloatTests
{
    public static TheoryData<ulong, double> Numbers => new()
    {
        { 0x0000_0000_0000_0000UL, 0.0 },                       // zero
        { 0x4110_0000_0000_0000UL, 1.0 },                       // 0.1 (hex) · 16^1
        { 0xC110_0000_0000_0000UL, -1.0 },
        { 0x4080_0000_0000_0000UL, 0.5 },                       // 0.8 (hex) · 16^0
        { 0x4264_0000_0000_0000UL, 100.0 },                     // 0x64 = 100: 0.64 (hex) · 16^2
        { 0x4119_9999_9999_999AUL, 1.6 },                       // 1.6 = 0x1.999... · 16^0, rounded in the last hex digit
        { 0x4019_9999_9999_999AUL, 0.1 },                       // 0.1: the 53 significant bits equal IEEE's 0x3FB999999999999A
        { 0x4220_0000_0000_0000UL, 32.0 },
        { 0x44FF_FF00_0000_0000UL, 65535.0 },                   // 0.FFFF · 16^4 = 0xFFFF
        { 0x7FFF_FFFF_FFFF_FFFFUL, 7.237005577332262e75 },      // largest: (1 − 16^−14) · 16^63 rounds to 16^63 = 2^252
        { 0x0010_0000_0000_0000UL, 5.397605346934028e-79 },     // smallest normalised: 16^−65
        { 0x0000_0000_0000_0001UL, 1.1985091468012028e-94 },   // unnormalised: 2^−56 · 16^−64 = 2^−312
        { 0xC276_A000_0000_0000UL, -118.625 },                  // the worked example of IBM's Principles of Operation
        { 0x40FF_FFFF_FFFF_FFFFUL, 1.0 },                       // 1 − 2^−56 rounds to the nearest double, 1
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void ToDouble_HandMadeBytes_GivesTheDefinedValue(ulong bits, double expected)
    {
        double x = IbmFloat.ToDouble(XptBytes.Ibm(bits), out char missing);
        Assert.Equal('\0', missing);
        Assert.Equal(expected, x);
    }

    [Fact]
    public void ToDouble_NegativeZero_KeepsTheSign()
    {
        double x = IbmFloat.ToDouble(XptBytes.Ibm(0x8000_0000_0000_0000UL), out char missing);
        Assert.Equal('\0', missing);
        Assert.True(x == 0 && double.IsNegative(x));
    }

    [Theory]
    [InlineData('.')]
    [InlineData('A')]
    [InlineData('M')]
    [InlineData('Z')]
    [InlineData('_')]
    public void ToDouble_MissingCodes_AreNaNWithTheirCode(char code)
    {
        double x = IbmFloat.ToDouble(XptBytes.Ibm((ulong)code << 56), out char missing);
        Assert.True(double.IsNaN(x));
        Assert.Equal(code, missing);
    }

    [Fact]
    public void ToDouble_EveryMissingCode_IsRecognised()
    {
        string codes = "._" + string.Concat(Enumerable.Range('A', 26).Select(c => (char)c));
        foreach (char code in codes)
        {
            IbmFloat.ToDouble(XptBytes.Ibm((ulong)code << 56), out char missing);
            Assert.Equal(code, missing);
        }
        Assert.Equal(28, codes.Length);
    }

    [Fact]
    public void ToDouble_MissingCodeByteWithAFraction_IsANumber()
    {
        // 0x41 is also exponent 65: with a non-zero fraction it is 1.0, not .A
        Assert.Equal(1.0, IbmFloat.ToDouble(XptBytes.Ibm(0x4110_0000_0000_0000UL), out char missing));
        Assert.Equal('\0', missing);
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0x10, 0x00 }, 1.0)]                      // length 3: remaining bytes are zero
    [InlineData(new byte[] { 0x42, 0x64 }, 100.0)]                          // length 2
    [InlineData(new byte[] { 0x41, 0x19, 0x99, 0x99 }, 1.5999994277954102)] // 1.6 cut to 4 bytes: 0x199999 · 2^−20
    public void ToDouble_ShortLengths_PadWithZeros(byte[] bytes, double expected) =>
        Assert.Equal(expected, IbmFloat.ToDouble(bytes, out _));

    [Fact]
    public void ToDouble_ShortMissing_IsMissing()
    {
        Assert.True(double.IsNaN(IbmFloat.ToDouble([(byte)'.', 0, 0], out char missing)));
        Assert.Equal('.', missing);
    }

    [Theory]
    [InlineData(1.0, 0x4110_0000_0000_0000UL)]
    [InlineData(-118.625, 0xC276_A000_0000_0000UL)]
    [InlineData(0.1, 0x4019_9999_9999_999AUL)]
    [InlineData(100.0, 0x4264_0000_0000_0000UL)]
    public void FromDouble_KnownValues_GiveTheHandMadeBytes(double value, ulong bits)
    {
        var bytes = new byte[8];
        IbmFloat.FromDouble(value, bytes);
        Assert.Equal(XptBytes.Ibm(bits), bytes);
    }

    [Fact]
    public void FromDouble_OutOfRange_RefusesOrUnderflows()
    {
        var bytes = new byte[8];
        Assert.Throws<ArgumentOutOfRangeException>(() => IbmFloat.FromDouble(1e76, bytes));
        Assert.Throws<ArgumentOutOfRangeException>(() => IbmFloat.FromDouble(double.PositiveInfinity, bytes));
        IbmFloat.FromDouble(1e-80, bytes);
        Assert.Equal(0.0, IbmFloat.ToDouble(bytes, out _));
        IbmFloat.FromDouble(-0.0, bytes);
        Assert.True(double.IsNegative(IbmFloat.ToDouble(bytes, out _)));
    }

    [Property(MaxTest = 2000)]
    public void FromDouble_ThenToDouble_IsExactInsideIbmRange(double x)
    {
        if (!double.IsFinite(x) || Math.Abs(x) > 7e75 || (x != 0 && Math.Abs(x) < 1e-78)) return;
        var bytes = new byte[8];
        IbmFloat.FromDouble(x, bytes);
        Assert.Equal(x, IbmFloat.ToDouble(bytes, out _));
    }
}
