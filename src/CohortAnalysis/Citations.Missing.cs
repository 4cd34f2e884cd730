namespace CohortAnalysis;

public static partial class Citations
{
    /// <summary>Rubin (1987), the combining rules for multiple imputation.</summary>
    public const string Rubin1987 = "Rubin, D. B. (1987). Multiple Imputation for Nonresponse in Surveys. Wiley, New York.";
    /// <summary>Barnard &amp; Rubin (1999), small-sample degrees of freedom for multiple imputation.</summary>
    public const string BarnardRubin1999 = "Barnard, J. & Rubin, D. B. (1999). Small-sample degrees of freedom with multiple imputation. Biometrika 86(4):948-955.";
    /// <summary>Carpenter, Roger &amp; Kenward (2013), reference-based imputation (J2R, CR, CIR, LMCF).</summary>
    public const string CarpenterRogerKenward2013 = "Carpenter, J. R., Roger, J. H. & Kenward, M. G. (2013). Analysis of longitudinal trials with protocol deviation: a framework for relevant, accessible assumptions, and inference via multiple imputation. J Biopharm Stat 23(6):1352-1371.";
    /// <summary>von Hippel &amp; Bartlett (2021), maximum likelihood multiple imputation and conditional mean imputation.</summary>
    public const string VonHippelBartlett2021 = "von Hippel, P. T. & Bartlett, J. W. (2021). Maximum likelihood multiple imputation: faster imputations and consistent standard errors without posterior draws. Stat Sci 36(3):400-420.";
    /// <summary>Wolbers et al. (2022), conditional mean imputation with jackknife for reference-based methods (rbmi).</summary>
    public const string Wolbers2022 = "Wolbers, M., Noci, A., Delmar, P., Gower-Page, C., Yiu, S. & Bartlett, J. W. (2022). Standard and reference-based conditional mean imputation. Pharm Stat 21(6):1246-1257.";
    /// <summary>Schafer (1997), data augmentation for the multivariate normal model.</summary>
    public const string Schafer1997 = "Schafer, J. L. (1997). Analysis of Incomplete Multivariate Data. Chapman & Hall, London (ch. 5: data augmentation for the normal model).";
    /// <summary>Tanner &amp; Wong (1987), data augmentation.</summary>
    public const string TannerWong1987 = "Tanner, M. A. & Wong, W. H. (1987). The calculation of posterior distributions by data augmentation. JASA 82(398):528-540.";
    /// <summary>Little &amp; Rubin (2019), approximate Bayesian bootstrap imputation.</summary>
    public const string LittleRubin2019 = "Little, R. J. A. & Rubin, D. B. (2019). Statistical Analysis with Missing Data, 3rd ed. Wiley (§5.4 bootstrap imputation; §10.2 the multivariate normal).";
    /// <summary>Ratitch, O'Kelly &amp; Tosiello (2013), delta adjustment and tipping-point analysis.</summary>
    public const string RatitchOKellyTosiello2013 = "Ratitch, B., O'Kelly, M. & Tosiello, R. (2013). Missing data in clinical trials: from clinical assumptions to statistical analysis using pattern mixture models. Pharm Stat 12(6):337-347.";
}
