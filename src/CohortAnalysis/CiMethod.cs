namespace CohortAnalysis;

/// <summary>How a confidence interval was computed. Each member's doc gives the R / SAS spelling.</summary>
public enum CiMethod
{
    /// <summary>Central t: estimate ± t(df)·SE (R <c>t.test</c>; SAS PROC MEANS CLM).</summary>
    T,
    /// <summary>Normal (Wald) approximation: estimate ± z·SE.</summary>
    Normal,
    /// <summary>Exact inversion of the noncentral t distribution (R effectsize, MBESS <c>ci.smd</c>).</summary>
    NoncentralT,
    /// <summary>Wilson score interval (SAS PROC FREQ BINOMIAL(WILSON); statsmodels <c>method="wilson"</c>).</summary>
    Wilson,
    /// <summary>Clopper–Pearson exact interval (SAS BINOMIAL(EXACT); statsmodels <c>"beta"</c>).</summary>
    ClopperPearson,
    /// <summary>Agresti–Coull interval (statsmodels <c>"agresti_coull"</c>).</summary>
    AgrestiCoull,
    /// <summary>Wald interval for a proportion or a difference of proportions (SAS RISKDIFF default).</summary>
    Wald,
    /// <summary>Newcombe hybrid score interval for a difference of proportions (Newcombe 1998, method 10; SAS RISKDIFF(CL=NEWCOMBE)).</summary>
    Newcombe,
    /// <summary>Wald interval on the log scale (risk ratio; Woolf logit interval for odds ratio).</summary>
    LogWald,
    /// <summary>Exact conditional interval (odds ratio; R <c>fisher.test</c>).</summary>
    ExactConditional,
    /// <summary>Fisher z transformation of a correlation.</summary>
    FisherZ,
    /// <summary>Bootstrap percentile interval.</summary>
    BootstrapPercentile,
    /// <summary>Bootstrap basic (reverse percentile) interval.</summary>
    BootstrapBasic,
    /// <summary>Bootstrap bias-corrected and accelerated interval (Efron 1987).</summary>
    BootstrapBca,
    /// <summary>Transformed from another interval (e.g. NNT from a risk-difference interval).</summary>
    Transformed,
}

internal static class CiMethods
{
    /// <summary>The machine-readable spelling used in JSON, CSV and on the command line: "t", "noncentral-t", "bootstrap-bca", …</summary>
    public static string Token(CiMethod method) => method switch
    {
        CiMethod.T => "t",
        CiMethod.Normal => "normal",
        CiMethod.NoncentralT => "noncentral-t",
        CiMethod.Wilson => "wilson",
        CiMethod.ClopperPearson => "clopper-pearson",
        CiMethod.AgrestiCoull => "agresti-coull",
        CiMethod.Wald => "wald",
        CiMethod.Newcombe => "newcombe",
        CiMethod.LogWald => "log-wald",
        CiMethod.ExactConditional => "exact-conditional",
        CiMethod.FisherZ => "fisher-z",
        CiMethod.BootstrapPercentile => "bootstrap-percentile",
        CiMethod.BootstrapBasic => "bootstrap-basic",
        CiMethod.BootstrapBca => "bootstrap-bca",
        CiMethod.Transformed => "transformed",
        _ => method.ToString().ToLowerInvariant(),
    };

    public static string Describe(CiMethod method) => method switch
    {
        CiMethod.T => "t",
        CiMethod.Normal => "normal",
        CiMethod.NoncentralT => "noncentral t",
        CiMethod.Wilson => "Wilson",
        CiMethod.ClopperPearson => "Clopper-Pearson",
        CiMethod.AgrestiCoull => "Agresti-Coull",
        CiMethod.Wald => "Wald",
        CiMethod.Newcombe => "Newcombe hybrid score",
        CiMethod.LogWald => "log-scale Wald",
        CiMethod.ExactConditional => "exact conditional",
        CiMethod.FisherZ => "Fisher z",
        CiMethod.BootstrapPercentile => "bootstrap percentile",
        CiMethod.BootstrapBasic => "bootstrap basic",
        CiMethod.BootstrapBca => "bootstrap BCa",
        CiMethod.Transformed => "transformed",
        _ => method.ToString(),
    };
}
