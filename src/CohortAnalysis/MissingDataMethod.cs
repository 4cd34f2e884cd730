namespace CohortAnalysis;

/// <summary>How missing post-baseline visits are handled; every result names the method it used.</summary>
public enum MissingDataMethod
{
    /// <summary>Default: observed cases only; nothing is imputed.</summary>
    ObservedCases,
    /// <summary>Last observation carried forward: a missing post-baseline visit takes the subject's last non-missing
    /// post-baseline value before it. Baseline is not carried (a subject with no post-baseline value stays missing),
    /// as in the CDISC pilot's LOCF (DTYPE = "LOCF") analysis.</summary>
    Locf,
    /// <summary>Baseline observation carried forward: a missing post-baseline visit takes the baseline value (CHG = 0).</summary>
    Bocf,
    /// <summary>Worst observation carried forward: a missing post-baseline visit takes the worst value observed so far,
    /// baseline included (the highest for a higher-is-worse instrument).</summary>
    Wocf,
    /// <summary>Multiple imputation (Bayesian or approximate Bayesian) from an MMRM, under MAR or a reference-based
    /// strategy, pooled by Rubin's rules (<c>CohortAnalysis.Missing.MultipleImputation</c>).</summary>
    MultipleImputation,
    /// <summary>Conditional mean imputation from an MMRM with jackknife or bootstrap standard errors (Wolbers et al. 2022).</summary>
    ConditionalMeanImputation,
}

/// <summary>How a missing-data method is named in tables and notes.</summary>
public static class MissingDataMethodDescriptions
{
    /// <summary>"observed cases", "LOCF (last post-baseline observation carried forward)", …</summary>
    public static string Describe(this MissingDataMethod method) => method switch
    {
        MissingDataMethod.ObservedCases => "observed cases",
        MissingDataMethod.Locf => "LOCF (last post-baseline observation carried forward)",
        MissingDataMethod.Bocf => "BOCF (baseline carried forward)",
        MissingDataMethod.Wocf => "WOCF (worst observation carried forward)",
        MissingDataMethod.MultipleImputation => "multiple imputation",
        MissingDataMethod.ConditionalMeanImputation => "conditional mean imputation",
        _ => method.ToString(),
    };
}
