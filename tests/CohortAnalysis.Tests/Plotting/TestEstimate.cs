namespace CohortAnalysis.Tests.Plotting;

/// <summary>A minimal <see cref="IEstimate"/> for renderer tests: any value, interval and comparison.</summary>
internal sealed record TestEstimate(string Name, double Estimate, ConfidenceInterval Ci, EstimateSizes Sizes, Comparison Comparison) : IEstimate
{
    public string Method { get; init; } = "test method";
    public string Reference { get; init; } = "Test reference (2026).";
    public string Note { get; init; } = "";

    /// <summary>Hedges' g of a parameter's CHG at a visit, psilocybin vs placebo (placebo guessed by name), observed cases.</summary>
    internal static TestEstimate HedgesG(string parameter, Visit visit, double g, int n1 = 40, int n2 = 38) =>
        new("Hedges' g", g, new ConfidenceInterval(g - 0.45, g + 0.45, 0.95, CiMethod.NoncentralT), EstimateSizes.Two(n1, n2),
            new Comparison
            {
                Parameter = parameter, Visit = visit, Variable = ChangeVariable.Change, Arm = PlotFixtures.Active,
                ReferenceArm = PlotFixtures.Placebo, ReferenceSource = ReferenceArmSource.GuessedPlacebo, MissingData = MissingDataMethod.ObservedCases,
            });
}
