namespace CohortAnalysis.Missing;

/// <summary>The command-line spelling of the imputation enums, defined once (the CLI and JSON use these).</summary>
public static class ImputationTokens
{
    /// <summary>"mar", "j2r", "cr", "cir", "lmcf".</summary>
    public static string Token(this ImputationStrategy strategy) => strategy switch
    {
        ImputationStrategy.Mar => "mar",
        ImputationStrategy.JumpToReference => "j2r",
        ImputationStrategy.CopyReference => "cr",
        ImputationStrategy.CopyIncrementsFromReference => "cir",
        ImputationStrategy.LastMeanCarriedForward => "lmcf",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };

    /// <summary>"bayes", "approx-bayes", "conditional-mean".</summary>
    public static string Token(this ImputationMethod method) => method switch
    {
        ImputationMethod.Bayesian => "bayes",
        ImputationMethod.ApproximateBayesian => "approx-bayes",
        ImputationMethod.ConditionalMean => "conditional-mean",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>"jackknife", "bootstrap".</summary>
    public static string Token(this ResamplingVariance variance) => variance == ResamplingVariance.Jackknife ? "jackknife" : "bootstrap";

    /// <summary>"active", "all".</summary>
    public static string Token(this DeltaArms arms) => arms == DeltaArms.Active ? "active" : "all";

    /// <summary>Parses a strategy token (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Not one of mar, j2r, cr, cir, lmcf.</exception>
    public static ImputationStrategy ParseStrategy(string token) => Parse<ImputationStrategy>(token, "strategy", Token);

    /// <summary>Parses a method token (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Not one of bayes, approx-bayes, conditional-mean.</exception>
    public static ImputationMethod ParseMethod(string token) => Parse<ImputationMethod>(token, "imputation method", Token);

    /// <summary>Parses a variance token (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Not jackknife or bootstrap.</exception>
    public static ResamplingVariance ParseVariance(string token) => Parse<ResamplingVariance>(token, "variance method", Token);

    /// <summary>Parses a delta-arms token (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Not active or all.</exception>
    public static DeltaArms ParseDeltaArms(string token) => Parse<DeltaArms>(token, "delta arms", Token);

    private static T Parse<T>(string token, string what, Func<T, string> spell) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(token);
        foreach (T value in Enum.GetValues<T>())
            if (string.Equals(spell(value), token.Trim(), StringComparison.OrdinalIgnoreCase)) return value;
        throw new ArgumentException($"'{token}' is not a known {what}; use one of: {string.Join(", ", Enum.GetValues<T>().Select(spell))}.", nameof(token));
    }
}
