namespace CohortAnalysis.Resampling;

/// <summary>Settings of a seeded, parallel, reproducible bootstrap.</summary>
/// <remarks>Immutable. Replicate i draws from a random stream derived from (<see cref="Seed"/>, i) only, so the
/// result is bit-identical for a given seed on any machine and with any <see cref="MaxDegreeOfParallelism"/>.</remarks>
public sealed record BootstrapOptions
{
    /// <summary>The defaults: 2000 resamples, seed 20240601, BCa, 95%, two-sided, all cores.</summary>
    public static BootstrapOptions Default { get; } = new();

    /// <value>Default 2000 (pingouin <c>n_boot = 2000</c>; scipy uses 9999, R boot has no default). At least 2.</value>
    public int Resamples { get; init; } = 2000;

    /// <value>Default 20240601. Echoed on every <see cref="BootstrapResult"/>; change it to check that conclusions
    /// do not hinge on one random draw.</value>
    public ulong Seed { get; init; } = 20240601;

    /// <value>Default <see cref="CiMethod.BootstrapBca"/>: bias-corrected and accelerated (R boot <c>type = "bca"</c>; scipy
    /// <c>bootstrap</c> default; pingouin uses the bias-corrected percentile). Also <see cref="CiMethod.BootstrapPercentile"/>
    /// (R boot <c>"perc"</c>) and <see cref="CiMethod.BootstrapBasic"/> (R boot <c>"basic"</c>); any other method throws
    /// <see cref="ArgumentException"/> naming these.</value>
    public CiMethod Interval { get; init; } = CiMethod.BootstrapBca;

    /// <value>Default 0.95. Used by <see cref="Bootstrap"/> called directly; effect-size estimators pass their own level.</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="Alternative.TwoSided"/>. One-sided intervals use level 2·CiLevel − 1 and an infinite bound.</value>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <value>Default −1: use all cores. Any value gives the same bits; 1 runs on the calling thread's pool worker only.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
