namespace CohortAnalysis.EffectSizes;

/// <summary>Options shared by effect sizes that only need a confidence level and a sidedness (rank-based, binary,
/// pre–post–control, model-based).</summary>
/// <remarks>Immutable. Defaults as R effectsize: <c>ci = 0.95, alternative = "two.sided", mu = 0, paired = FALSE</c>.</remarks>
public sealed record EffectSizeOptions
{
    /// <summary>The defaults.</summary>
    public static EffectSizeOptions Default { get; } = new();

    /// <value>Default 0.95 (R <c>ci = 0.95</c>).</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="Alternative.TwoSided"/>.</value>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <value>Default 0 (R <c>mu = 0</c>): location shift subtracted from x (rank-based effect sizes).</value>
    public double Mu { get; init; }

    /// <value>Default <c>false</c> (R <c>paired = FALSE</c>): rank-based effect sizes of paired data use signed ranks.</value>
    public bool Paired { get; init; }

    /// <value>Default <see cref="HedgesCorrection.Exact"/>: the small-sample factor of SMCC, SMCR and d_ppc2 (metafor's exact c(m)).</value>
    public HedgesCorrection Correction { get; init; } = HedgesCorrection.Exact;
}
