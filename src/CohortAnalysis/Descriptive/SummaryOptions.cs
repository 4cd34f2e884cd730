namespace CohortAnalysis.Descriptive;

/// <summary>Options for <see cref="Summary.Of(ReadOnlySpan{double}, SummaryOptions?)"/>.</summary>
/// <remarks>Immutable; <see cref="Default"/> matches SAS PROC MEANS/UNIVARIATE defaults.</remarks>
public sealed record SummaryOptions
{
    /// <summary>The defaults: 95% CI of the mean, SAS PCTLDEF=5 quantiles.</summary>
    public static SummaryOptions Default { get; } = new();

    /// <value>Default 0.95 (SAS PROC MEANS <c>ALPHA=0.05</c>; R <c>t.test</c> <c>conf.level = 0.95</c>). A confidence level, never an alpha.</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="QuantileMethod.SasDefinition5"/> (SAS PCTLDEF=5 = R type 2). Use
    /// <see cref="QuantileMethod.R7"/> to match R's and numpy's defaults.</value>
    public QuantileMethod QuantileMethod { get; init; } = QuantileMethod.SasDefinition5;
}
