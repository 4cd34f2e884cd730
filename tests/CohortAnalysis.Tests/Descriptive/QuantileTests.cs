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
}
