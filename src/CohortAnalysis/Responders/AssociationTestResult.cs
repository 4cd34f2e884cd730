using System.Globalization;
using CohortAnalysis.Inference;

namespace CohortAnalysis.Responders;

/// <summary>A test of association in a 2×2 (or stratified 2×2×K) responder table: Fisher exact, chi-square or CMH.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
/// <param name="Statistic">χ² statistic (NaN for Fisher's exact test, which has none).</param>
/// <param name="Df">Degrees of freedom (1), NaN for Fisher.</param>
/// <param name="PValue">p-value; NaN when the test is undefined (see <see cref="Note"/>).</param>
/// <param name="Alternative">The alternative hypothesis (chi-square is two-sided only).</param>
/// <param name="N">Subjects per arm (summed over strata).</param>
/// <param name="Method">Test in words, including any continuity correction.</param>
/// <param name="Reference">Citation.</param>
/// <param name="Note">Empty, or why the result is degenerate.</param>
public sealed record AssociationTestResult(
    double Statistic,
    double Df,
    double PValue,
    Alternative Alternative,
    GroupSizes N,
    string Method,
    string Reference,
    string Note = "") : ITabular
{
    /// <summary>One row: statistic, df, p and n; notes give the alternative, any correction note and the reference.</summary>
    public TableView ToTableView() => TableView.Create(Method,
        [new("Statistic", true), new("df", true), new("p", true), new("n", true)],
        [[Display.Number(Statistic, "0.####"), Display.Number(Df, "0"), Display.P(PValue), Display.Sizes(N)]],
        new[] { Sided.Describe(Alternative) + ".", Note, Reference }.Where(s => s.Length > 0));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Method}: {(double.IsNaN(Statistic) ? "" : $"X-squared = {Statistic:0.####}, df = {Df:0}, ")}p = {TTestEstimate.FormatP(PValue)} ({Sided.Describe(Alternative)}), {N}{(Note.Length > 0 ? "; " + Note : "")}");
}
