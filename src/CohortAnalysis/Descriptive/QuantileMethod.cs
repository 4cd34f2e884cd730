namespace CohortAnalysis.Descriptive;

/// <summary>How a sample quantile (median, Q1, Q3, any percentile) is defined.</summary>
/// <remarks>
/// <para>The nine definitions of Hyndman &amp; Fan (1996), named as R's <c>quantile(type = k)</c>. SAS, R and
/// numpy disagree by default: SAS PROC UNIVARIATE/MEANS use PCTLDEF=5 (QNTLDEF=5), which is R type 2;
/// R, numpy and pandas default to type 7. Example (PSIAIMS/CAMIS): x = 10, 20, 30, 40, 150, …, 200 gives
/// P25 = 30 under SAS/R2 and 32.5 under R7.</para>
/// <para>The other SAS definitions are also R types: PCTLDEF=1 = <see cref="R4"/>, 2 = <see cref="R3"/>,
/// 3 = <see cref="R1"/>, 4 = <see cref="R6"/>, 5 = <see cref="R2"/>.</para>
/// <para>Reference: Hyndman, R. J. &amp; Fan, Y. (1996). Sample quantiles in statistical packages. Am Stat 50:361-365.</para>
/// </remarks>
public enum QuantileMethod
{
    /// <summary>SAS default PCTLDEF=5 / QNTLDEF=5: empirical distribution function with averaging at
    /// discontinuities. Identical to <see cref="R2"/>. The CohortAnalysis default, for SAS-comparable CHG tables.</summary>
    SasDefinition5 = 0,
    /// <summary>R type 1: inverse of the empirical distribution function (SAS PCTLDEF=3).</summary>
    R1 = 1,
    /// <summary>R type 2: as type 1 but averaging at discontinuities (SAS PCTLDEF=5, the SAS default).</summary>
    R2 = 2,
    /// <summary>R type 3: nearest even order statistic (SAS PCTLDEF=2).</summary>
    R3 = 3,
    /// <summary>R type 4: linear interpolation of the empirical CDF, p(k) = k/n (SAS PCTLDEF=1).</summary>
    R4 = 4,
    /// <summary>R type 5: piecewise linear, p(k) = (k − 0.5)/n.</summary>
    R5 = 5,
    /// <summary>R type 6: p(k) = k/(n + 1) (SAS PCTLDEF=4; Minitab, SPSS).</summary>
    R6 = 6,
    /// <summary>R type 7: p(k) = (k − 1)/(n − 1); the default of R, numpy and pandas.</summary>
    R7 = 7,
    /// <summary>R type 8: approximately median-unbiased, p(k) = (k − 1/3)/(n + 1/3); recommended by Hyndman &amp; Fan.</summary>
    R8 = 8,
    /// <summary>R type 9: approximately unbiased for normal data, p(k) = (k − 3/8)/(n + 1/4).</summary>
    R9 = 9,
}
