using System.Globalization;
using CohortAnalysis.Inference;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Responders;

/// <summary>Stratified (e.g. by site or baseline severity) responder comparisons: Mantel–Haenszel common odds ratio and
/// risk ratio, and the Cochran–Mantel–Haenszel test.</summary>
/// <remarks>Stateless and thread-safe. Each stratum is a <see cref="ResponderCounts"/>, first arm vs second. Strata with
/// fewer than two subjects carry no information and are skipped (R <c>mantelhaen.test</c> refuses them); the count
/// of strata used is reported.</remarks>
public static class StratifiedRisk
{
    /// <summary>Mantel–Haenszel common odds ratio with the Robins–Breslow–Greenland interval, as R <c>mantelhaen.test</c>.</summary>
    /// <remarks>
    /// <para>OR_MH = Σ(aₖdₖ/Nₖ)/Σ(bₖcₖ/Nₖ). With Pₖ = (aₖ + dₖ)/Nₖ, Qₖ = (bₖ + cₖ)/Nₖ, Rₖ = aₖdₖ/Nₖ, Sₖ = bₖcₖ/Nₖ:
    /// Var(ln OR_MH) = ΣPR/(2(ΣR)²) + Σ(PS + QR)/(2ΣRΣS) + ΣQS/(2(ΣS)²); CI exp(ln OR_MH ± z·SE).</para>
    /// <para>ΣS = 0 gives ∞ (ΣR = 0 gives 0) with interval [0, ∞] and a note; both 0 gives NaN.</para>
    /// <para>References: Mantel, N. &amp; Haenszel, W. (1959). J Natl Cancer Inst 22:719-748. Robins, J., Breslow, N. &amp;
    /// Greenland, S. (1986). Biometrics 42:311-323.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">No stratum with at least two subjects.</exception>
    public static RiskEstimate MantelHaenszelOddsRatio(IReadOnlyList<ResponderCounts> strata, RiskComparisonOptions? options = null)
    {
        options ??= RiskComparisonOptions.Default;
        CiMethods.Require(options.OddsRatioCi, "a Mantel-Haenszel odds ratio", nameof(options), CiMethod.LogWald);
        List<ResponderCounts> used = Usable(strata, options);
        double sumR = 0, sumS = 0, sumPR = 0, sumPSQR = 0, sumQS = 0;
        foreach (ResponderCounts t in used)
        {
            double a = t.RespondersFirst, b = t.NonRespondersFirst, c = t.RespondersSecond, d = t.NonRespondersSecond, n = t.Total;
            double p = (a + d) / n, q = (b + c) / n, r = a * d / n, s = b * c / n;
            sumR += r; sumS += s; sumPR += p * r; sumPSQR += p * s + q * r; sumQS += q * s;
        }
        double or = sumR / sumS;
        double se = Math.Sqrt(sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS * sumS));
        string note = SkippedNote(strata.Count, used.Count);
        ConfidenceInterval ci = RiskComparison.LogInterval(or, se, options, CiMethod.LogWald, ref note);
        return new RiskEstimate(RiskMeasure.OddsRatio, or, ci, se, Sizes(used), used.Count,
            "Mantel-Haenszel common odds ratio; Robins-Breslow-Greenland interval", Citations.RobinsBreslowGreenland1986, note);
    }

    /// <summary>Mantel–Haenszel common risk ratio with the Greenland–Robins interval.</summary>
    /// <remarks>
    /// <para>RR_MH = Σ(aₖn₂ₖ/Nₖ)/Σ(cₖn₁ₖ/Nₖ); Var(ln RR_MH) = Σ(n₁ₖn₂ₖ(aₖ + cₖ)/Nₖ² − aₖcₖ/Nₖ) / (Σ(aₖn₂ₖ/Nₖ)·Σ(cₖn₁ₖ/Nₖ));
    /// CI exp(ln RR_MH ± z·SE). Zero sums give 0/∞ with [0, ∞] or NaN, with a note.</para>
    /// <para>Reference: Greenland, S. &amp; Robins, J. M. (1985). Estimation of a common effect parameter from sparse
    /// follow-up data. Biometrics 41:55-68.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">No stratum with at least two subjects.</exception>
    public static RiskEstimate MantelHaenszelRiskRatio(IReadOnlyList<ResponderCounts> strata, RiskComparisonOptions? options = null)
    {
        options ??= RiskComparisonOptions.Default;
        CiMethods.Require(options.RiskRatioCi, "a Mantel-Haenszel risk ratio", nameof(options), CiMethod.LogWald);
        List<ResponderCounts> used = Usable(strata, options);
        double num = 0, den = 0, variance = 0;
        foreach (ResponderCounts t in used)
        {
            double a = t.RespondersFirst, c = t.RespondersSecond, n1 = t.NFirst, n2 = t.NSecond, n = t.Total;
            num += a * n2 / n;
            den += c * n1 / n;
            variance += n1 * n2 * (a + c) / (n * n) - a * c / n;
        }
        double rr = num / den;
        double se = Math.Sqrt(Math.Max(0, variance / (num * den)));
        string note = SkippedNote(strata.Count, used.Count);
        ConfidenceInterval ci = RiskComparison.LogInterval(rr, se, options, CiMethod.LogWald, ref note);
        return new RiskEstimate(RiskMeasure.RiskRatio, rr, ci, se, Sizes(used), used.Count,
            "Mantel-Haenszel common risk ratio; Greenland-Robins interval", Citations.GreenlandRobins1985, note);
    }

    /// <summary>Cochran–Mantel–Haenszel test of conditional independence, with continuity correction by default, as R
    /// <c>mantelhaen.test</c>.</summary>
    /// <remarks>
    /// <para>Δ = Σaₖ − Σn₁ₖmₖ/Nₖ (mₖ = responders in stratum k); X² = (|Δ| − y)²/Σ(n₁ₖn₂ₖmₖ(Nₖ − mₖ)/(Nₖ²(Nₖ − 1))),
    /// y = ½ when <see cref="RiskComparisonOptions.ContinuityCorrection"/> and |Δ| ≥ ½ (R <c>correct = TRUE</c>).
    /// Two-sided p = P(χ²₁ &gt; X²); one-sided p from z = sign(Δ)√X², as R. Zero variance (every stratum has a zero
    /// margin) gives NaN with a note.</para>
    /// <para>References: Cochran, W. G. (1954). Biometrics 10:417-451. Mantel &amp; Haenszel (1959).</para>
    /// </remarks>
    /// <exception cref="ArgumentException">No stratum with at least two subjects.</exception>
    public static AssociationTestResult CochranMantelHaenszel(IReadOnlyList<ResponderCounts> strata, RiskComparisonOptions? options = null)
    {
        options ??= RiskComparisonOptions.Default;
        List<ResponderCounts> used = Usable(strata, options);
        double delta = 0, variance = 0;
        foreach (ResponderCounts t in used)
        {
            double n1 = t.NFirst, n2 = t.NSecond, n = t.Total, m = t.RespondersFirst + t.RespondersSecond;
            delta += t.RespondersFirst - n1 * m / n;
            variance += n1 * n2 * m * (n - m) / (n * n * (n - 1));
        }
        string method = options.ContinuityCorrection
            ? "Cochran-Mantel-Haenszel test with continuity correction"
            : "Cochran-Mantel-Haenszel test without continuity correction";
        string note = SkippedNote(strata.Count, used.Count);
        if (variance == 0)
            return new AssociationTestResult(double.NaN, 1, double.NaN, options.Alternative, Sizes(used), method, Citations.Cochran1954,
                RiskComparison.Append(note, "every stratum has all or no responders: the CMH statistic is undefined"));
        double yates = options.ContinuityCorrection && Math.Abs(delta) >= 0.5 ? 0.5 : 0;
        double x2 = (Math.Abs(delta) - yates) * (Math.Abs(delta) - yates) / variance;
        double p;
        if (options.Alternative == Alternative.TwoSided) p = Distributions.ChiSquare1Upper(x2);
        else
        {
            double z = Math.Sign(delta) * Math.Sqrt(x2);
            p = options.Alternative == Alternative.Less ? Distributions.NormalCdf(z) : Distributions.NormalUpper(z);
        }
        return new AssociationTestResult(x2, 1, p, options.Alternative, Sizes(used), method, Citations.Cochran1954, note);
    }

    private static List<ResponderCounts> Usable(IReadOnlyList<ResponderCounts> strata, RiskComparisonOptions options)
    {
        Guard.NotNull(strata);
        Guard.NotNull(options);
        Guard.CiLevel(options.CiLevel);
        var used = new List<ResponderCounts>(strata.Count);
        foreach (ResponderCounts t in strata)
        {
            Guard.NotNull(t);
            if (t.Total >= 2) used.Add(t);
        }
        if (used.Count == 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"No stratum has at least two subjects ({strata.Count} strata given)."), nameof(strata));
        return used;
    }

    private static string SkippedNote(int given, int used) => given == used ? "" : string.Create(CultureInfo.InvariantCulture,
        $"{given - used} strata with fewer than two subjects skipped");

    private static GroupSizes Sizes(List<ResponderCounts> used) => new(used.Sum(t => t.NFirst), used.Sum(t => t.NSecond));
}
