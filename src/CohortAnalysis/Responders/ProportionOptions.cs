namespace CohortAnalysis.Responders;

/// <summary>Options for <see cref="Proportions.Rate"/>.</summary>
/// <remarks>Immutable.</remarks>
public sealed record ProportionOptions
{
    /// <summary>Wilson, 95%, two-sided.</summary>
    public static ProportionOptions Default { get; } = new();

    /// <value>Default 0.95 (R <c>conf.level = 0.95</c>; SAS <c>ALPHA=0.05</c>). A confidence level, never an alpha.</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="Alternative.TwoSided"/>. One-sided intervals end at 0 or 1, as R <c>prop.test</c>/<c>binom.test</c>.</value>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <value>Default <see cref="CiMethod.Wilson"/> (= R <c>prop.test(correct = FALSE)</c>; note R's <c>prop.test</c> default
    /// adds a continuity correction, SAS BINOMIAL default is Wald). Also <see cref="CiMethod.ClopperPearson"/>,
    /// <see cref="CiMethod.AgrestiCoull"/> and <see cref="CiMethod.Wald"/>; any other method throws
    /// <see cref="ArgumentException"/> naming these.</value>
    public CiMethod Method { get; init; } = CiMethod.Wilson;
}
