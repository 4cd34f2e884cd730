namespace CohortAnalysis.Inference;

/// <summary>Standard error used for the Fisher-z interval of Spearman's ρ.</summary>
public enum SpearmanCiMethod
{
    /// <summary>SE = 1/√(n − 3), the Pearson formula applied to ranks (pingouin <c>corr(method="spearman")</c>;
    /// SAS PROC CORR SPEARMAN FISHER(BIASADJ=NO)). The common convention and the default.</summary>
    FisherZ,
    /// <summary>SE = √((1 + ρ²/2)/(n − 3)) (Bonett &amp; Wright 2000), wider and with better coverage for ρ far from 0.</summary>
    BonettWright,
}

/// <summary>Options for <see cref="Correlation"/> and <see cref="RunningCorrelation.Pearson"/>.</summary>
/// <remarks>Immutable; <see cref="Default"/> matches R <c>cor.test</c> defaults.</remarks>
public sealed record CorrelationOptions
{
    /// <summary>95%, two-sided, Fisher-z SE 1/√(n − 3) for Spearman.</summary>
    public static CorrelationOptions Default { get; } = new();

    /// <value>Default 0.95, as R <c>cor.test(conf.level = 0.95)</c>. A confidence level, never an alpha.</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="Alternative.TwoSided"/> (R <c>"two.sided"</c>). One-sided intervals end at −1 or 1.</value>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <value>Default <see cref="SpearmanCiMethod.FisherZ"/> (SE 1/√(n − 3); R <c>cor.test</c> gives no Spearman CI).</value>
    public SpearmanCiMethod SpearmanCi { get; init; } = SpearmanCiMethod.FisherZ;
}
