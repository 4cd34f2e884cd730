namespace CohortAnalysis.Responders;

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

    /// <value>Default <see cref="CiMethod.Newcombe"/>: Newcombe hybrid score interval from two Wilson intervals (Newcombe
    /// 1998, method 10; SAS RISKDIFF(CL=NEWCOMBE)). Also <see cref="CiMethod.Wald"/> (SAS RISKDIFF default; R
    /// <c>prop.test(correct = FALSE)</c>) and <see cref="CiMethod.WaldContinuityCorrected"/> (R <c>prop.test</c> default).
    /// Any other method throws <see cref="ArgumentException"/> naming these.</value>
    public CiMethod RiskDifferenceCi { get; init; } = CiMethod.Newcombe;

    /// <value>Default <see cref="CiMethod.LogWald"/>: the log-scale (Katz) Wald interval, the only one offered for a risk
    /// ratio (SAS RELRISK Wald limits). Any other method throws.</value>
    public CiMethod RiskRatioCi { get; init; } = CiMethod.LogWald;

    /// <value>Default <see cref="CiMethod.LogWald"/>: Woolf's logit interval around the sample OR (SAS OR Wald limits; R
    /// effectsize <c>oddsratio</c>). Also <see cref="CiMethod.ExactConditional"/>: the conditional MLE with the exact
    /// conditional interval, as R <c>fisher.test</c> (SAS EXACT OR). Mantel–Haenszel estimates accept only
    /// <see cref="CiMethod.LogWald"/>. Any other method throws.</value>
    public CiMethod OddsRatioCi { get; init; } = CiMethod.LogWald;

    /// <value>Default <see cref="ZeroCellCorrection.None"/>: zero cells are reported (estimate 0 or ∞), not hidden.</value>
    public ZeroCellCorrection ZeroCellCorrection { get; init; } = ZeroCellCorrection.None;

    /// <value>Default <c>true</c>: Yates' continuity correction for the 2×2 chi-square, as R <c>chisq.test</c>/<c>prop.test</c>
    /// (<c>correct = TRUE</c>); also the CMH test's correction, as R <c>mantelhaen.test</c>. SAS prints both.</value>
    public bool ContinuityCorrection { get; init; } = true;

    /// <value>Default <c>true</c>: the event is desirable (response, remission), so a positive risk difference is a
    /// benefit for the NNT. Set <c>false</c> for adverse events (relapse), where a positive difference is harm.</value>
    public bool EventIsDesirable { get; init; } = true;
}
