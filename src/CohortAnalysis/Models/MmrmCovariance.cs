namespace CohortAnalysis.Models;

/// <summary>The estimated within-subject covariance of an MMRM for one covariance group (all subjects, or one arm with
/// <see cref="MmrmOptions.GroupCovariance"/>).</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Group">"All", or the arm.</param>
/// <param name="Visits">The visits, in the matrix's row order.</param>
/// <param name="Matrix">Σ̂ (visits × visits).</param>
/// <param name="Correlation">The correlation matrix of Σ̂.</param>
/// <param name="Parameters">The covariance parameters in SAS PROC MIXED's names and scale (UN(i,j), Var(i), CS,
/// Residual, AR(1), Rho(k), TOEPH(k), SP(EXP)), visits numbered in <paramref name="Visits"/> order.</param>
public sealed record MmrmCovariance(string Group, IReadOnlyList<Visit> Visits, double[,] Matrix, double[,] Correlation,
    IReadOnlyList<CovarianceParameter> Parameters);

/// <summary>One covariance parameter estimate, named as SAS PROC MIXED prints it.</summary>
/// <param name="Name">E.g. "UN(2,1)", "Var(3)", "CS", "Residual", "AR(1)".</param>
/// <param name="Estimate">The estimate.</param>
public readonly record struct CovarianceParameter(string Name, double Estimate);
