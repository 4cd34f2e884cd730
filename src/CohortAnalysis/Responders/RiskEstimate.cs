using System.Globalization;

namespace CohortAnalysis.Responders;

/// <summary>Which comparison of two response rates.</summary>
public enum RiskMeasure
{
    /// <summary>p₁ − p₂ (absolute risk difference, ARR when positive).</summary>
    RiskDifference,
    /// <summary>p₁ / p₂ (relative risk).</summary>
    RiskRatio,
    /// <summary>(p₁/(1 − p₁)) / (p₂/(1 − p₂)).</summary>
    OddsRatio,
}

/// <summary>A comparison of two response rates (risk difference, risk ratio or odds ratio), single or Mantel–Haenszel pooled.</summary>
/// <remarks>Immutable; safe to share between threads. Sign convention: first (treatment) arm vs second (reference).</remarks>
/// <param name="Measure">Which measure.</param>
/// <param name="Estimate">The estimate (first arm vs second). May be 0, ∞ or NaN with zero cells (see <see cref="Note"/>).</param>
/// <param name="Ci">The interval.</param>
/// <param name="StandardError">Standard error on the analysis scale (identity for RD, log for RR/OR); NaN where not used.</param>
/// <param name="Sizes">Subjects per arm (summed over strata).</param>
/// <param name="Strata">Number of strata (1 for an unstratified table).</param>
/// <param name="Method">Estimator and CI method in words.</param>
/// <param name="Reference">Citation.</param>
/// <param name="Note">Empty, or what happened with zero cells / corrections.</param>
public sealed record RiskEstimate(
    RiskMeasure Measure,
    double Estimate,
    ConfidenceInterval Ci,
    double StandardError,
    EstimateSizes Sizes,
    int Strata,
    string Method,
    string Reference,
    string Note = "") : ITabular, IEstimate
{
    /// <summary>The arms, parameter, visit and missing-data method compared; <see cref="Comparison.None"/> for plain counts.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;

    /// <summary>"Risk difference", "Risk ratio" or "Odds ratio"; "MH common risk ratio" / "MH common odds ratio" when
    /// pooled over strata by Mantel–Haenszel.</summary>
    public string Name
    {
        get
        {
            string measure = Measure switch
            {
                RiskMeasure.RiskDifference => "risk difference",
                RiskMeasure.RiskRatio => "risk ratio",
                _ => "odds ratio",
            };
            return Method.StartsWith("Mantel", StringComparison.Ordinal) ? "MH common " + measure : char.ToUpperInvariant(measure[0]) + measure[1..];
        }
    }

    /// <summary>One row: measure, estimate, CI, n and strata; notes give the method, zero-cell handling and reference.</summary>
    public TableView ToTableView() => TableView.Create(Name,
        [new("Measure"), new("Estimate", true), new(Display.CiHeader(Ci), true), new("n", true), new("Strata", true)],
        [[Name, Display.Number(Estimate, "0.0000"), Display.Interval(Ci, "0.0000"), Display.Sizes(Sizes.Groups), Display.Integer(Strata)]],
        Display.EstimateNotes(Ci, Method, Reference, Note));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} = {Format(Estimate)}, {Ci}, {Sizes}{(Strata > 1 ? $", {Strata} strata" : "")}{(Note.Length > 0 ? "; " + Note : "")}");

    internal static string Format(double x) =>
        double.IsNaN(x) ? "NA" : double.IsPositiveInfinity(x) ? "Inf" : x.ToString("0.####", CultureInfo.InvariantCulture);
}
