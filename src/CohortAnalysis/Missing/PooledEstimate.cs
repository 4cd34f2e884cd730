using System.Globalization;

namespace CohortAnalysis.Missing;

/// <summary>One estimate combined over imputed datasets (Rubin's rules) or over jackknife / bootstrap samples
/// (conditional mean imputation), with its interval and the parts of its variance.</summary>
/// <remarks>
/// <para>Rubin: <see cref="WithinVariance"/> ū, <see cref="BetweenVariance"/> b, <see cref="TotalVariance"/>
/// t = ū + (1 + 1/M)b, SE = √t, df by Barnard &amp; Rubin (1999), CI and p from Student's t (R <c>mice::pool</c>).
/// Conditional mean: SE from the jackknife or bootstrap; the variance parts are NaN; CI and p from the normal.</para>
/// <para>Immutable; safe to share between threads.</para>
/// </remarks>
/// <param name="Name">"LS mean", "LS mean difference", or the user analysis's name.</param>
/// <param name="Estimate">Pooled estimate θ̄ (Rubin) or θ̂ from the conditionally imputed data.</param>
/// <param name="StandardError">√t (Rubin), or the jackknife / bootstrap SE.</param>
/// <param name="DegreesOfFreedom">Barnard–Rubin df; ∞ for the normal interval of conditional mean imputation.</param>
/// <param name="Statistic">Estimate / SE.</param>
/// <param name="PValue">Two-sided p.</param>
/// <param name="Ci">Interval at the requested level (t or normal).</param>
/// <param name="Sizes">Subjects analysed (arm vs reference), and values imputed in those arms at the visit as Missing.</param>
/// <param name="Comparison">Parameter, visit, variable, arm(s) and the missing-data method.</param>
/// <param name="Method">The imputation, analysis and pooling in words.</param>
/// <param name="Reference">Primary sources.</param>
/// <param name="Note">Anything the reader must know.</param>
public sealed record PooledEstimate(
    string Name, double Estimate, double StandardError, double DegreesOfFreedom, double Statistic, double PValue,
    ConfidenceInterval Ci, EstimateSizes Sizes, Comparison Comparison, string Method, string Reference, string Note) : IEstimate
{
    /// <summary>Imputations M (Rubin), or jackknife / bootstrap samples (conditional mean).</summary>
    public int Imputations { get; init; }
    /// <summary>ū: mean of the complete-data variances (NaN for conditional mean imputation).</summary>
    public double WithinVariance { get; init; } = double.NaN;
    /// <summary>b: variance of the M estimates, divisor M − 1 (NaN for conditional mean imputation).</summary>
    public double BetweenVariance { get; init; } = double.NaN;
    /// <summary>t = ū + (1 + 1/M)·b, or SE² for conditional mean imputation.</summary>
    public double TotalVariance { get; init; } = double.NaN;
    /// <summary>Relative increase in variance due to nonresponse, r = (1 + 1/M)·b/ū (mice <c>riv</c>).</summary>
    public double RelativeIncreaseInVariance { get; init; } = double.NaN;
    /// <summary>λ = (1 + 1/M)·b/t, the proportion of the variance due to the missing data (mice <c>lambda</c>).</summary>
    public double Lambda { get; init; } = double.NaN;
    /// <summary>Fraction of missing information γ = (r + 2/(ν + 3))/(1 + r), ν the Barnard–Rubin df (mice <c>fmi</c>;
    /// Rubin 1987 eq. 3.1.10 with the small-sample df); NaN for conditional mean imputation.</summary>
    public double FractionMissingInformation { get; init; } = double.NaN;
    /// <summary>Complete-data df ν_com used in the Barnard–Rubin df (∞ when the analysis gave none).</summary>
    public double CompleteDataDegreesOfFreedom { get; init; } = double.PositiveInfinity;
    /// <summary>δ added to the imputed values (0 without a delta adjustment).</summary>
    public double Delta { get; init; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Comparison.Describe()}: {Name} = {Estimate:0.####} (SE {StandardError:0.####}, df {DegreesOfFreedom:0.#}), {Ci}, p = {PValue:0.####}{(double.IsNaN(FractionMissingInformation) ? "" : $", FMI {FractionMissingInformation:0.###}")}");
}
