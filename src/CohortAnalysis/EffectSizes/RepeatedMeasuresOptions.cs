using CohortAnalysis.Resampling;

namespace CohortAnalysis.EffectSizes;

/// <summary>Options of <see cref="EffectSize.RepeatedMeasuresD(ReadOnlySpan{double}, ReadOnlySpan{double}, RepeatedMeasuresOptions?, IProgress{BootstrapProgress}?, CancellationToken)"/>;
/// defaults are those of R effectsize ≥ 0.8.7 <c>rm_d(method = "rm", adjust = TRUE, ci = 0.95)</c>.</summary>
/// <remarks>Immutable.</remarks>
public sealed record RepeatedMeasuresOptions
{
    /// <summary>The defaults (R effectsize <c>rm_d</c>'s).</summary>
    public static RepeatedMeasuresOptions Default { get; } = new();

    /// <value>Default <see cref="RepeatedMeasuresMethod.Rm"/> (effectsize <c>method = "rm"</c>).</value>
    public RepeatedMeasuresMethod Method { get; init; } = RepeatedMeasuresMethod.Rm;

    /// <value>Default <c>true</c> (effectsize <c>adjust = TRUE</c>): multiply estimate and limits by J(n − 1).</value>
    public bool Adjust { get; init; } = true;

    /// <value>Default <see cref="HedgesCorrection.Exact"/>.</value>
    public HedgesCorrection Correction { get; init; } = HedgesCorrection.Exact;

    /// <value>Default 0: the null mean difference.</value>
    public double Mu { get; init; }

    /// <value>Default 0.95 (R <c>ci = 0.95</c>).</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="Alternative.TwoSided"/>.</value>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <value>Default <see cref="CiMethod.Normal"/>: d ± z·SE with the SEs of effectsize <c>rm_d</c>, then J applied to
    /// the limits (as effectsize). <see cref="CiMethod.NoncentralT"/> inverts the noncentral t of the paired t statistic
    /// (exact for d_z; for the other standardizers it treats the ratio of standardizers, e.g. √(2(1 − r)), as fixed —
    /// effectsize's open "TODO use ncp", easystats/effectsize#631). Bootstrap methods resample pairs (raw data only).</value>
    public CiMethod CiMethod { get; init; } = CiMethod.Normal;

    /// <value>Default <see cref="BootstrapOptions.Default"/>; used only for bootstrap CIs.</value>
    public BootstrapOptions Bootstrap { get; init; } = BootstrapOptions.Default;
}
