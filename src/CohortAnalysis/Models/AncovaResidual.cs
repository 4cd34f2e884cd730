namespace CohortAnalysis.Models;

/// <summary>One analysed subject's observed outcome, fitted value, residual and leverage (for diagnostics).</summary>
/// <param name="Subject">Subject identifier (USUBJID).</param>
/// <param name="Arm">The subject's arm.</param>
/// <param name="Observed">The outcome analysed.</param>
/// <param name="Fitted">x·β̂.</param>
/// <param name="Residual">Observed − fitted.</param>
/// <param name="Leverage">hᵢ, the diagonal of the hat matrix.</param>
public readonly record struct AncovaResidual(string Subject, string Arm, double Observed, double Fitted, double Residual, double Leverage);
