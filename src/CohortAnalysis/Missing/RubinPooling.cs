using CohortAnalysis.Numerics;

namespace CohortAnalysis.Missing;

/// <summary>Rubin's rules: combines the estimates and variances of M imputed datasets into one estimate, SE, df and
/// interval, with the fraction of missing information.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class RubinPooling
{
    /// <summary>Pools M complete-data estimates θ̂ₘ with their variances Uₘ.</summary>
    /// <remarks>
    /// <para>θ̄ = Σθ̂ₘ/M; ū = ΣUₘ/M; b = Σ(θ̂ₘ − θ̄)²/(M − 1); t = ū + (1 + 1/M)b; SE = √t (Rubin 1987, §3.1).</para>
    /// <para>df (Barnard &amp; Rubin 1999): λ = (1 + 1/M)b/t, ν_old = (M − 1)/λ², ν_obs = (ν_com + 1)/(ν_com + 3)·ν_com·(1 − λ),
    /// ν = ν_old·ν_obs/(ν_old + ν_obs); ν = ν_old when ν_com is ∞; λ is bounded below by 10⁻⁴ in ν_old, as mice. r = (1 + 1/M)b/ū;
    /// fraction of missing information γ = (r + 2/(ν + 3))/(1 + r). These are R <c>mice::pool</c>'s
    /// <c>qbar, ubar, b, t, df, riv, lambda, fmi</c> (mice ≥ 3.0).</para>
    /// <para>CI: θ̄ ± t₁₋α/₂(ν)·√t; two-sided p from Student's t with ν df.</para>
    /// <para>References: Rubin (1987) Multiple Imputation for Nonresponse in Surveys; Barnard &amp; Rubin (1999) Biometrika 86:948-955.</para>
    /// </remarks>
    /// <param name="estimates">θ̂ₘ, one per imputed dataset (at least 2, finite).</param>
    /// <param name="variances">Uₘ (squared SEs), same length, finite and ≥ 0.</param>
    /// <param name="completeDataDf">ν_com, the df the analysis would have without missing data (e.g. n − p); ∞ for a
    /// large-sample analysis (mice's <c>dfcom = Inf</c>).</param>
    /// <param name="ciLevel">Confidence level, default 0.95.</param>
    /// <exception cref="ArgumentException">Fewer than two estimates, lengths differ, a value not finite or a variance
    /// negative, ν_com not positive.</exception>
    public static PooledEstimate Pool(IReadOnlyList<double> estimates, IReadOnlyList<double> variances,
        double completeDataDf = double.PositiveInfinity, double ciLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(variances);
        Guard.CiLevel(ciLevel);
        if (estimates.Count < 2)
            throw new ArgumentException(FormattableString.Invariant($"Rubin's rules need at least 2 imputations; got {estimates.Count}."), nameof(estimates));
        if (variances.Count != estimates.Count)
            throw new ArgumentException(FormattableString.Invariant($"{estimates.Count} estimates but {variances.Count} variances; give one variance per imputation."), nameof(variances));
        for (int m = 0; m < estimates.Count; m++)
        {
            if (!double.IsFinite(estimates[m]))
                throw new ArgumentException(FormattableString.Invariant($"Estimate {m + 1} = {estimates[m]} is not finite."), nameof(estimates));
            if (!double.IsFinite(variances[m]) || variances[m] < 0)
                throw new ArgumentException(FormattableString.Invariant($"Variance {m + 1} = {variances[m]} must be finite and at least 0."), nameof(variances));
        }
        if (!(completeDataDf > 0))
            throw new ArgumentException(FormattableString.Invariant($"completeDataDf = {completeDataDf} must be positive (or infinity)."), nameof(completeDataDf));
        return Combine(estimates, variances, completeDataDf, ciLevel, Comparison.None, "Estimate", "", "");
    }

    internal static PooledEstimate Combine(IReadOnlyList<double> estimates, IReadOnlyList<double> variances, double dfCom,
        double ciLevel, Comparison comparison, string name, string method, string note, EstimateSizes sizes = default)
    {
        int m = estimates.Count;
        double qbar = 0, ubar = 0;
        for (int i = 0; i < m; i++) { qbar += estimates[i]; ubar += variances[i]; }
        qbar /= m;
        ubar /= m;
        double b = 0;
        for (int i = 0; i < m; i++) { double d = estimates[i] - qbar; b += d * d; }
        b /= m - 1;
        double t = ubar + (1 + 1.0 / m) * b;
        double lambda = t > 0 ? (1 + 1.0 / m) * b / t : 0;
        double riv = ubar > 0 ? (1 + 1.0 / m) * b / ubar : double.PositiveInfinity;
        double df = BarnardRubinDf(m, lambda, dfCom);
        double fmi = (riv + 2 / (df + 3)) / (1 + riv);
        double se = Math.Sqrt(t);
        double statistic = qbar / se;
        double p = 2 * Distributions.StudentTCdf(-Math.Abs(statistic), df);
        double q = Distributions.StudentTQuantile(1 - (1 - ciLevel) / 2, df);
        return new PooledEstimate(name, qbar, se, df, statistic, p, new ConfidenceInterval(qbar - q * se, qbar + q * se, ciLevel, CiMethod.T),
            sizes, comparison, method.Length > 0 ? method : "Rubin's rules; Barnard-Rubin df",
            Citations.Rubin1987 + " " + Citations.BarnardRubin1999, note)
        {
            Imputations = m, WithinVariance = ubar, BetweenVariance = b, TotalVariance = t, RelativeIncreaseInVariance = riv,
            Lambda = lambda, FractionMissingInformation = fmi, CompleteDataDegreesOfFreedom = dfCom,
        };
    }

    /// <summary>Barnard–Rubin df from M, λ and ν_com (mice's <c>barnard.rubin</c>).</summary>
    internal static double BarnardRubinDf(int m, double lambda, double dfCom)
    {
        // mice bounds λ below by 1e-4 so ν_old stays finite when the imputations agree (b ≈ 0).
        lambda = Math.Max(lambda, 1e-4);
        double dfOld = (m - 1) / (lambda * lambda);
        if (double.IsPositiveInfinity(dfCom)) return dfOld;
        double dfObs = (dfCom + 1) / (dfCom + 3) * dfCom * (1 - lambda);
        return dfOld * dfObs / (dfOld + dfObs);
    }
}
