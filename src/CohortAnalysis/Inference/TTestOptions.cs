namespace CohortAnalysis.Inference;

/// <summary>Options for <see cref="TTest"/>.</summary>
/// <remarks>Immutable; <see cref="Default"/> matches R <c>t.test</c> defaults.</remarks>
public sealed record TTestOptions
{
    /// <summary>R <c>t.test</c> defaults: μ = 0, 95%, two-sided, Welch for two samples.</summary>
    public static TTestOptions Default { get; } = new();

    /// <value>Default 0: the null mean (one-sample), mean difference (paired) or difference in means (two-sample), as R <c>mu = 0</c> and SAS <c>H0=0</c>.</value>
    public double Mu { get; init; }

    /// <value>Default 0.95, as R <c>conf.level = 0.95</c> (SAS <c>ALPHA=0.05</c>). A confidence level, never an alpha.</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="Alternative.TwoSided"/> (R <c>"two.sided"</c>, SAS <c>SIDES=2</c>). One-sided
    /// alternatives give one-sided intervals with an infinite bound.</value>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <value>Default <c>false</c>: Welch's unequal-variance test for two samples, as R <c>var.equal = FALSE</c>
    /// (SAS PROC TTEST prints both; its "Satterthwaite" row). <c>true</c> gives Student's pooled-variance test.</value>
    public bool EqualVariance { get; init; }
}
