using System.Globalization;

namespace CohortAnalysis.Inference;

/// <summary>The result of a t test: the mean (difference) with its CI, t, df and p.</summary>
/// <remarks>Immutable; safe to share between threads. Fields mirror R's <c>htest</c> from <c>t.test</c>. Values that
/// were NaN are not used; <see cref="Sizes"/> counts them as missing and <see cref="Note"/> says so.</remarks>
/// <param name="Estimate">Mean (one-sample), mean of differences (paired) or x̄ − ȳ (two-sample).</param>
/// <param name="Ci">Confidence interval of <see cref="Estimate"/> (central t).</param>
/// <param name="StandardError">Standard error of <see cref="Estimate"/>.</param>
/// <param name="Statistic">t = (estimate − μ)/SE.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom (fractional for Welch).</param>
/// <param name="PValue">p-value for <see cref="Alternative"/>.</param>
/// <param name="Mu">The null value μ.</param>
/// <param name="Alternative">The alternative hypothesis.</param>
/// <param name="Sizes">Observations used (pairs for a paired test; x then y for two samples) and NaN values left out.</param>
/// <param name="Method">e.g. "Welch two-sample t test".</param>
/// <param name="Reference">Citation.</param>
/// <param name="Note">Empty, or why the result is degenerate (e.g. zero variance) and how many values were missing.</param>
public sealed record TTestEstimate(
    double Estimate,
    ConfidenceInterval Ci,
    double StandardError,
    double Statistic,
    double DegreesOfFreedom,
    double PValue,
    double Mu,
    Alternative Alternative,
    EstimateSizes Sizes,
    string Method,
    string Reference,
    string Note = "") : ITabular, IEstimate
{
    /// <summary>What the estimate describes (parameter, visit, arms); <see cref="Comparison.None"/> for plain numbers.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;

    /// <summary>"Mean", "Mean difference" (two-sample) or "Mean of differences" (paired).</summary>
    public string Name => !Sizes.Groups.IsSingleGroup ? "Mean difference"
        : Method.StartsWith("Paired", StringComparison.Ordinal) ? "Mean of differences" : "Mean";

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Method}: estimate = {Estimate:0.####}, {Ci}; t = {Statistic:0.####}, df = {DegreesOfFreedom:0.##}, p = {FormatP(PValue)} ({Sided.Describe(Alternative)}, mu = {Mu:0.####}), {Sizes}{(Note.Length > 0 ? "; " + Note : "")}");

    /// <summary>One row: estimate, CI, t, df, p and n; notes give the method, alternative and reference.</summary>
    public TableView ToTableView() => TableView.Create(Method,
        [new("Estimate", true), new(Display.CiHeader(Ci), true), new("SE", true), new("t", true), new("df", true), new("p", true), new("n", true)],
        [[Display.Number(Estimate, "0.###"), Display.Interval(Ci, "0.###"), Display.Number(StandardError, "0.###"), Display.Number(Statistic, "0.###"),
          Display.Number(DegreesOfFreedom, "0.##"), Display.P(PValue), Display.Sizes(Sizes.Groups)]],
        new[] { $"{Sided.Describe(Alternative)}; mu = {Display.Number(Mu, "0.####")}.", Reference, Note }.Where(s => s.Length > 0));

    /// <summary>A t estimate that could not be computed (too few values): NaN throughout, with the sizes and level asked for.</summary>
    internal static TTestEstimate NotEstimable(EstimateSizes sizes, double ciLevel, string method, string reference) =>
        new(double.NaN, ConfidenceInterval.NotEstimable(ciLevel, CiMethod.T), double.NaN, double.NaN, double.NaN, double.NaN, 0,
            Alternative.TwoSided, sizes, method, reference);

    internal static string FormatP(double p) =>
        double.IsNaN(p) ? "NA" : p < 1e-4 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.ToString("0.####", CultureInfo.InvariantCulture);
}
