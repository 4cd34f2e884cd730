using CohortAnalysis.Numerics;
using Xunit;

namespace CohortAnalysis.Tests.Numerics;

public class TotalOrderSortTests
{
    private static readonly double[] Edges =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, double.PositiveInfinity,
        double.NegativeInfinity, 1e-310, -1e-310, 1, -1, 0.1, -0.1, 41, 41, 2.5e15, -2.5e15,
    ];

    private static double[] Values(int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (int i = 0; i < n; i++)
            values[i] = (i % 4) switch
            {
                0 => random.Next(0, 61),                                       // MADRS-like integers: many ties
                1 => Edges[random.Next(Edges.Length)],
                2 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64()) is var x && double.IsNaN(x) ? double.NaN : x,
            };
        return values;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(47)]
    [InlineData(48)]
    [InlineData(49)]
    [InlineData(1000)]
    [InlineData(100_003)]
    public void WithoutNaN_SameSequenceAsComparisonSort_ZerosPositive(int n)
    {
        double[] values = Values(n, n);
        double[] original = (double[])values.Clone();
        double[] sorted = TotalOrderSort.WithoutNaN(values);

        double[] expected = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(expected);
        Assert.Equal(original, values);   // the input is left as it was
        Assert.Equal(expected.Length, sorted.Length);
        for (int i = 0; i < sorted.Length; i++)
        {
            Assert.True(expected[i] == sorted[i], $"position {i}: {expected[i]} vs {sorted[i]}");
            if (sorted[i] == 0) Assert.False(double.IsNegative(sorted[i]), $"-0 at {i}");
            else Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(sorted[i]));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(48)]
    [InlineData(20_000)]
    public void Order_IsAPermutationThatSorts(int n)
    {
        double[] values = Values(n, 7 + n).Select(v => double.IsNaN(v) ? 3.5 : v).ToArray();
        Assert.True(TotalOrderSort.TryOrder(values, out int[] order));
        Assert.Equal(Enumerable.Range(0, n), order.Order());
        for (int i = 1; i < n; i++) Assert.True(values[order[i - 1]] <= values[order[i]], $"position {i}");
    }

    [Fact]
    public void Order_NaN_Refused()
    {
        Assert.False(TotalOrderSort.TryOrder([1, double.NaN], out int[] order));
        Assert.Empty(order);
    }

    [Fact]
    public void Key_RoundTripsEveryEdgeAndKeepsOrder_NegativeZeroAsZero()
    {
        foreach (double v in Edges.Where(v => v != 0))
            Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(TotalOrderSort.Value(TotalOrderSort.Key(v))));
        Assert.Equal(TotalOrderSort.Key(-0.0), TotalOrderSort.Key(0.0));
        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(TotalOrderSort.Value(TotalOrderSort.Key(-0.0))));
        Assert.True(TotalOrderSort.Key(double.NegativeInfinity) < TotalOrderSort.Key(double.MinValue));
        Assert.True(TotalOrderSort.Key(-double.Epsilon) < TotalOrderSort.Key(-0.0));
        Assert.True(TotalOrderSort.Key(double.MaxValue) < TotalOrderSort.Key(double.PositiveInfinity));
    }
}
