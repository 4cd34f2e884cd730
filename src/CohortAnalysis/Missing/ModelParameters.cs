namespace CohortAnalysis.Missing;

/// <summary>One value of the imputation MMRM's parameters: fixed effects β, covariance Σ (T×T, row-major) and the
/// covariance parameters θ that give Σ (empty for a posterior draw).</summary>
internal sealed record ModelParameters(double[] Beta, double[] Sigma, double[] Theta);
