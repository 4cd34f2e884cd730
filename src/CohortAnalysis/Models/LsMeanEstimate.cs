using CohortAnalysis.Inference;

namespace CohortAnalysis.Models;

/// <summary>An LS mean or a difference of LS means from a fitted model: estimate, SE, df, t test and t interval.</summary>
/// <remarks>Immutable; safe to share between threads. <see cref="Comparison"/> names the arm (and reference arm for a
/// difference), the visit, the outcome and, in a subgroup analysis, the subgroup.</remarks>
public sealed record LsMeanEstimate : IEstimate
{
    /// <summary>"LS mean" or "LS mean difference".</summary>
    public required string Name { get; init; }
    /// <summary>L·β̂.</summary>
    public required double Estimate { get; init; }
    /// <summary>estimate ± t₁₋α/₂(df)·SE.</summary>
    public required ConfidenceInterval Ci { get; init; }
    /// <summary>Subjects analysed in the arm (and in the reference arm for a difference).</summary>
    public required EstimateSizes Sizes { get; init; }
    /// <summary>What is estimated.</summary>
    public required Comparison Comparison { get; init; }
    /// <summary>In words, e.g. "ANCOVA (least squares): CHG ~ ARM + BASE; LS means at mean BASE, equal weights; model-based SE".</summary>
    public required string Method { get; init; }
    /// <summary>Primary source.</summary>
    public required string Reference { get; init; }
    /// <summary>"" or what the reader must know.</summary>
    public string Note { get; init; } = "";
    /// <summary>√(L V Lᵀ).</summary>
    public required double StandardError { get; init; }
    /// <summary>Residual df n − p.</summary>
    public required double DegreesOfFreedom { get; init; }
    /// <summary>t = estimate/SE.</summary>
    public required double Statistic { get; init; }
    /// <summary>Two-sided p-value of t.</summary>
    public required double PValue { get; init; }

    internal static LsMeanEstimate From(LinearEstimate e, string name, Comparison comparison, EstimateSizes sizes, string method, string reference, string note = "") => new()
    {
        Name = name, Estimate = e.Estimate, Ci = e.Ci, Sizes = sizes, Comparison = comparison, Method = method, Reference = reference,
        Note = note, StandardError = e.StandardError, DegreesOfFreedom = e.DegreesOfFreedom, Statistic = e.Statistic, PValue = e.PValue,
    };
}
