using CohortAnalysis.Descriptive;
using Xunit;

namespace CohortAnalysis.Tests.Descriptive;

public class QuantileTests
{
    // Source: known-results/change/change.R (R 4.2.2 quantile(x, p, type = 1..9)), 5 datasets × 9 types × 11 probabilities.
    // Tolerance: 1e-13 relative (the same arithmetic as R's quantile.default).
    [Fact]
    public void Quantile_AllNineTypes_MatchR()
    {
        IReadOnlyList<KnownResult> rows = KnownResults.Rows("change/quantiles.csv");
        Assert.True(rows.Count >= 400);
        foreach (KnownResult r in rows)
        {
            double[] x = KnownInputs.Vector("change/inputs.csv", r.Text("dataset"));
            var method = (QuantileMethod)(int)r["type"];
            AssertClose.Relative(r["q"], Quantiles.Quantile(x, r["prob"], method), 1e-13, r.Id);
        }
    }

    [Fact]
    public void Quantile_SasDefinition5_EqualsR2()
    {
        double[] x = KnownInputs.Vector("change/inputs.csv", "chg_ties");
        for (double p = 0; p <= 1; p += 0.01)
            Assert.Equal(Quantiles.Quantile(x, p, QuantileMethod.R2), Quantiles.Quantile(x, p, QuantileMethod.SasDefinition5));
    }

    [Fact]
    public void Quantile_ProbabilityOutsideUnitInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Quantile([1.0, 2.0], 1.5));
    }

    // R 4.2.2: quantile(c(1, 2, Inf), c(0.5, 0.75, 1)) = 2, Inf, Inf (type 7); quantile(c(-Inf, Inf), 0.5) = NaN.
    [Fact]
    public void Quantile_KeepsInfiniteValues_AsR()
    {
        double[] x = [2.0, double.PositiveInfinity, double.NaN, 1.0];
        Assert.Equal(2, Quantiles.Quantile(x, 0.5, QuantileMethod.R7));
        Assert.Equal(double.PositiveInfinity, Quantiles.Quantile(x, 0.75, QuantileMethod.R7));
        Assert.Equal(double.PositiveInfinity, Quantiles.Quantile(x, 1.0, QuantileMethod.SasDefinition5));
        Assert.Equal(1, Quantiles.Quantile(x, 0.0, QuantileMethod.SasDefinition5));
        Assert.True(double.IsNaN(Quantiles.Quantile([double.NegativeInfinity, double.PositiveInfinity], 0.5, QuantileMethod.R7)));
    }
}
