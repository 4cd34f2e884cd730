namespace CohortAnalysis.Plotting;

/// <summary>One arm's summary at one visit: a mean with its confidence interval and the number of subjects.</summary>
/// <remarks>Immutable. Input to <see cref="CohortPlots.MeanChange(IEnumerable{ArmVisitPoint}, string, string, CohortPlotStyle?, double, CiMethod, MissingDataMethod)"/>; a change-from-baseline summary table maps
/// to one point per arm × visit.</remarks>
/// <param name="Arm">Treatment arm name, e.g. "Placebo".</param>
/// <param name="Visit">Position on the time axis, e.g. the study week (6 for "Week 6").</param>
/// <param name="VisitLabel">Tick label for the visit (e.g. "Week 6"); <c>null</c> shows the number.</param>
/// <param name="Mean">Mean (e.g. mean change from baseline).</param>
/// <param name="Lower">Lower confidence bound of the mean.</param>
/// <param name="Upper">Upper confidence bound of the mean.</param>
/// <param name="N">Values the mean rests on at this visit (observed plus imputed).</param>
/// <param name="Imputed">How many of <paramref name="N"/> were filled by a missing-data method (LOCF, BOCF, WOCF); 0 for
/// observed cases.</param>
public sealed record ArmVisitPoint(string Arm, double Visit, string? VisitLabel, double Mean, double Lower, double Upper, int N, int Imputed = 0);
