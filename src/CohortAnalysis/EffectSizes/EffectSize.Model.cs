using MathNet.Numerics.Distributions;

namespace CohortAnalysis.EffectSizes;

public static partial class EffectSize
{
    /// <summary>A standardized model contrast (e.g. an ANCOVA or MMRM LS-mean difference) divided by an SD: d = estimate/SD.</summary>
    /// <remarks>
    /// <para>The hook for model results: pass the contrast, its SE and df from the fit and the SD to standardize by (e.g. the
    /// pooled baseline SD, or the model's residual σ).</para>
    /// <para>CI (<paramref name="ciMethod"/>): <see cref="CiMethod.NoncentralT"/> (default) inverts the noncentral t of
    /// t = estimate/SE with the given df and scales the ncp limits by SE/SD; <see cref="CiMethod.T"/> is the scaled central-t
    /// interval (estimate ± t(df)·SE)/SD. Both treat SD as known. emmeans <c>eff_size(sigma, edf)</c> differs: it propagates the
    /// uncertainty of σ by the delta method (wider when edf is small); for paired designs emmeans documents that σ·√2 is needed to
    /// compare with other software.</para>
    /// </remarks>
    /// <param name="estimate">The contrast (e.g. LS-mean difference, treatment − reference).</param>
    /// <param name="standardError">Its standard error.</param>
    /// <param name="degreesOfFreedom">Its df (e.g. Satterthwaite or Kenward–Roger), &gt; 0.</param>
    /// <param name="standardDeviation">The SD to standardize by, &gt; 0.</param>
    /// <param name="n">Group sizes to report (optional).</param>
    /// <param name="ciMethod">NoncentralT (default) or T.</param>
    /// <param name="options">CiLevel and Alternative; defaults when null.</param>
    /// <exception cref="ArgumentException">SE, df or SD is not positive and finite, or the estimate is not finite.</exception>
    public static EffectSizeEstimate StandardizedLsMeanDifference(double estimate, double standardError, double degreesOfFreedom,
        double standardDeviation, GroupSizes n = default, CiMethod ciMethod = CiMethod.NoncentralT, EffectSizeOptions? options = null)
    {
        options ??= EffectSizeOptions.Default;
        Guard.CiLevel(options.CiLevel, "CiLevel");
        Guard.Finite(estimate);
        Guard.Positive(standardError);
        Guard.Positive(degreesOfFreedom);
        Guard.Positive(standardDeviation);
        Intervals.RequireSupported(ciMethod, nameof(ciMethod), CiMethod.NoncentralT, CiMethod.T);
        double d = estimate / standardDeviation;
        (double lo, double hi) ci;
        if (ciMethod == CiMethod.NoncentralT)
            ci = Intervals.NoncentralT(estimate / standardError, degreesOfFreedom, standardError / standardDeviation, options.CiLevel, options.Alternative);
        else
        {
            double level = Intervals.TwoSidedLevel(options.CiLevel, options.Alternative);
            double t = StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (1 - level) / 2);
            ci = Intervals.Sided((estimate - t * standardError) / standardDeviation, (estimate + t * standardError) / standardDeviation, options.Alternative);
        }
        double se = standardError / standardDeviation;
        return new EffectSizeEstimate(EffectSizeIndex.StandardizedLsMeanDifference, d, new ConfidenceInterval(ci.lo, ci.hi, options.CiLevel, ciMethod),
            n, "model contrast / SD (SD treated as known); " + Intervals.Describe(ciMethod, degreesOfFreedom), Citations.LenthEmmeans)
        { Variance = se * se };
    }
}
