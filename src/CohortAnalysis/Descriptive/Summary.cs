using System.Globalization;
using CohortAnalysis.Inference;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Descriptive;

/// <summary>Descriptive statistics of one sample: n, missing, mean, SD, SE, t CI of the mean, median, quartiles, range.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Statistics that need more observations than available are <see cref="double.NaN"/>
/// (n = 1: SD, SE and CI; n = 0: everything) rather than an exception, so a table cell can show them as missing.</para>
/// <para>This is the set tern's <c>summarize_change</c> and SAS PROC MEANS report for a change-from-baseline table.</para>
/// <para>As an <see cref="IEstimate"/> it is the mean with its t interval ("Mean", SE, df = n − 1).</para>
/// </remarks>
/// <param name="Sizes">Non-missing values used (<see cref="EstimateSizes.Used"/>) and NaN values counted as missing
/// (<see cref="EstimateSizes.Missing"/>).</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Sd">Sample standard deviation (divisor n − 1).</param>
/// <param name="Se">Standard error of the mean, SD/√n.</param>
/// <param name="MeanCi">Two-sided t interval of the mean, mean ± t(1 − α/2, n − 1)·SE.</param>
/// <param name="Median">The usual median (average of the two middle values for even n), whatever <see cref="QuantileMethod"/> is; equal to the 0.5 quantile under SAS PCTLDEF=5 and R types 2, 5–9.</param>
/// <param name="Q1">First quartile under <see cref="QuantileMethod"/>.</param>
/// <param name="Q3">Third quartile under <see cref="QuantileMethod"/>.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="QuantileMethod">The quantile definition used for <see cref="Q1"/> and <see cref="Q3"/>.</param>
public sealed record Summary(
    EstimateSizes Sizes,
    double Mean,
    double Sd,
    double Se,
    ConfidenceInterval MeanCi,
    double Median,
    double Q1,
    double Q3,
    double Min,
    double Max,
    QuantileMethod QuantileMethod) : ITabular, IEstimate, IDescribedSample
{
    Summary IDescribedSample.Summary => this;

    /// <summary>Number of non-missing values used (<see cref="EstimateSizes.Used"/> of <see cref="Sizes"/>).</summary>
    public int N => Sizes.Used;

    /// <summary>What was summarised (parameter, arm, visit, variable); <see cref="Comparison.None"/> for plain numbers.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;

    /// <summary>"Mean".</summary>
    public string Name => "Mean";

    double IEstimate.Estimate => Mean;

    ConfidenceInterval IEstimate.Ci => MeanCi;

    double IEstimate.StandardError => Se;

    double IEstimate.DegreesOfFreedom => N >= 2 ? N - 1 : double.NaN;

    /// <summary>"Arithmetic mean; t interval (n − 1 df)".</summary>
    public string Method => "arithmetic mean; t interval with n - 1 df";

    /// <summary>Empty, or how many missing values were left out and why a statistic is NaN.</summary>
    public string Note => MissingNote.Append(N == 0 ? "no non-missing value" : N == 1 ? "n = 1: no SD, SE or interval" : "", Sizes.Missing, "values");

    /// <summary>Summarizes the values; NaN values count as missing.</summary>
    /// <remarks>
    /// <para>Mean and SD by a corrected two-pass algorithm (mean, then Σ(x − x̄)² − (Σ(x − x̄))²/n), which
    /// is exact to rounding even for data with a large common offset (NIST StRD NumAcc1–4).</para>
    /// <para>CI: x̄ ± t(1 − α/2, n − 1)·s/√n, as SAS PROC MEANS CLM and R <c>t.test(x)$conf.int</c>.</para>
    /// <para>Quantiles: <see cref="SummaryOptions.QuantileMethod"/>, default SAS PCTLDEF=5 (R type 2).</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SummaryOptions.CiLevel"/> is not in (0, 1).</exception>
    public static Summary Of(ReadOnlySpan<double> values, SummaryOptions? options = null)
    {
        options ??= SummaryOptions.Default;
        Guard.CiLevel(options.CiLevel);
        double[] sorted = Quantiles.SortedWithoutNaN(values);
        int n = sorted.Length;
        int missing = values.Length - n;
        if (n == 0)
            return new Summary(EstimateSizes.Single(0, missing), double.NaN, double.NaN, double.NaN,
                ConfidenceInterval.NotEstimable(options.CiLevel, CiMethod.T),
                double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, options.QuantileMethod);

        (double mean, double variance) = SampleMoments.MeanAndVariance(sorted);
        double sd = Math.Sqrt(variance);
        double se = sd / Math.Sqrt(n);
        ConfidenceInterval ci = ConfidenceInterval.NotEstimable(options.CiLevel, CiMethod.T);
        if (n >= 2)
        {
            double t = Distributions.StudentTQuantile((1 + options.CiLevel) / 2, n - 1);
            ci = new ConfidenceInterval(mean - t * se, mean + t * se, options.CiLevel, CiMethod.T);
        }
        return new Summary(EstimateSizes.Single(n, missing), mean, sd, se, ci,
            Quantiles.OfSorted(sorted, 0.5, QuantileMethod.R7),
            Quantiles.OfSorted(sorted, 0.25, options.QuantileMethod),
            Quantiles.OfSorted(sorted, 0.75, options.QuantileMethod),
            sorted[0], sorted[^1], options.QuantileMethod);
    }

    /// <summary>Summarizes the values; NaN values count as missing.</summary>
    /// <remarks>Array overload of <see cref="Of(ReadOnlySpan{double}, SummaryOptions?)"/> (unambiguous for C# 12 callers).</remarks>
    public static Summary Of(double[] values, SummaryOptions? options = null)
    {
        Guard.NotNull(values);
        return Of(values.AsSpan(), options);
    }

    /// <summary>Summarizes the values; NaN values count as missing.</summary>
    /// <remarks>Convenience overload of <see cref="Of(ReadOnlySpan{double}, SummaryOptions?)"/>.</remarks>
    public static Summary Of(IEnumerable<double> values, SummaryOptions? options = null)
    {
        Guard.NotNull(values);
        return Of(values.ToArray().AsSpan(), options);
    }

    /// <summary>The textbook reference for the statistics reported.</summary>
    public string Reference => Citations.ChanGolubLeVeque1983 + " " + Citations.HyndmanFan1996;

    /// <inheritdoc />
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string missing = Sizes.Missing > 0 ? string.Create(c, $" ({Sizes.Missing} missing)") : "";
        return string.Create(c,
            $"n = {N}{missing}; mean = {F(Mean)} (SD {F(Sd)}, SE {F(Se)}), {MeanCi}; median = {F(Median)} (Q1 {F(Q1)}, Q3 {F(Q3)}; {Describe(QuantileMethod)}); range {F(Min)} to {F(Max)}");
    }

    /// <summary>One row: n, n missing, mean, SD, SE, CI, median, Q1, Q3, min, max.</summary>
    public TableView ToTableView() => TableView.Create("Summary",
        [new("n", true), new("n miss", true), new("Mean", true), new("SD", true), new("SE", true), new(Display.CiHeader(MeanCi) + " (t)", true),
         new("Median", true), new("Q1", true), new("Q3", true), new("Min", true), new("Max", true)],
        [[Display.Integer(N), Display.Integer(Sizes.Missing), Display.Number(Mean, "0.###"), Display.Number(Sd, "0.###"), Display.Number(Se, "0.###"),
          Display.Interval(MeanCi, "0.###"), Display.Number(Median, "0.###"), Display.Number(Q1, "0.###"), Display.Number(Q3, "0.###"),
          Display.Number(Min, "0.###"), Display.Number(Max, "0.###")]],
        [$"Median: R type 7; Q1, Q3: {Describe(QuantileMethod)}.", Reference]);

    internal static string Describe(QuantileMethod method) =>
        method == QuantileMethod.SasDefinition5 ? "SAS PCTLDEF=5" : "R type " + ((int)method).ToString(CultureInfo.InvariantCulture);

    internal static string F(double x) => double.IsNaN(x) ? "NA" : x.ToString("0.####", CultureInfo.InvariantCulture);
}
