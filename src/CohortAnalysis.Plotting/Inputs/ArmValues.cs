namespace CohortAnalysis.Plotting;

/// <summary>All values of one arm, e.g. each subject's change from baseline at the primary visit.</summary>
/// <remarks>Immutable by convention: plots read <see cref="Values"/> and never write it. Non-finite values are ignored.</remarks>
/// <param name="Arm">Treatment arm name.</param>
/// <param name="Values">One value per subject.</param>
public sealed record ArmValues(string Arm, double[] Values);
