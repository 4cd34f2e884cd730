using CohortAnalysis.Data;
using CohortAnalysis.Data.ApacheParquet;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>Issue 16: a number column's texts, found for small whole numbers by their value instead of the dictionary,
/// are the same strings and codes either way, and the guard's codes of a whole chunk are those of each value.</summary>
public sealed class NumberTextsTests
{
    private static string Text(double x)
    {
        var buffer = new char[RoundTripText.MaxLength];
        return new string(buffer, 0, RoundTripText.Write(x, buffer));
    }

    [Fact]
    public void Shared_SmallWholeNumbersAndOthers_SameTextAndCodeEveryTime()
    {
        double[] values = [0, -0.0, 3, 3.5, -4096, 4095, 4096, -4097, 1e300, 12, 0.1, -7, 2147483648];
        var texts = new NumberTexts();
        var first = new Dictionary<long, (string Text, int Code)>();
        var random = new Random(16);
        for (int i = 0; i < 5_000; i++)
        {
            double x = values[random.Next(values.Length)];
            string? text = texts.Shared(x, out int code);
            Assert.NotNull(text);
            Assert.Equal(Text(x), text);
            long bits = BitConverter.DoubleToInt64Bits(x);
            if (first.TryGetValue(bits, out var kept))
            {
                Assert.Same(kept.Text, text);
                Assert.Equal(kept.Code, code);
            }
            else
            {
                Assert.Equal(first.Count, code);   // codes in the order values were first met
                first[bits] = (text, code);
            }
        }
        Assert.Equal(values.Length, first.Count);
        Assert.NotEqual(texts.Shared(0.0, out _), texts.Shared(-0.0, out _));   // "0" and "-0"
    }

    [Fact]
    public void Shared_Integers_SameTextAndCodeEveryTime()
    {
        long[] values = [0, 1, -1, 4095, -4096, 4096, -4097, long.MaxValue, long.MinValue, 250];
        var texts = new NumberTexts();
        var random = new Random(17);
        var codes = new Dictionary<long, int>();
        for (int i = 0; i < 2_000; i++)
        {
            long n = values[random.Next(values.Length)];
            string? text = texts.Shared(n, out int code);
            Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), text);
            Assert.Equal(codes.TryGetValue(n, out int known) ? known : codes[n] = codes.Count, code);
        }
    }

    [Fact]
    public void TryCodes_AreEachValuesCode_NullForNaN_FalsePastCapacity()
    {
        var random = new Random(18);
        double[] numbers = Enumerable.Range(0, 3_000).Select(i => i % 11 == 0 ? double.NaN : random.Next(-50, 50) * (i % 3 == 0 ? 0.5 : 1)).ToArray();
        var guard = new NumberTexts();
        var loader = new NumberTexts();
        Assert.True(guard.TryCodes(numbers, [], out ReadOnlySpan<int> codes, out ReadOnlySpan<string> texts));
        for (int r = 0; r < numbers.Length; r++)
        {
            if (double.IsNaN(numbers[r])) { Assert.Equal(-1, codes[r]); continue; }
            Assert.Equal(loader.Shared(numbers[r], out int code), texts[codes[r]]);
            Assert.Equal(code, codes[r]);
        }

        double[] many = Enumerable.Range(0, NumberTexts.Capacity + 1).Select(i => i + 0.25).ToArray();
        Assert.False(new NumberTexts().TryCodes(many, [], out _, out _));
    }
}
