namespace CohortAnalysis.Inference;

/// <summary>Options for <see cref="RankTest"/>.</summary>
/// <remarks>Immutable; <see cref="Default"/> matches R <c>wilcox.test</c> defaults.</remarks>
public sealed record RankTestOptions
{
    /// <summary>R <c>wilcox.test</c> defaults: μ = 0, two-sided, automatic exact/approximate choice, continuity correction.</summary>
    public static RankTestOptions Default { get; } = new();

    /// <value>Default 0: the null location shift (R <c>mu = 0</c>); subtracted from x (or x − y) before ranking.</value>
    public double Mu { get; init; }

    /// <value>Default <see cref="Alternative.TwoSided"/> (R <c>"two.sided"</c>).</value>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <value>Default <c>null</c>: exact p when n &lt; 50 (each group, for rank-sum) and there are no ties (and, for
    /// signed-rank, no zero differences), else the normal approximation, as R <c>exact = NULL</c>. <c>true</c> asks
    /// for the exact p but still falls back (and says so) with ties or zeros, as R does; <c>false</c> forces the
    /// normal approximation.</value>
    public bool? Exact { get; init; }

    /// <value>Default <c>true</c>: continuity correction of ½ in the normal approximation, as R <c>correct = TRUE</c>.</value>
    public bool ContinuityCorrection { get; init; } = true;
}
