namespace CohortAnalysis.Models;

/// <summary>Options of <see cref="Mmrm.Fit"/>; defaults follow the usual primary analysis of a depression trial and SAS
/// PROC MIXED / R mmrm defaults.</summary>
/// <remarks>Immutable; use <c>with</c> to change one option.</remarks>
public sealed record MmrmOptions
{
    /// <summary>The defaults.</summary>
    public static MmrmOptions Default { get; } = new();

    /// <value>Default <see cref="ChangeVariable.Change"/> (CHG), the usual MMRM outcome.</value>
    public ChangeVariable Outcome { get; init; } = ChangeVariable.Change;

    /// <value>Default <see cref="CovarianceStructure.Unstructured"/> (SAS <c>TYPE=UN</c>, R mmrm <c>us()</c>).</value>
    public CovarianceStructure Covariance { get; init; } = CovarianceStructure.Unstructured;

    /// <value>Default false. True: a separate covariance matrix per arm (SAS <c>REPEATED / GROUP=ARM</c>, mmrm <c>us(VISIT | ARM / SUBJ)</c>).</value>
    public bool GroupCovariance { get; init; }

    /// <value>Default <see cref="EstimationMethod.Reml"/> (SAS and mmrm default).</value>
    public EstimationMethod Method { get; init; } = EstimationMethod.Reml;

    /// <value>Default <see cref="DegreesOfFreedomMethod.Satterthwaite"/> (mmrm default; the usual SAS choice in trials).</value>
    public DegreesOfFreedomMethod DegreesOfFreedom { get; init; } = DegreesOfFreedomMethod.Satterthwaite;

    /// <value>Default empty. Subject-level covariates (cohort covariate names, e.g. SEX, SITEID) entered as factors.</value>
    public IReadOnlyList<string> Covariates { get; init; } = [];

    /// <value>Default true: baseline and baseline × visit are fixed effects (the usual MMRM). With
    /// <see cref="Outcome"/> = Value the baseline adjustment still applies.</value>
    public bool AdjustForBaseline { get; init; } = true;

    /// <value>Default <see cref="LsMeanWeights.Equal"/> (SAS LSMEANS, emmeans default).</value>
    public LsMeanWeights Weights { get; init; } = LsMeanWeights.Equal;

    /// <value>Default false. True: the empirical (sandwich) covariance of β̂ (SAS <c>EMPIRICAL</c>); df become
    /// between-within unless <see cref="DegreesOfFreedom"/> is Residual (Satterthwaite and Kenward–Roger then throw).</value>
    public bool EmpiricalCovariance { get; init; }

    /// <value>Default: heterogeneous Toeplitz, then heterogeneous AR(1), then compound symmetry: the structures tried in
    /// order when the requested one does not converge (a common SAP prescription). Empty: no fallback, throw.</value>
    public IReadOnlyList<CovarianceStructure> Fallback { get; init; } =
        [CovarianceStructure.HeterogeneousToeplitz, CovarianceStructure.HeterogeneousAutoregressive, CovarianceStructure.CompoundSymmetry];

    /// <value>Default null: the cohort's default reference (the arm named placebo, else the first alphabetically).</value>
    public string? ReferenceArm { get; init; }

    /// <value>Default 0.95.</value>
    public double CiLevel { get; init; } = 0.95;
}
