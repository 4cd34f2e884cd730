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
/// <param name="Value">r or ρ; NaN when a variable has zero variance.</param>
/// <param name="Ci">Fisher-z interval (NaN bounds when n ≤ 3 or the coefficient is undefined).</param>
/// <param name="T">t = r·√((n − 2)/(1 − r²)).</param>
/// <param name="Df">n − 2.</param>
/// <param name="PValue">p-value from t with n − 2 df (R <c>cor.test</c>; for Spearman R's <c>exact = FALSE</c> route).</param>
/// <param name="Alternative">The alternative hypothesis.</param>
/// <param name="N">Complete pairs used.</param>
/// <param name="NMissing">Pairs dropped because x or y was NaN.</param>
/// <param name="Method">Coefficient and CI method.</param>
/// <param name="Reference">Citation.</param>
/// <param name="Note">Empty, or why the estimate is degenerate.</param>
public sealed record CorrelationEstimate(
    CorrelationKind Kind,
    double Value,
    ConfidenceInterval Ci,
    double T,
    double Df,
    double PValue,
    Alternative Alternative,
    int N,
    int NMissing,
    string Method,
    string Reference,
    string Note = "") : ITabular
{
    /// <summary>One row: coefficient, CI, t, df, p and n; notes give the method, dropped pairs and reference.</summary>
    public TableView ToTableView() => TableView.Create(Kind == CorrelationKind.Pearson ? "Pearson correlation" : "Spearman correlation",
        [new("Coefficient"), new("Estimate", true), new(Display.CiHeader(Ci), true), new("t", true), new("df", true), new("p", true), new("n", true)],
        [[Kind == CorrelationKind.Pearson ? "r" : "rho", Display.Number(Value, "0.000"), Display.Interval(Ci, "0.000"), Display.Number(T, "0.###"),
          Display.Number(Df, "0"), Display.P(PValue), Display.Integer(N)]],
        new[]
        {
            $"{Method}; {Sided.Describe(Alternative)}.",
            NMissing > 0 ? $"{Display.Integer(NMissing)} incomplete pairs dropped." : "",
            Reference, Note,
        }.Where(s => s.Length > 0));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Kind == CorrelationKind.Pearson ? "Pearson r" : "Spearman rho")} = {Value:0.####}, {Ci}; t = {T:0.###}, df = {Df:0}, p = {TTestEstimate.FormatP(PValue)} ({Sided.Describe(Alternative)}), n = {N}")
        + (NMissing > 0 ? $" ({NMissing} incomplete pairs dropped)" : "") + (Note.Length > 0 ? "; " + Note : "");
}
