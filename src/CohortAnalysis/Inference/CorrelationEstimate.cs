using System.Globalization;

namespace CohortAnalysis.Inference;

/// <summary>Which correlation coefficient.</summary>
public enum CorrelationKind
{
    /// <summary>Pearson product-moment r.</summary>
    Pearson,
    /// <summary>Spearman rank correlation ρ (Pearson r of average ranks).</summary>
    Spearman,
}

/// <summary>A correlation coefficient with its Fisher-z CI and test of H₀: ρ = 0, e.g. change in mood vs change in pain.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
/// <param name="Kind">Pearson or Spearman.</param>
/// <param name="Estimate">r or ρ; NaN when a variable has zero variance.</param>
/// <param name="Ci">Fisher-z interval (NaN bounds when n ≤ 3 or the coefficient is undefined).</param>
/// <param name="Statistic">t = r·√((n − 2)/(1 − r²)).</param>
/// <param name="DegreesOfFreedom">n − 2.</param>
/// <param name="PValue">p-value from t with n − 2 df (R <c>cor.test</c>; for Spearman R's <c>exact = FALSE</c> route).</param>
/// <param name="Alternative">The alternative hypothesis.</param>
/// <param name="Sizes">Complete pairs used, and pairs left out because x or y was NaN (<see cref="EstimateSizes.Missing"/>).</param>
/// <param name="Method">Coefficient and CI method.</param>
/// <param name="Reference">Citation.</param>
/// <param name="Note">Empty, or why the estimate is degenerate and how many pairs were missing.</param>
public sealed record CorrelationEstimate(
    CorrelationKind Kind,
    double Estimate,
    ConfidenceInterval Ci,
    double Statistic,
    double DegreesOfFreedom,
    double PValue,
    Alternative Alternative,
    EstimateSizes Sizes,
    string Method,
    string Reference,
    string Note = "") : ITabular, IEstimate
{
    /// <summary>What is correlated (parameter pair in <see cref="Comparison.Term"/>, visit, arm); <see cref="Comparison.None"/> for plain numbers.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;

    /// <summary>"Pearson r" or "Spearman rho".</summary>
    public string Name => Kind == CorrelationKind.Pearson ? "Pearson r" : "Spearman rho";

    /// <summary>One row: coefficient, CI, t, df, p and n; notes give the method, dropped pairs and reference.</summary>
    public TableView ToTableView() => TableView.Create(Kind == CorrelationKind.Pearson ? "Pearson correlation" : "Spearman correlation",
        [new("Coefficient"), new("Estimate", true), new(Display.CiHeader(Ci), true), new("t", true), new("df", true), new("p", true), new("n", true)],
        [[Kind == CorrelationKind.Pearson ? "r" : "rho", Display.Number(Estimate, "0.000"), Display.Interval(Ci, "0.000"), Display.Number(Statistic, "0.###"),
          Display.Number(DegreesOfFreedom, "0"), Display.P(PValue), Display.Integer(Sizes.Used)]],
        new[]
        {
            $"{Method}; {Sided.Describe(Alternative)}.",
            Reference, Note,
        }.Where(s => s.Length > 0));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} = {Estimate:0.####}, {Ci}; t = {Statistic:0.###}, df = {DegreesOfFreedom:0}, p = {TTestEstimate.FormatP(PValue)} ({Sided.Describe(Alternative)}), n = {Sizes.Used}")
        + (Note.Length > 0 ? "; " + Note : "");
}
