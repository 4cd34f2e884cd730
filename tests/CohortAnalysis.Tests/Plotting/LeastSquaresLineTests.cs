using CohortAnalysis.Plotting;
using Xunit;

namespace CohortAnalysis.Tests.Plotting;

/// <summary>The regression line and r shown on <see cref="CohortPlots.ChangeScatter(IEnumerable{PairedPoint}, string, string, CohortPlotStyle?)"/>.</summary>
public class LeastSquaresLineTests
{
    private static readonly double[] Mood = [-18, -22, -9, -25, -14, -20, -6, -11];
    private static readonly double[] Pain = [-2.1, -3.0, -0.4, -2.8, -1.9, -2.2, 0.3, -1.1];

    // Source: known-results/plotting/least_squares.R (R 4.2.2, lm and cor). Tolerance: 1e-10 relative (closed form).
    [Fact]
    public void Fit_MatchesRLmAndCor()
    {
        KnownResult expected = KnownResults.Row("plotting/least_squares.csv", "mood_vs_pain");
        LeastSquaresLine fit = LeastSquaresLine.Fit(Mood, Pain);
        AssertClose.Relative(expected["slope"], fit.Slope, 1e-10);
        AssertClose.Relative(expected["intercept"], fit.Intercept, 1e-10);
        AssertClose.Relative(expected["r"], fit.R, 1e-10);
        Assert.Equal(8, fit.N);
    }

    // Source: known-results/plotting/least_squares.R, x shifted by 1e6. R's own slope there differs from the
    // unshifted one by 7e-12 relative (QR on an offset column), so slope and r are held to 1e-9 and the
    // intercept, which cancels 1e5-sized terms, to 1e-6.
    [Fact]
    public void Fit_LargeOffset_StaysAccurate()
    {
        KnownResult expected = KnownResults.Row("plotting/least_squares.csv", "mood_vs_pain_offset");
        LeastSquaresLine fit = LeastSquaresLine.Fit(Mood.Select(x => x + 1e6).ToArray(), Pain);
        AssertClose.Relative(expected["slope"], fit.Slope, 1e-9);
        AssertClose.Relative(expected["r"], fit.R, 1e-9);
        AssertClose.Relative(expected["intercept"], fit.Intercept, 1e-6);
    }

    [Fact]
    public void Fit_NoSpreadOrTooFewPoints_GivesNaN()
    {
        Assert.True(double.IsNaN(LeastSquaresLine.Fit([1, 1, 1], [2, 3, 4]).R));
        Assert.True(double.IsNaN(LeastSquaresLine.Fit([1], [2]).Slope));
    }
}
