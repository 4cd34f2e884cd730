using CohortAnalysis.Change;
using CohortAnalysis.Responders;

namespace CohortAnalysis.EffectSizes;

/// <summary>Options of <see cref="EffectSizeAnalysis"/>.</summary>
/// <remarks>Immutable.</remarks>
public sealed record EffectSizeAnalysisOptions
{
    /// <summary>The defaults.</summary>
    public static EffectSizeAnalysisOptions Default { get; } = new();

    /// <value>Default <see cref="EffectSizeMeasure.CohensD"/>.</value>
    public EffectSizeMeasure Measure { get; init; } = EffectSizeMeasure.CohensD;

    /// <value>Default <see cref="ChangeVariable.Change"/> (CHG); between-arm measures may use the value or PCHG instead.</value>
    public ChangeVariable On { get; init; } = ChangeVariable.Change;

    /// <value>Default <see cref="MissingDataMethod.ObservedCases"/>.</value>
    public MissingDataMethod MissingData { get; init; } = MissingDataMethod.ObservedCases;

    /// <value>Default null: the first arm that is not the reference.</value>
    public string? Treatment { get; init; }

    /// <value>Default null: the first arm whose name contains "placebo", else the cohort's first arm.</value>
    public string? Reference { get; init; }

    /// <value>Default <see cref="StandardizedDifferenceOptions.Default"/> (R effectsize defaults: pooled SD, noncentral-t
    /// 95 % CI, exact J). Its CI level, alternative and CI method (noncentral t, normal, bootstrap) apply to every measure
    /// that has them.</value>
    public StandardizedDifferenceOptions Standardized { get; init; } = StandardizedDifferenceOptions.Default;

    /// <value>Default null: for <see cref="EffectSizeMeasure.CohensH"/>, the instrument's response rule with non-responder imputation.</value>
    public ResponderRule? ResponseRule { get; init; }
}
