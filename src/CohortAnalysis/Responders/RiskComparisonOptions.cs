namespace CohortAnalysis.Responders;

/// <summary>Interval for a risk (response-rate) difference.</summary>
public enum RiskDifferenceCiMethod
{
    /// <summary>Newcombe hybrid score interval from two Wilson intervals (Newcombe 1998, method 10; SAS
    /// RISKDIFF(CL=NEWCOMBE); statsmodels <c>"newcomb"</c>). The default.</summary>
    Newcombe,
    /// <summary>Wald: d ± z√(p₁q₁/n₁ + p₂q₂/n₂), clipped to [−1, 1] (SAS RISKDIFF default; R <c>prop.test(correct = FALSE)</c>).</summary>
    Wald,
    /// <summary>Wald with Yates' continuity correction ½(1/n₁ + 1/n₂) (capped at |d|), as R <c>prop.test</c>'s default <c>correct = TRUE</c>.</summary>
    WaldContinuityCorrected,
}

/// <summary>Interval for an odds ratio.</summary>
public enum OddsRatioCiMethod
{
    /// <summary>Woolf's logit interval exp(ln OR ± z√(1/a + 1/b + 1/c + 1/d)) around the sample OR (default; SAS
    /// RELRISK/OR Wald limits; R effectsize <c>oddsratio</c>).</summary>
    Woolf,
    /// <summary>Exact conditional interval by inverting the noncentral hypergeometric distribution, with the conditional
    /// maximum-likelihood estimate, as R <c>fisher.test</c> (SAS EXACT OR).</summary>
    ExactConditional,
}

/// <summary>What to do with a zero cell for log-scale (risk ratio, odds ratio) intervals.</summary>
public enum ZeroCellCorrection
{
    /// <summary>No correction (default): with a zero cell the estimate is 0 or ∞ and the interval [0, ∞]; 0/0 gives NaN. A note says so.</summary>
    None,
    /// <summary>Haldane–Anscombe: add ½ to every cell, only when some cell is zero (metafor <c>add = 1/2, to = "only0"</c>).</summary>
    Haldane,
}

/// <summary>Options for <see cref="RiskComparison"/> and <see cref="StratifiedRisk"/>.</summary>
/// <remarks>Immutable. Defaults follow SAS PROC FREQ / R where they agree, and say so.</remarks>
public sealed record RiskComparisonOptions
{
    /// <summary>95%, two-sided, Newcombe RD, Woolf OR, no zero-cell correction, Yates chi-square, responders desirable.</summary>
    public static RiskComparisonOptions Default { get; } = new();

    /// <value>Default 0.95 (R <c>conf.level</c>, SAS <c>ALPHA=0.05</c>). A confidence level, never an alpha.</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="Alternative.TwoSided"/>. One-sided intervals end at −1/1 (difference) or 0/∞ (ratios);
    /// the Fisher p-value follows it as R <c>fisher.test</c>.</value>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <value>Default <see cref="RiskDifferenceCiMethod.Newcombe"/> (SAS RISKDIFF(CL=NEWCOMBE)).</value>
    public RiskDifferenceCiMethod RiskDifferenceCi { get; init; } = RiskDifferenceCiMethod.Newcombe;

    /// <value>Default <see cref="OddsRatioCiMethod.Woolf"/> (SAS OR Wald limits).</value>
    public OddsRatioCiMethod OddsRatioCi { get; init; } = OddsRatioCiMethod.Woolf;

    /// <value>Default <see cref="ZeroCellCorrection.None"/>: zero cells are reported (estimate 0 or ∞), not hidden.</value>
    public ZeroCellCorrection ZeroCellCorrection { get; init; } = ZeroCellCorrection.None;

    /// <value>Default <c>true</c>: Yates' continuity correction for the 2×2 chi-square, as R <c>chisq.test</c>/<c>prop.test</c>
    /// (<c>correct = TRUE</c>); also the CMH test's correction, as R <c>mantelhaen.test</c>. SAS prints both.</value>
    public bool ContinuityCorrection { get; init; } = true;

    /// <value>Default <c>true</c>: the event is desirable (response, remission), so a positive risk difference is a
    /// benefit for the NNT. Set <c>false</c> for adverse events (relapse), where a positive difference is harm.</value>
    public bool EventIsDesirable { get; init; } = true;
}
