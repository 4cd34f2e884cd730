namespace CohortAnalysis.Inference;

/// <summary>Options for <see cref="Correlation"/> and <see cref="RunningCorrelation.Pearson"/>.</summary>
/// <remarks>Immutable; <see cref="Default"/> matches R <c>cor.test</c> defaults.</remarks>
public sealed record CorrelationOptions
{
    /// <summary>95%, two-sided, Fisher-z interval with SE 1/√(n − 3).</summary>
    public static CorrelationOptions Default { get; } = new();

    /// <value>Default 0.95, as R <c>cor.test(conf.level = 0.95)</c>. A confidence level, never an alpha.</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="Alternative.TwoSided"/> (R <c>"two.sided"</c>). One-sided intervals end at −1 or 1.</value>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <value>Default <see cref="CiMethod.FisherZ"/>: tanh(atanh r ± z·SE) with SE = 1/√(n − 3), as R <c>cor.test</c> for
    /// Pearson and SAS PROC CORR FISHER(BIASADJ=NO) (R gives no Spearman interval). Spearman also accepts
    /// <see cref="CiMethod.FisherZBonettWright"/> (SE √((1 + ρ²/2)/(n − 3)), Bonett &amp; Wright 2000). Any other method
    /// throws <see cref="ArgumentException"/> naming the methods allowed.</value>
    public CiMethod CiMethod { get; init; } = CiMethod.FisherZ;
}
