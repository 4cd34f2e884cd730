namespace CohortAnalysis.Models;

/// <summary>The within-subject covariance structure of an MMRM over the T visits (SAS PROC MIXED <c>REPEATED / TYPE=</c>,
/// R mmrm <c>us()</c>, <c>cs()</c>, …). Each member gives Σᵢⱼ and its parameter count.</summary>
public enum CovarianceStructure
{
    /// <summary>Unstructured: every variance and covariance free, T(T+1)/2 parameters (SAS <c>TYPE=UN</c>, mmrm <c>us</c>).
    /// Estimated through a Cholesky factor with log diagonal.</summary>
    Unstructured,
    /// <summary>Compound symmetry: Σᵢⱼ = σ²(ρ + (1−ρ)δᵢⱼ), 2 parameters (SAS <c>TYPE=CS</c> reported as CS = σ²ρ and
    /// Residual = σ²(1−ρ); mmrm <c>cs</c>).</summary>
    CompoundSymmetry,
    /// <summary>Heterogeneous compound symmetry: Σᵢⱼ = σᵢσⱼ(ρ + (1−ρ)δᵢⱼ), T+1 parameters (SAS <c>TYPE=CSH</c>).</summary>
    HeterogeneousCompoundSymmetry,
    /// <summary>First-order autoregressive: Σᵢⱼ = σ²ρ^|i−j| over the visit order, 2 parameters (SAS <c>TYPE=AR(1)</c>).</summary>
    Autoregressive,
    /// <summary>Heterogeneous AR(1): Σᵢⱼ = σᵢσⱼρ^|i−j|, T+1 parameters (SAS <c>TYPE=ARH(1)</c>).</summary>
    HeterogeneousAutoregressive,
    /// <summary>Toeplitz: Σᵢⱼ = σ²ρ_|i−j|, T parameters (SAS <c>TYPE=TOEP</c>); estimated through partial autocorrelations
    /// (Durbin–Levinson), which keeps Σ positive definite.</summary>
    Toeplitz,
    /// <summary>Heterogeneous Toeplitz: Σᵢⱼ = σᵢσⱼρ_|i−j|, 2T−1 parameters (SAS <c>TYPE=TOEPH</c>).</summary>
    HeterogeneousToeplitz,
    /// <summary>First-order heterogeneous ante-dependence: Σᵢⱼ = σᵢσⱼ∏ₖ₌ᵢ^{j−1}ρₖ, 2T−1 parameters (SAS <c>TYPE=ANTE(1)</c>,
    /// mmrm <c>adh</c>).</summary>
    AnteDependence,
    /// <summary>Spatial exponential on visit time: Σᵢⱼ = σ²exp(−|tᵢ−tⱼ|/θ), 2 parameters (SAS <c>TYPE=SP(EXP)(time)</c>,
    /// mmrm <c>sp_exp</c>). Suits unequally spaced visits.</summary>
    SpatialExponential,
}
