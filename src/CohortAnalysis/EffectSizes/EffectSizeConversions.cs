namespace CohortAnalysis.EffectSizes;

/// <summary>Conversions between d, r and the log odds ratio, with the matching variances (delta method).</summary>
/// <remarks>
/// <para>d ↔ r as R effectsize <c>d_to_r</c> / <c>r_to_d</c>: r = d/√(d² + h), d = r√h/√(1 − r²), with h = m/n₁ + m/n₂,
/// m = n₁ + n₂ − 2 when the group sizes are given, else h = 4 (Borenstein et al. 2009 eq. 7.5 uses
/// a = (n₁ + n₂)²/(n₁n₂), which differs by the df factor). Var(r) = h² Var(d)/(d² + h)³.</para>
/// <para>d ↔ log OR by the logistic-distribution argument (Hasselblad &amp; Hedges 1995; Chinn 2000; Borenstein eq. 7.1–7.4):
/// d = ln(OR)·√3/π, Var(d) = Var(ln OR)·3/π², and back.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class EffectSizeConversions
{
    /// <summary>r from d: d/√(d² + h), h = (n₁+n₂−2)/n₁ + (n₁+n₂−2)/n₂ when sizes are given, else 4 (effectsize <c>d_to_r</c>).</summary>
    /// <param name="d">Cohen's d.</param>
    /// <param name="n1">Size of group 1 (optional, with <paramref name="n2"/>).</param>
    /// <param name="n2">Size of group 2 (optional, with <paramref name="n1"/>).</param>
    public static double DToR(double d, int? n1 = null, int? n2 = null) => d / Math.Sqrt(d * d + H(n1, n2));

    /// <summary>d from r: r√h/√(1 − r²) (effectsize <c>r_to_d</c>; 2r/√(1 − r²) without sizes).</summary>
    /// <param name="r">A correlation in (−1, 1).</param>
    /// <param name="n1">Size of group 1 (optional).</param>
    /// <param name="n2">Size of group 2 (optional).</param>
    public static double RToD(double r, int? n1 = null, int? n2 = null) => r * Math.Sqrt(H(n1, n2)) / Math.Sqrt(1 - r * r);

    /// <summary>Var(r) from Var(d): h² Var(d)/(d² + h)³ (delta method; Borenstein et al. 2009 eq. 7.6 with their a).</summary>
    /// <param name="d">Cohen's d.</param>
    /// <param name="varianceD">Its sampling variance.</param>
    /// <param name="n1">Size of group 1 (optional).</param>
    /// <param name="n2">Size of group 2 (optional).</param>
    public static double VarianceDToR(double d, double varianceD, int? n1 = null, int? n2 = null)
    {
        double h = H(n1, n2), s = d * d + h;
        return h * h * varianceD / (s * s * s);
    }

    /// <summary>Var(d) from Var(r): h Var(r)/(1 − r²)³ (delta method of <see cref="RToD"/>; 4 Var(r)/(1 − r²)³ without sizes, Borenstein eq. 7.8).</summary>
    /// <param name="r">The correlation.</param>
    /// <param name="varianceR">Its sampling variance.</param>
    /// <param name="n1">Size of group 1 (optional).</param>
    /// <param name="n2">Size of group 2 (optional).</param>
    public static double VarianceRToD(double r, double varianceR, int? n1 = null, int? n2 = null)
    {
        double q = 1 - r * r;
        return H(n1, n2) * varianceR / (q * q * q);
    }

    /// <summary>ln(OR) from d: d·π/√3 (Hasselblad &amp; Hedges 1995; effectsize <c>d_to_oddsratio(log = TRUE)</c>).</summary>
    /// <param name="d">Cohen's d.</param>
    public static double DToLogOddsRatio(double d) => d * Math.PI / Math.Sqrt(3);

    /// <summary>d from ln(OR): ln(OR)·√3/π (Chinn 2000; effectsize <c>oddsratio_to_d(log = TRUE)</c>).</summary>
    /// <param name="logOddsRatio">The natural log of the odds ratio.</param>
    public static double LogOddsRatioToD(double logOddsRatio) => logOddsRatio * Math.Sqrt(3) / Math.PI;

    /// <summary>Var(ln OR) from Var(d): Var(d)·π²/3 (Borenstein eq. 7.2).</summary>
    /// <param name="varianceD">Sampling variance of d.</param>
    public static double VarianceDToLogOddsRatio(double varianceD) => varianceD * Math.PI * Math.PI / 3;

    /// <summary>Var(d) from Var(ln OR): Var(ln OR)·3/π² (Borenstein eq. 7.4).</summary>
    /// <param name="varianceLogOddsRatio">Sampling variance of ln(OR).</param>
    public static double VarianceLogOddsRatioToD(double varianceLogOddsRatio) => varianceLogOddsRatio * 3 / (Math.PI * Math.PI);

    /// <summary>Converts a d-type estimate (value, CI limits and variance) to r; the CI limits map monotonically.</summary>
    /// <param name="d">A standardized mean difference; its group sizes enter h when it has two groups.</param>
    public static EffectSizeEstimate ToCorrelation(EffectSizeEstimate d)
    {
        Guard.NotNull(d);
        int? n1 = d.Sizes.Groups.IsSingleGroup ? null : d.Sizes.Groups.First, n2 = d.Sizes.Groups.IsSingleGroup ? null : d.Sizes.Groups.Second;
        double Map(double v) => double.IsInfinity(v) ? Math.Sign(v) : DToR(v, n1, n2);
        return new EffectSizeEstimate(EffectSizeIndex.Correlation, Map(d.Estimate), d.Ci with { Lower = Map(d.Ci.Lower), Upper = Map(d.Ci.Upper) },
            d.Sizes, $"r converted from {d.Name} (effectsize d_to_r); limits transformed", d.Reference + " " + Citations.Borenstein2009)
        { Variance = VarianceDToR(d.Estimate, d.Variance, n1, n2) };
    }

    /// <summary>Converts a d-type estimate (value, CI limits and variance) to ln(OR) = d·π/√3.</summary>
    /// <param name="d">A standardized mean difference.</param>
    public static EffectSizeEstimate ToLogOddsRatio(EffectSizeEstimate d)
    {
        Guard.NotNull(d);
        return new EffectSizeEstimate(EffectSizeIndex.LogOddsRatio, DToLogOddsRatio(d.Estimate),
            d.Ci with { Lower = DToLogOddsRatio(d.Ci.Lower), Upper = DToLogOddsRatio(d.Ci.Upper) },
            d.Sizes, $"log OR converted from {d.Name} as d * pi/sqrt(3); limits transformed", Citations.HasselbladHedges1995 + " " + Citations.Chinn2000)
        { Variance = VarianceDToLogOddsRatio(d.Variance) };
    }

    private static double H(int? n1, int? n2)
    {
        if (n1 is null && n2 is null) return 4;
        int a = n1 ?? n2!.Value, b = n2 ?? n1!.Value;
        double m = a + b - 2;
        return m / a + m / b;
    }
}
