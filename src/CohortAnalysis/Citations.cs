namespace CohortAnalysis;

/// <summary>The references cited by estimators and instruments, in one place; results carry them at run time.</summary>
public static partial class Citations
{
    /// <summary>Cohen (1988).</summary>
    public const string Cohen1988 = "Cohen, J. (1988). Statistical Power Analysis for the Behavioral Sciences (2nd ed.). Erlbaum.";
    /// <summary>Hedges &amp; Olkin (1985).</summary>
    public const string HedgesOlkin1985 = "Hedges, L. V. & Olkin, I. (1985). Statistical Methods for Meta-Analysis. Academic Press.";
    /// <summary>Welford (1962), the one-pass running variance.</summary>
    public const string Welford1962 = "Welford, B. P. (1962). Note on a method for calculating corrected sums of squares and products. Technometrics 4(3):419-420.";
    /// <summary>Chan, Golub &amp; LeVeque (1979), merging running variances.</summary>
    public const string ChanGolubLeVeque1979 = "Chan, T. F., Golub, G. H. & LeVeque, R. J. (1979). Updating formulae and a pairwise algorithm for computing sample variances. Stanford CS Tech. Rep. STAN-CS-79-773.";
    /// <summary>CDISC ADaM Implementation Guide (BDS: BASE, CHG, PCHG, ABLFL).</summary>
    public const string CdiscAdamIg = "CDISC Analysis Data Model Implementation Guide v1.3 (2021), Basic Data Structure.";
    /// <summary>Montgomery &amp; Åsberg (1979), MADRS.</summary>
    public const string MontgomeryAsberg1979 = "Montgomery, S. A. & Åsberg, M. (1979). A new depression scale designed to be sensitive to change. Br J Psychiatry 134:382-389.";
    /// <summary>Hamilton (1960), HAM-D.</summary>
    public const string Hamilton1960 = "Hamilton, M. (1960). A rating scale for depression. J Neurol Neurosurg Psychiatry 23:56-62.";
    /// <summary>Rush et al. (2003), QIDS-SR16.</summary>
    public const string Rush2003 = "Rush, A. J. et al. (2003). The 16-item Quick Inventory of Depressive Symptomatology (QIDS). Biol Psychiatry 54:573-583.";
    /// <summary>Beck, Steer &amp; Brown (1996), BDI-II.</summary>
    public const string Beck1996 = "Beck, A. T., Steer, R. A. & Brown, G. K. (1996). Manual for the Beck Depression Inventory-II. Psychological Corporation.";
    /// <summary>Kroenke, Spitzer &amp; Williams (2001), PHQ-9.</summary>
    public const string Kroenke2001 = "Kroenke, K., Spitzer, R. L. & Williams, J. B. (2001). The PHQ-9. J Gen Intern Med 16:606-613.";
    /// <summary>Dworkin et al. (2008), IMMPACT recommendations.</summary>
    public const string Dworkin2008 = "Dworkin, R. H. et al. (2008). Interpreting the clinical importance of treatment outcomes in chronic pain clinical trials: IMMPACT recommendations. J Pain 9(2):105-121.";
    /// <summary>Farrar et al. (2001), pain NRS clinically important change.</summary>
    public const string Farrar2001 = "Farrar, J. T. et al. (2001). Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain 94:149-158.";
    /// <summary>Cleeland &amp; Ryan (1994), Brief Pain Inventory.</summary>
    public const string Cleeland1994 = "Cleeland, C. S. & Ryan, K. M. (1994). Pain assessment: global use of the Brief Pain Inventory. Ann Acad Med Singapore 23(2):129-138.";
    /// <summary>Goodwin et al. (2022), COMP360 psilocybin in treatment-resistant depression.</summary>
    public const string Goodwin2022 = "Goodwin, G. M. et al. (2022). Single-dose psilocybin for a treatment-resistant episode of major depression. N Engl J Med 387:1637-1648.";
    /// <summary>Hawley et al. (2002), MADRS remission cut-off.</summary>
    public const string Hawley2002 = "Hawley, C. J. et al. (2002). Defining remission by cut off score on the MADRS. Int J Psychiatry Clin Pract 6(2):73-77.";
    /// <summary>Frank et al. (1991), HAM-D response and remission conventions.</summary>
    public const string Frank1991 = "Frank, E. et al. (1991). Conceptualization and rationale for consensus definitions of terms in major depressive disorder. Arch Gen Psychiatry 48:851-855.";
    /// <summary>Riedel et al. (2010), response and remission criteria across depression scales.</summary>
    public const string Riedel2010 = "Riedel, M. et al. (2010). Response and remission criteria in major depression: a validation of current practice. J Psychiatr Res 44:1063-1068.";
    /// <summary>Löwe et al. (2004), PHQ-9 responsiveness.</summary>
    public const string Lowe2004 = "Löwe, B. et al. (2004). Monitoring depression treatment outcomes with the PHQ-9. Med Care 42(12):1194-1201.";
    /// <summary>HIPAA Privacy Rule, Safe Harbor de-identification method: the 18 identifiers to remove.</summary>
    public const string HipaaSafeHarbor = "45 CFR 164.514(b)(2), HIPAA Privacy Rule: de-identification by the Safe Harbor method.";
    /// <summary>HHS Office for Civil Rights (2012), guidance on the Safe Harbor method (ZIP3 areas of 20,000 people or fewer).</summary>
    public const string HhsDeidentificationGuidance2012 = "U.S. Department of Health and Human Services, Office for Civil Rights (2012). Guidance Regarding Methods for De-identification of Protected Health Information in Accordance with the HIPAA Privacy Rule.";
    /// <summary>Student (1908), the t test.</summary>
    public const string Student1908 = "Student (1908). The probable error of a mean. Biometrika 6(1):1-25.";
    /// <summary>Welch (1947), unequal-variance t test.</summary>
    public const string Welch1947 = "Welch, B. L. (1947). The generalization of 'Student's' problem when several different population variances are involved. Biometrika 34:28-35.";
    /// <summary>Wilcoxon (1945), signed-rank and rank-sum tests.</summary>
    public const string Wilcoxon1945 = "Wilcoxon, F. (1945). Individual comparisons by ranking methods. Biometrics Bulletin 1(6):80-83.";
    /// <summary>Mann &amp; Whitney (1947), the U test.</summary>
    public const string MannWhitney1947 = "Mann, H. B. & Whitney, D. R. (1947). On a test of whether one of two random variables is stochastically larger than the other. Ann Math Stat 18:50-60.";
    /// <summary>Hyndman &amp; Fan (1996), sample quantile definitions.</summary>
    public const string HyndmanFan1996 = "Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages. Am Stat 50(4):361-365.";
    /// <summary>Chan, Golub &amp; LeVeque (1983), accurate variance algorithms.</summary>
    public const string ChanGolubLeVeque1983 = "Chan, T. F., Golub, G. H. & LeVeque, R. J. (1983). Algorithms for computing the sample variance: analysis and recommendations. Am Stat 37(3):242-247.";
    /// <summary>Fisher (1921), z transformation of r.</summary>
    public const string Fisher1921 = "Fisher, R. A. (1921). On the 'probable error' of a coefficient of correlation deduced from a small sample. Metron 1:3-32.";
    /// <summary>Spearman (1904), rank correlation.</summary>
    public const string Spearman1904 = "Spearman, C. (1904). The proof and measurement of association between two things. Am J Psychol 15:72-101.";
    /// <summary>Bonett &amp; Wright (2000), SE for Spearman/Kendall Fisher-z intervals.</summary>
    public const string BonettWright2000 = "Bonett, D. G. & Wright, T. A. (2000). Sample size requirements for estimating Pearson, Kendall and Spearman correlations. Psychometrika 65(1):23-28.";
    /// <summary>Wilson (1927), score interval.</summary>
    public const string Wilson1927 = "Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. J Am Stat Assoc 22:209-212.";
    /// <summary>Clopper &amp; Pearson (1934), exact binomial interval.</summary>
    public const string ClopperPearson1934 = "Clopper, C. J. & Pearson, E. S. (1934). The use of confidence or fiducial limits illustrated in the case of the binomial. Biometrika 26:404-413.";
    /// <summary>Agresti &amp; Coull (1998), approximate binomial intervals.</summary>
    public const string AgrestiCoull1998 = "Agresti, A. & Coull, B. A. (1998). Approximate is better than 'exact' for interval estimation of binomial proportions. Am Stat 52(2):119-126.";
    /// <summary>Newcombe (1998), intervals for a difference of proportions.</summary>
    public const string Newcombe1998 = "Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions: comparison of eleven methods. Stat Med 17:873-890.";
    /// <summary>Katz et al. (1978), log interval for the risk ratio.</summary>
    public const string Katz1978 = "Katz, D., Baptista, J., Azen, S. P. & Pike, M. C. (1978). Obtaining confidence intervals for the risk ratio in cohort studies. Biometrics 34:469-474.";
    /// <summary>Woolf (1955), logit interval for the odds ratio.</summary>
    public const string Woolf1955 = "Woolf, B. (1955). On estimating the relation between blood group and disease. Ann Hum Genet 19:251-253.";
    /// <summary>Fisher (1935), exact test for 2×2 tables.</summary>
    public const string Fisher1935 = "Fisher, R. A. (1935). The logic of inductive inference. J R Stat Soc 98:39-82.";
    /// <summary>Pearson (1900), chi-square test.</summary>
    public const string Pearson1900 = "Pearson, K. (1900). On the criterion that a given system of deviations from the probable ... Phil Mag 50:157-175.";
    /// <summary>Yates (1934), continuity correction.</summary>
    public const string Yates1934 = "Yates, F. (1934). Contingency tables involving small numbers and the chi-squared test. J R Stat Soc Suppl 1:217-235.";
    /// <summary>Altman (1998), intervals for the NNT.</summary>
    public const string Altman1998 = "Altman, D. G. (1998). Confidence intervals for the number needed to treat. BMJ 317:1309-1312.";
    /// <summary>Mantel &amp; Haenszel (1959).</summary>
    public const string MantelHaenszel1959 = "Mantel, N. & Haenszel, W. (1959). Statistical aspects of the analysis of data from retrospective studies of disease. J Natl Cancer Inst 22:719-748.";
    /// <summary>Robins, Breslow &amp; Greenland (1986), variance of the MH odds ratio.</summary>
    public const string RobinsBreslowGreenland1986 = "Robins, J., Breslow, N. & Greenland, S. (1986). Estimators of the Mantel-Haenszel variance consistent in both sparse data and large-strata limiting models. Biometrics 42:311-323.";
    /// <summary>Greenland &amp; Robins (1985), variance of the MH risk ratio.</summary>
    public const string GreenlandRobins1985 = "Greenland, S. & Robins, J. M. (1985). Estimation of a common effect parameter from sparse follow-up data. Biometrics 41:55-68.";
    /// <summary>Cochran (1954) and Mantel &amp; Haenszel (1959), the CMH test.</summary>
    public const string Cochran1954 = "Cochran, W. G. (1954). Some methods for strengthening the common chi-square tests. Biometrics 10:417-451; Mantel, N. & Haenszel, W. (1959). J Natl Cancer Inst 22:719-748.";
    /// <summary>Hedges (1981), the small-sample bias of d and its exact correction J.</summary>
    public const string Hedges1981 = "Hedges, L. V. (1981). Distribution theory for Glass's estimator of effect size and related estimators. J Educ Stat 6(2):107-128.";
    /// <summary>Glass, McGaw &amp; Smith (1981), Glass's Δ.</summary>
    public const string Glass1981 = "Glass, G. V., McGaw, B. & Smith, M. L. (1981). Meta-Analysis in Social Research. Sage.";
    /// <summary>Delacre et al. (2021), d with an unpooled (average-variance) standardizer.</summary>
    public const string Delacre2021 = "Delacre, M., Lakens, D., Ley, C., Liu, L. & Leys, C. (2021). Why Hedges' g*s based on the non-pooled standard deviation should be reported with Welch's t-test. PsyArXiv.";
    /// <summary>Bonett (2008), variances of standardized differences under heteroscedasticity.</summary>
    public const string Bonett2008 = "Bonett, D. G. (2008). Confidence intervals for standardized linear contrasts of means. Psychol Methods 13(2):99-109.";
    /// <summary>Steiger &amp; Fouladi (1997), noncentrality interval estimation.</summary>
    public const string SteigerFouladi1997 = "Steiger, J. H. & Fouladi, R. T. (1997). Noncentrality interval estimation and the evaluation of statistical models. In Harlow, Mulaik & Steiger (eds.), What If There Were No Significance Tests? Erlbaum.";
    /// <summary>Lenth (1989), AS 243: the noncentral t distribution function.</summary>
    public const string Lenth1989 = "Lenth, R. V. (1989). Algorithm AS 243: Cumulative distribution function of the non-central t distribution. J R Stat Soc C 38(1):185-189.";
    /// <summary>Lakens (2013), effect sizes for t-tests and ANOVAs (d_z, d_rm, d_av).</summary>
    public const string Lakens2013 = "Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative science: a practical primer for t-tests and ANOVAs. Front Psychol 4:863.";
    /// <summary>Cooper, Hedges &amp; Valentine (2009), d_rm and its variance (eq. 12.21).</summary>
    public const string Cooper2009 = "Cooper, H., Hedges, L. V. & Valentine, J. C. (eds.) (2009). The Handbook of Research Synthesis and Meta-Analysis (2nd ed.). Russell Sage.";
    /// <summary>Algina &amp; Keselman (2003), d_av for dependent means.</summary>
    public const string AlginaKeselman2003 = "Algina, J. & Keselman, H. J. (2003). Approximate confidence intervals for effect sizes. Educ Psychol Meas 63(4):537-553.";
    /// <summary>Becker (1988), standardized mean change with the pre-test SD.</summary>
    public const string Becker1988 = "Becker, B. J. (1988). Synthesizing standardized mean-change measures. Br J Math Stat Psychol 41:257-278.";
    /// <summary>Gibbons, Hedeker &amp; Davis (1993), standardized mean change with the change-score SD.</summary>
    public const string Gibbons1993 = "Gibbons, R. D., Hedeker, D. R. & Davis, J. M. (1993). Estimation of effect size from a series of experiments involving paired comparisons. J Educ Stat 18(3):271-279.";
    /// <summary>Morris (2008), pretest-posttest-control group effect sizes.</summary>
    public const string Morris2008 = "Morris, S. B. (2008). Estimating effect sizes from pretest-posttest-control group designs. Organ Res Methods 11(2):364-386.";
    /// <summary>Viechtbauer (2010), metafor (escalc measures SMD, SMCC, SMCR).</summary>
    public const string Viechtbauer2010 = "Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. J Stat Softw 36(3):1-48.";
    /// <summary>Kerby (2014), the rank-biserial correlation as a simple difference formula.</summary>
    public const string Kerby2014 = "Kerby, D. S. (2014). The simple difference formula: an approach to teaching nonparametric correlation. Compr Psychol 3:11.IT.3.1.";
    /// <summary>Cliff (1993), Cliff's δ.</summary>
    public const string Cliff1993 = "Cliff, N. (1993). Dominance statistics: ordinal analyses to answer ordinal questions. Psychol Bull 114(3):494-509.";
    /// <summary>McGraw &amp; Wong (1992), the common-language effect size.</summary>
    public const string McGrawWong1992 = "McGraw, K. O. & Wong, S. P. (1992). A common language effect size statistic. Psychol Bull 111(2):361-365.";
    /// <summary>Vargha &amp; Delaney (2000), the A measure of stochastic superiority.</summary>
    public const string VarghaDelaney2000 = "Vargha, A. & Delaney, H. D. (2000). A critique and improvement of the CL common language effect size statistics of McGraw and Wong. J Educ Behav Stat 25(2):101-132.";
    /// <summary>Borenstein et al. (2009), Introduction to Meta-Analysis (ch. 4 and 7: d, g, conversions).</summary>
    public const string Borenstein2009 = "Borenstein, M., Hedges, L. V., Higgins, J. P. T. & Rothstein, H. R. (2009). Introduction to Meta-Analysis. Wiley.";
    /// <summary>Hasselblad &amp; Hedges (1995), d from a log odds ratio.</summary>
    public const string HasselbladHedges1995 = "Hasselblad, V. & Hedges, L. V. (1995). Meta-analysis of screening and diagnostic tests. Psychol Bull 117(1):167-178.";
    /// <summary>Chinn (2000), converting an odds ratio to d.</summary>
    public const string Chinn2000 = "Chinn, S. (2000). A simple method for converting an odds ratio to effect size for use in meta-analysis. Stat Med 19:3127-3131.";
    /// <summary>Sawilowsky (2009), extended rules of thumb for d.</summary>
    public const string Sawilowsky2009 = "Sawilowsky, S. S. (2009). New effect size rules of thumb. J Mod Appl Stat Methods 8(2):597-599.";
    /// <summary>Gignac &amp; Szodorai (2016), rules of thumb for r.</summary>
    public const string GignacSzodorai2016 = "Gignac, G. E. & Szodorai, E. T. (2016). Effect size guidelines for individual differences researchers. Pers Individ Differ 102:74-78.";
    /// <summary>Funder &amp; Ozer (2019), rules of thumb for r.</summary>
    public const string FunderOzer2019 = "Funder, D. C. & Ozer, D. J. (2019). Evaluating effect size in psychological research: sense and nonsense. Adv Methods Pract Psychol Sci 2(2):156-168.";
    /// <summary>Lovakov &amp; Agadullina (2021), empirical rules of thumb for d and r.</summary>
    public const string Lovakov2021 = "Lovakov, A. & Agadullina, E. R. (2021). Empirically derived guidelines for effect size interpretation in social psychology. Eur J Soc Psychol 51(3):485-504.";
    /// <summary>Efron (1987), BCa bootstrap intervals.</summary>
    public const string Efron1987 = "Efron, B. (1987). Better bootstrap confidence intervals. J Am Stat Assoc 82(397):171-185.";
    /// <summary>Davison &amp; Hinkley (1997), bootstrap methods (basic and percentile intervals).</summary>
    public const string DavisonHinkley1997 = "Davison, A. C. & Hinkley, D. V. (1997). Bootstrap Methods and Their Application. Cambridge University Press.";
    /// <summary>Lenth (2023), emmeans eff_size: standardized contrasts from a model.</summary>
    public const string LenthEmmeans = "Lenth, R. V. emmeans: Estimated Marginal Means, aka Least-Squares Means. R package (eff_size).";
    /// <summary>Mallinckrodt et al. (2008), MMRM as the primary analysis of longitudinal trials.</summary>
    public const string Mallinckrodt2008 = "Mallinckrodt, C. H. et al. (2008). Recommendations for the primary analysis of continuous endpoints in longitudinal clinical trials. Drug Inf J 42:303-319.";
    /// <summary>Satterthwaite (1946), approximate degrees of freedom.</summary>
    public const string Satterthwaite1946 = "Satterthwaite, F. E. (1946). An approximate distribution of estimates of variance components. Biometrics Bulletin 2(6):110-114.";
    /// <summary>Kenward &amp; Roger (1997), small-sample inference for fixed effects from REML.</summary>
    public const string KenwardRoger1997 = "Kenward, M. G. & Roger, J. H. (1997). Small sample inference for fixed effects from restricted maximum likelihood. Biometrics 53:983-997.";
    /// <summary>SAS PROC MIXED documentation (LSMEANS, REPEATED, DDFM).</summary>
    public const string SasProcMixed = "SAS Institute (2018). SAS/STAT 15.1 User's Guide: The MIXED Procedure.";
}
