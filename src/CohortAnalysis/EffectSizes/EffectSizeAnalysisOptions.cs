using CohortAnalysis.Responders;

namespace CohortAnalysis.EffectSizes;

/// <summary>Options of <see cref="EffectSizeAnalysis"/>.</summary>
/// <remarks>Immutable. An option that does not apply to the chosen <see cref="Measure"/> must be left at its default;
/// setting it throws <see cref="ArgumentException"/> (nothing is ignored silently).</remarks>
public sealed record EffectSizeAnalysisOptions
{
    /// <summary>The defaults.</summary>
    public static EffectSizeAnalysisOptions Default { get; } = new();

    /// <value>Default <see cref="EffectSizeMeasure.CohensD"/>.</value>
    public EffectSizeMeasure Measure { get; init; } = EffectSizeMeasure.CohensD;

    /// <value>Default null: CHG. The variable compared between arms (AVAL, CHG or PCHG) by d, g, Δ, rank-biserial, Cliff's δ
    /// and CLES; the pre–post measures (d_z, g_z, d_av, d_rm, d_ppc1, d_ppc2) always use post vs baseline, and Cohen's h the
    /// response rule, so for them it must stay null.</value>
    public ChangeVariable? On { get; init; }

    /// <value>Default null: the method the trajectories were built with (<see cref="EffectSizeAnalysis.AtVisit"/>), or
    /// observed cases (<see cref="EffectSizeAnalysis.ByVisit"/>). When set, it must match the trajectories given.</value>
    public MissingDataMethod? MissingData { get; init; }

    /// <value>Default null: the only arm other than the reference (<see cref="EffectSizeAnalysis.AtVisit"/> throws when
    /// there are several); <see cref="EffectSizeAnalysis.ByVisit"/> compares every other arm with the reference.</value>
    public string? Treatment { get; init; }

    /// <value>Default null: guessed (the only arm named like "placebo", else the first arm alphabetically) and the result
    /// says so; name it to make the comparison explicit.</value>
    public string? Reference { get; init; }

    /// <value>Default null: the measure's own default, as R: noncentral t for d, g, Δ, d_z and g_z (effectsize
    /// <c>cohens_d</c>, <c>hedges_g</c>, <c>glass_delta</c>), normal for d_av and d_rm (effectsize <c>rm_d</c>), d_ppc1 and d_ppc2
    /// (Morris 2008), Cohen's h and the rank measures (effectsize). A method the measure does not support throws.</value>
    public CiMethod? CiMethod { get; init; }

    /// <value>Default <see cref="StandardizedDifferenceOptions.Default"/> (R effectsize defaults: pooled SD, 95 % CI, exact
    /// J). Its CI level, alternative, correction and bootstrap settings apply to every measure; its other members apply only
    /// where the measure has them (pooled SD and Glass's control group between arms; <c>Adjust</c> and <c>Mu</c> for d, Δ
    /// and d_z). Choose the CI method with <see cref="CiMethod"/>: <c>Standardized.CiMethod</c> must stay at its default.</value>
    public StandardizedDifferenceOptions Standardized { get; init; } = StandardizedDifferenceOptions.Default;

    /// <value>Default null: for <see cref="EffectSizeMeasure.CohensH"/>, the instrument's response rule with non-responder
    /// imputation. Applies only to Cohen's h.</value>
    public ResponderRule? ResponseRule { get; init; }
}
