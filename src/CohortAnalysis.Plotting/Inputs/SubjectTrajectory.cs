namespace CohortAnalysis.Plotting;

/// <summary>One subject's values over visits, for a spaghetti plot.</summary>
/// <remarks>Immutable by convention: the plot reads the arrays once and never writes them. <see cref="Visits"/> and
/// <see cref="Values"/> have the same length; <see cref="double.NaN"/> marks a missed visit.</remarks>
/// <param name="Subject">Subject identifier (USUBJID).</param>
/// <param name="Arm">Treatment arm name.</param>
/// <param name="Visits">Visit positions on the time axis (e.g. study weeks).</param>
/// <param name="Values">The subject's value at each visit (score or change from baseline).</param>
public sealed record SubjectTrajectory(string Subject, string Arm, double[] Visits, double[] Values);
