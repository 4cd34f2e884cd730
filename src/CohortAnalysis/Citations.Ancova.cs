namespace CohortAnalysis;

public static partial class Citations
{
    /// <summary>Searle, Speed &amp; Milliken (1980), population marginal means (LS means).</summary>
    public const string SearleSpeedMilliken1980 = "Searle, S. R., Speed, F. M. & Milliken, G. A. (1980). Population marginal means in the linear model: an alternative to least squares means. Am Stat 34(4):216-221.";
    /// <summary>SAS PROC GLM documentation: LSMEANS and the Type III estimable functions.</summary>
    public const string SasGlm = "SAS Institute. SAS/STAT User's Guide: The GLM Procedure (LSMEANS statement; The Four Types of Estimable Functions).";
    /// <summary>White (1980), the heteroscedasticity-consistent covariance.</summary>
    public const string White1980 = "White, H. (1980). A heteroskedasticity-consistent covariance matrix estimator and a direct test for heteroskedasticity. Econometrica 48(4):817-838.";
    /// <summary>Long &amp; Ervin (2000), HC0–HC3 in small samples.</summary>
    public const string LongErvin2000 = "Long, J. S. & Ervin, L. H. (2000). Using heteroscedasticity consistent standard errors in the linear regression model. Am Stat 54(3):217-224.";
    /// <summary>FDA (2023) guidance on covariate adjustment.</summary>
    public const string Fda2023CovariateAdjustment = "U.S. Food and Drug Administration (2023). Adjusting for Covariates in Randomized Clinical Trials for Drugs and Biological Products. Guidance for Industry.";
}
