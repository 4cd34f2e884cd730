using System.Globalization;
using CohortAnalysis.Inference;

namespace CohortAnalysis.Responders;

/// <summary>A test of association in a 2×2 (or stratified 2×2×K) responder table: Fisher exact, chi-square or CMH.</summary>
/// <remarks>Immutable; safe to share between threads. It is a test, not an estimate: <see cref="Estimate"/> is NaN and
/// the interval empty; <see cref="Statistic"/> and <see cref="PValue"/> carry the answer. The estimates it accompanies
/// (risk difference, odds ratio) are separate <see cref="RiskEstimate"/> rows with the same <see cref="Comparison"/>.</remarks>
/// <param name="Statistic">χ² statistic (NaN for Fisher's exact test, which has none).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom (1), NaN for Fisher.</param>
/// <param name="PValue">p-value; NaN when the test is undefined (see <see cref="Note"/>).</param>
/// <param name="Alternative">The alternative hypothesis (chi-square is two-sided only).</param>
/// <param name="Sizes">Subjects per arm (summed over strata).</param>
/// <param name="Method">Test in words, including any continuity correction.</param>
/// <param name="Reference">Citation.</param>
/// <param name="Note">Empty, or why the result is degenerate.</param>
public sealed record AssociationTestResult(
    double Statistic,
    double DegreesOfFreedom,
    double PValue,
    Alternative Alternative,
    EstimateSizes Sizes,
    string Method,
    string Reference,
    string Note = "") : ITabular, IEstimate
{
    /// <summary>The arms, parameter, visit and missing-data method tested; <see cref="Comparison.None"/> for plain counts.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;

    /// <summary>"Fisher's exact test", "Chi-square test" or "CMH test".</summary>
    public string Name => Method.StartsWith("Fisher", StringComparison.Ordinal) ? "Fisher's exact test"
        : Method.StartsWith("Cochran", StringComparison.Ordinal) ? "CMH test" : "Chi-square test";

    /// <summary>NaN: a test has no point estimate.</summary>
    public double Estimate => double.NaN;

    /// <summary>No interval (<see cref="CiMethod.None"/>).</summary>
    public ConfidenceInterval Ci => ConfidenceInterval.None;

    /// <summary>One row: statistic, df, p and n; notes give the alternative, any correction note and the reference.</summary>
    public TableView ToTableView() => TableView.Create(Method,
        [new("Statistic", true), new("df", true), new("p", true), new("n", true)],
        [[Display.Number(Statistic, "0.####"), Display.Number(DegreesOfFreedom, "0"), Display.P(PValue), Display.Sizes(Sizes.Groups)]],
        new[] { Sided.Describe(Alternative) + ".", Note, Reference }.Where(s => s.Length > 0));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Method}: {(double.IsNaN(Statistic) ? "" : $"X-squared = {Statistic:0.####}, df = {DegreesOfFreedom:0}, ")}p = {TTestEstimate.FormatP(PValue)} ({Sided.Describe(Alternative)}), {Sizes}{(Note.Length > 0 ? "; " + Note : "")}");
}
