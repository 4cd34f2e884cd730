namespace CohortAnalysis;

/// <summary>The references cited by estimators and instruments, in one place; results carry them at run time.</summary>
public static class Citations
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
}
