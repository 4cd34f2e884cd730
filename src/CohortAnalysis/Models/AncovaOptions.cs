
namespace CohortAnalysis.Models;

/// <summary>Options of an ANCOVA at one visit; defaults follow SAS PROC GLM / R <c>lm</c> + <c>emmeans</c>.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record AncovaOptions
{
    /// <summary>The defaults.</summary>
    public static AncovaOptions Default { get; } = new();

    /// <value>Default <see cref="ChangeVariable.Change"/> (CHG), the usual primary outcome; <see cref="ChangeVariable.Value"/>
    /// (AVAL) and <see cref="ChangeVariable.PercentChange"/> (PCHG) by option.</value>
    public ChangeVariable Outcome { get; init; } = ChangeVariable.Change;

    /// <value>Default true: the baseline score (BASE) is a continuous covariate, as in almost every trial ANCOVA.</value>
    public bool AdjustForBaseline { get; init; } = true;

    /// <value>Default empty. Subject covariates entered as factors (SAS CLASS), e.g. SEX, SITEID, a stratification factor.</value>
    public IReadOnlyList<string> Covariates { get; init; } = [];

    /// <value>Default empty. Subject covariates entered as continuous (their values must be numbers), e.g. AGE.</value>
    public IReadOnlyList<string> ContinuousCovariates { get; init; } = [];

    /// <value>Default <see cref="LsMeanWeights.Equal"/> (SAS LSMEANS, emmeans default); proportional as tern.mmrm.</value>
    public LsMeanWeights Weights { get; init; } = LsMeanWeights.Equal;

    /// <value>Default <see cref="RobustCovariance.ModelBased"/>; HC0–HC3 sandwich SEs by option.</value>
    public RobustCovariance Covariance { get; init; } = RobustCovariance.ModelBased;

    /// <value>Default null: the only arm whose name contains "placebo", else the first arm alphabetically (<see cref="ReferenceArm.Resolve"/>).</value>
    public string? Reference { get; init; }

    /// <value>Default <see cref="MissingDataMethod.ObservedCases"/>: subjects without the outcome at the visit are left out and counted.</value>
    public MissingDataMethod MissingData { get; init; } = MissingDataMethod.ObservedCases;

    /// <value>Default 0.95, as SAS <c>CL</c> and emmeans.</value>
    public double CiLevel { get; init; } = 0.95;
}
