namespace CohortAnalysis.Missing;

/// <summary>What is assumed about a subject's outcomes after its last visit used (an intercurrent event or
/// discontinuation): the mean profile its missing values are drawn around (Carpenter, Roger &amp; Kenward 2013).</summary>
/// <remarks>With μ_own and μ_ref the subject's MMRM means (its covariates) in its own arm and in the reference arm, and
/// k its last visit used: the missing values are drawn from N(μ, Σ) conditional on its observed values, with μ as
/// below. For a subject in the reference arm J2R, CR and CIR coincide with MAR (μ_ref = μ_own); LMCF does not (as rbmi). CLI spelling in brackets; rbmi names in R.</remarks>
public enum ImputationStrategy
{
    /// <summary>Missing at random: μ = μ_own [mar] (rbmi "MAR").</summary>
    Mar,
    /// <summary>Jump to reference: μⱼ = μ_own,ⱼ up to k, μ_ref,ⱼ after [j2r] (rbmi "JR").</summary>
    JumpToReference,
    /// <summary>Copy reference: μ = μ_ref at every visit, before and after k [cr] (rbmi "CR").</summary>
    CopyReference,
    /// <summary>Copy increments in reference: μⱼ = μ_own,ⱼ up to k, then μ_own,k + μ_ref,ⱼ − μ_ref,k [cir] (rbmi "CIR");
    /// with no visit used (k before the first visit) the increments run from baseline: μ_ref, as J2R.</summary>
    CopyIncrementsFromReference,
    /// <summary>Last mean carried forward: μⱼ = μ_own,ⱼ up to k, then μ_own,k [lmcf] (rbmi "LMCF"); needs a visit used.</summary>
    LastMeanCarriedForward,
}
