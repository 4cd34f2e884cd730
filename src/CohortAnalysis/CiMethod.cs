namespace CohortAnalysis;

/// <summary>How a confidence interval was computed. Each member's doc gives the R / SAS spelling.</summary>
public enum CiMethod
{
    /// <summary>Central t: estimate ± t(df)·SE (R <c>t.test</c>; SAS PROC MEANS CLM, PROC TTEST). Means and mean differences.</summary>
    T,
    /// <summary>Normal (Wald) approximation: estimate ± z·SE (R <c>confint.default</c>; SAS <c>CL=WALD</c> for effect sizes).</summary>
    Normal,
    /// <summary>Exact inversion of the noncentral t distribution (R effectsize <c>cohens_d</c>, MBESS <c>ci.smd</c>;
    /// SAS has no built-in equivalent).</summary>
    NoncentralT,
    /// <summary>Wilson score interval for a proportion (R <c>prop.test(correct = FALSE)</c>, binom <c>"wilson"</c>;
    /// SAS PROC FREQ BINOMIAL(CL=WILSON); statsmodels <c>method="wilson"</c>).</summary>
    Wilson,
    /// <summary>Clopper–Pearson exact interval for a proportion (R <c>binom.test</c>; SAS BINOMIAL(CL=EXACT);
    /// statsmodels <c>"beta"</c>).</summary>
    ClopperPearson,
    /// <summary>Agresti–Coull interval for a proportion (binom <c>"agresti-coull"</c>; SAS BINOMIAL(CL=AGRESTICOULL);
    /// statsmodels <c>"agresti_coull"</c>).</summary>
    AgrestiCoull,
    /// <summary>Wald interval for a proportion or a difference of proportions, without continuity correction (SAS BINOMIAL and
    /// RISKDIFF default "asymptotic"; R <c>prop.test(correct = FALSE)</c> for a difference; statsmodels <c>"normal"</c>).</summary>
    Wald,
    /// <summary>Newcombe hybrid score interval for a difference of proportions (Newcombe 1998, method 10; SAS
    /// RISKDIFF(CL=NEWCOMBE); R DescTools <c>BinomDiffCI(method = "score")</c>).</summary>
    Newcombe,
    /// <summary>Wald interval on the log scale: Katz for a risk ratio, Woolf logit for an odds ratio, Robins–Breslow–Greenland /
    /// Greenland–Robins for Mantel–Haenszel estimates (SAS PROC FREQ RELRISK "Wald" limits; R epitools <c>"wald"</c>).</summary>
    LogWald,
    /// <summary>Exact conditional interval of an odds ratio (R <c>fisher.test</c>; SAS PROC FREQ EXACT OR).</summary>
    ExactConditional,
    /// <summary>Fisher z transformation of a correlation, SE 1/√(n − 3) (R <c>cor.test</c> for Pearson; SAS PROC CORR FISHER(BIASADJ=NO)).</summary>
    FisherZ,
    /// <summary>Bootstrap percentile interval (R boot <c>type = "perc"</c>; scipy <c>method="percentile"</c>).</summary>
    BootstrapPercentile,
    /// <summary>Bootstrap basic (reverse percentile) interval (R boot <c>type = "basic"</c>; scipy <c>method="basic"</c>).</summary>
    BootstrapBasic,
    /// <summary>Bootstrap bias-corrected and accelerated interval, jackknife acceleration (Efron 1987; R boot <c>type = "bca"</c>;
    /// scipy <c>method="BCa"</c>).</summary>
    BootstrapBca,
    /// <summary>Transformed from another interval (e.g. NNT from a risk-difference interval, Altman 1998).</summary>
    Transformed,
    /// <summary>No interval: the result is a test (statistic and p-value only), e.g. Fisher's exact or Wilcoxon test.</summary>
    None,
    /// <summary>Wald interval for a difference of proportions with Yates' continuity correction ½(1/n₁ + 1/n₂)
    /// (R <c>prop.test</c> default <c>correct = TRUE</c>; SAS RISKDIFF(CORRECT)).</summary>
    WaldContinuityCorrected,
    /// <summary>Fisher z interval of Spearman's ρ with the Bonett–Wright SE √((1 + ρ²/2)/(n − 3)) (Bonett &amp; Wright 2000;
    /// R and SAS have no built-in equivalent).</summary>
    FisherZBonettWright,
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
        CiMethod.None => "none",
        CiMethod.WaldContinuityCorrected => "wald-cc",
        CiMethod.FisherZBonettWright => "fisher-z-bonett-wright",
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
        CiMethod.None => "none",
        CiMethod.WaldContinuityCorrected => "Wald with continuity correction",
        CiMethod.FisherZBonettWright => "Fisher z with Bonett-Wright SE",
        _ => method.ToString(),
    };

    /// <summary>Throws unless <paramref name="method"/> is one of <paramref name="allowed"/>: an option that does not apply
    /// to an estimator is an error, never ignored.</summary>
    /// <exception cref="ArgumentException">The method does not apply; the message names the estimator and the allowed methods.</exception>
    public static void Require(CiMethod method, string estimator, string parameterName, params CiMethod[] allowed)
    {
        if (Array.IndexOf(allowed, method) >= 0) return;
        throw new ArgumentException(
            $"CI method {method} does not apply to {estimator}; use one of: {string.Join(", ", allowed)}.", parameterName);
    }
}
