namespace CohortAnalysis.Inference;

/// <summary>Turns a test statistic into a p-value and a quantile into interval bounds, per <see cref="Alternative"/>.</summary>
internal static class Sided
{
    /// <summary>The critical-value probability: (1 + level)/2 two-sided, level one-sided (R's convention).</summary>
    public static double CriticalProbability(Alternative alternative, double level) =>
        alternative == Alternative.TwoSided ? (1 + level) / 2 : level;

    /// <summary>p-value from lower- and upper-tail probabilities of the observed statistic; two-sided = 2·min, capped at 1.</summary>
    public static double PValue(Alternative alternative, double lowerTail, double upperTail) => alternative switch
    {
        Alternative.Less => lowerTail,
        Alternative.Greater => upperTail,
        _ => Math.Min(1, 2 * Math.Min(lowerTail, upperTail)),
    };

    /// <summary>estimate ∓ q·se with the unused side infinite for one-sided alternatives.</summary>
    public static (double Lower, double Upper) Bounds(Alternative alternative, double estimate, double q, double se) => alternative switch
    {
        Alternative.Less => (double.NegativeInfinity, estimate + q * se),
        Alternative.Greater => (estimate - q * se, double.PositiveInfinity),
        _ => (estimate - q * se, estimate + q * se),
    };

    public static string Describe(Alternative alternative) => alternative switch
    {
        Alternative.Less => "one-sided (less)",
        Alternative.Greater => "one-sided (greater)",
        _ => "two-sided",
    };
}
