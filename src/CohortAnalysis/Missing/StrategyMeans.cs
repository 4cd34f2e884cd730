namespace CohortAnalysis.Missing;

/// <summary>Each subject's marginal mean profile under its strategy (Carpenter, Roger &amp; Kenward 2013, §4), from the
/// MMRM means in its own arm and in the reference arm at its baseline and covariates.</summary>
internal static class StrategyMeans
{
    /// <summary>Fills <paramref name="mu"/> (length T) for subject <paramref name="i"/>; with <paramref name="mar"/>, the own-arm
    /// means whatever the strategy (the imputation model's own conditional, used by the Gibbs chain).</summary>
    public static void Fill(ImputationData d, int i, double[] beta, Span<double> mu, bool mar = false)
    {
        int t = d.T, p = d.P, k = d.LastUsed[i];
        Span<double> own = stackalloc double[t];
        Span<double> reference = stackalloc double[t];
        for (int j = 0; j < t; j++)
        {
            own[j] = Dot(d.XOwn.AsSpan((i * t + j) * p, p), beta);
            reference[j] = Dot(d.XRef.AsSpan((i * t + j) * p, p), beta);
        }
        // A reference-arm subject needs no special case: μ_ref = μ_own makes J2R, CR and CIR its MAR; LMCF still carries.
        ImputationStrategy strategy = mar ? ImputationStrategy.Mar : d.Strategy[i];
        for (int j = 0; j < t; j++)
            mu[j] = strategy switch
            {
                ImputationStrategy.Mar => own[j],
                ImputationStrategy.CopyReference => reference[j],
                _ when j <= k => own[j],
                ImputationStrategy.JumpToReference => reference[j],
                // With no visit used the increments run from baseline, where every arm's mean change is 0: μ_ref.
                ImputationStrategy.CopyIncrementsFromReference => k < 0 ? reference[j] : own[k] + reference[j] - reference[k],
                ImputationStrategy.LastMeanCarriedForward => own[k],
                _ => throw new ArgumentOutOfRangeException(nameof(d), strategy, null),
            };
    }

    private static double Dot(ReadOnlySpan<double> x, double[] beta)
    {
        double s = 0;
        for (int c = 0; c < x.Length; c++) s += x[c] * beta[c];
        return s;
    }
}
