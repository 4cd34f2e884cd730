using System.Globalization;

namespace CohortAnalysis.Models;

/// <summary>An LS mean, a difference of LS means, or a user contrast of a linear model (ANCOVA, MMRM), with its t test
/// and t interval.</summary>
/// <remarks>
/// <para>Estimate = L·β̂, SE = √(L·V·Lᵀ) with V the model's covariance of β̂; t = estimate/SE; two-sided p and the
/// interval estimate ± t₁₋α/₂(df)·SE use the df of the model's df method (Satterthwaite, Kenward–Roger,
/// between-within or residual). L is built by <c>ReferenceGrid</c>: continuous covariates at their means over the
/// records analysed, other factors weighted equally (SAS LSMEANS, emmeans) or proportionally.</para>
/// <para>For a difference, <see cref="Comparison"/> names the arm and the reference arm (arm − reference); for an LS
/// mean, only the arm. Immutable; safe to share between threads.</para>
/// </remarks>
/// <param name="Name">"LS mean", "LS mean difference" or "Contrast".</param>
/// <param name="Estimate">L·β̂.</param>
/// <param name="StandardError">√(L·V·Lᵀ).</param>
/// <param name="DegreesOfFreedom">Denominator df.</param>
/// <param name="Statistic">t = estimate / SE.</param>
/// <param name="PValue">Two-sided p-value of t.</param>
/// <param name="Ci">t interval at the requested level.</param>
/// <param name="Sizes">Subjects observed in the cell (arm, or arm and reference arm) at the visit.</param>
/// <param name="Comparison">Parameter, visit, variable, arm(s), and the model term.</param>
/// <param name="Method">The model and df method in words.</param>
/// <param name="Reference">Primary source.</param>
/// <param name="Note">Anything the reader must know (e.g. the covariance structure the fallback chain settled on).</param>
public sealed record LsMeanEstimate(
    string Name, double Estimate, double StandardError, double DegreesOfFreedom, double Statistic, double PValue,
    ConfidenceInterval Ci, EstimateSizes Sizes, Comparison Comparison, string Method, string Reference, string Note) : IEstimate
{
    /// <summary>"LS mean".</summary>
    public const string LsMeanName = "LS mean";
    /// <summary>"LS mean difference".</summary>
    public const string DifferenceName = "LS mean difference";
    /// <summary>"Contrast".</summary>
    public const string ContrastName = "Contrast";

    internal static LsMeanEstimate From(string name, LinearEstimate e, EstimateSizes sizes, Comparison comparison,
        string method, string reference, string note = "") =>
        new(name, e.Estimate, e.StandardError, e.DegreesOfFreedom, e.Statistic, e.PValue, e.Ci, sizes, comparison, method, reference, note);

    internal static LsMeanEstimate From(LinearEstimate e, string name, Comparison comparison, EstimateSizes sizes,
        string method, string reference, string note = "") => From(name, e, sizes, comparison, method, reference, note);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Comparison.Describe()}: {Name} = {Estimate:0.####} (SE {StandardError:0.####}, df {DegreesOfFreedom:0.#}), {Ci}, {Display.PClause(PValue)}");
}
