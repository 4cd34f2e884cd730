using System.Globalization;

namespace CohortAnalysis.EffectSizes;

public static partial class EffectSize
{
    /// <summary>Standardized mean change of one arm (pre–post), as metafor <c>escalc("SMCC")</c> or <c>escalc("SMCR")</c>.</summary>
    /// <remarks>
    /// <para>With m = mean(post) − mean(pre), c(n − 1) the exact bias factor (metafor's <c>.cmicalc</c>):
    /// SMCC g = c(n − 1)·m/SD_diff, v = 1/n + g²/(2n) (Gibbons et al. 1993 eq. 21);
    /// SMCR g = c(n − 1)·m/SD_pre, v = 2(1 − r)/n + g²/(2n) (Becker 1988 eq. 13) — metafor's default <c>vtype = "LS"</c>.</para>
    /// <para>CI: normal, g ± z·√v (metafor <c>summary(escalc)</c>). SMCC is d_z with J; SMCR is Becker's d_b with J.</para>
    /// </remarks>
    /// <param name="arm">x = post-test, y = pre-test summaries of one arm, with their correlation.</param>
    /// <param name="standardizer">Change-score (SMCC) or raw-score (SMCR) standardization.</param>
    /// <param name="options">CI level, sidedness and the correction; defaults when null.</param>
    /// <exception cref="ArgumentException">n &lt; 2, r outside [−1, 1], or a zero standardizer.</exception>
    public static EffectSizeEstimate StandardizedMeanChange(PairedSummary arm, ChangeStandardizer standardizer = ChangeStandardizer.ChangeScore,
        EffectSizeOptions? options = null)
    {
        options ??= EffectSizeOptions.Default;
        Guard.CiLevel(options.CiLevel, "CiLevel");
        SampleSummary diff = DifferenceSummary(arm);
        int n = arm.N;
        double c = SmallSampleCorrection.Factor(n - 1, options.Correction);
        bool changeScore = standardizer == ChangeStandardizer.ChangeScore;
        double s = changeScore ? diff.Sd : arm.SdY;
        if (!(s > 0)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The standardizer is {s}; the standardized mean change is undefined."), nameof(arm));
        double g = c * diff.Mean / s;
        double v = changeScore ? 1.0 / n + g * g / (2.0 * n) : 2 * (1 - arm.Correlation) / n + g * g / (2.0 * n);
        (double lo, double hi) = Intervals.Normal(g, Math.Sqrt(v), options.CiLevel, options.Alternative);
        return new EffectSizeEstimate(changeScore ? EffectSizeIndex.Smcc : EffectSizeIndex.Smcr, g,
            new ConfidenceInterval(lo, hi, options.CiLevel, CiMethod.Normal), GroupSizes.Single(n),
            (changeScore ? "SMCC: change-score standardized (SD of differences)" : "SMCR: raw-score standardized (pre-test SD)")
            + "; " + SmallSampleCorrection.Describe(options.Correction, n - 1) + "; normal CI with metafor LS variance",
            (changeScore ? Citations.Gibbons1993 : Citations.Becker1988) + " " + Citations.Viechtbauer2010)
        { Variance = v };
    }

    /// <summary>Standardized mean change of one arm from raw pre/post values; see the summary overload.</summary>
    /// <param name="post">Post-test values.</param>
    /// <param name="pre">Pre-test values of the same subjects, in the same order.</param>
    /// <param name="standardizer">SMCC or SMCR.</param>
    /// <param name="options">CI level, sidedness and the correction; defaults when null.</param>
    public static EffectSizeEstimate StandardizedMeanChange(ReadOnlySpan<double> post, ReadOnlySpan<double> pre,
        ChangeStandardizer standardizer = ChangeStandardizer.ChangeScore, EffectSizeOptions? options = null) =>
        StandardizedMeanChange(PairedSummary.Of(post, pre), standardizer, options);

    /// <summary>Morris (2008) d_ppc2 for a pretest–posttest–control design: the difference in mean change over the pooled pre-test SD.</summary>
    /// <remarks>
    /// <para>d_ppc2 = c(n_T + n_C − 2)·[(M_post,T − M_pre,T) − (M_post,C − M_pre,C)] / SD_pre,pooled, with
    /// SD_pre,pooled = √(((n_T − 1)SD_pre,T² + (n_C − 1)SD_pre,C²)/(n_T + n_C − 2)) and the exact c (Morris 2008 eq. 8–9;
    /// coded as in metafor's test of Morris's Table 5).</para>
    /// <para>Variance v = 2(1 − r)(1/n_T + 1/n_C) + d²/(2(n_T + n_C)) (Morris 2008 eq. 25, as in metafor's test); CI: normal,
    /// d ± z·√v. Morris assumes one pre–post correlation ρ for both arms: r is the (n − 1)-weighted mean of the two arms'
    /// correlations (identical arms' r is used as is).</para>
    /// <para>No general effect-size package offers this in one call (easystats/effectsize#372).</para>
    /// </remarks>
    /// <param name="treatment">Treatment arm: x = post-test, y = pre-test.</param>
    /// <param name="control">Control arm: x = post-test, y = pre-test.</param>
    /// <param name="options">CI level, sidedness and the correction; defaults when null.</param>
    /// <exception cref="ArgumentException">An arm has n &lt; 2, r outside [−1, 1], or both pre-test SDs are zero.</exception>
    public static EffectSizeEstimate PrePostControlD(PairedSummary treatment, PairedSummary control, EffectSizeOptions? options = null)
    {
        options ??= EffectSizeOptions.Default;
        RequireNoShiftOrPairing(options, "d_ppc2");
        Guard.CiLevel(options.CiLevel, "CiLevel");
        SampleSummary dt = DifferenceSummary(treatment), dc = DifferenceSummary(control);
        int nt = treatment.N, nc = control.N, df = nt + nc - 2;
        double sdPre = Math.Sqrt(((nt - 1) * treatment.SdY * treatment.SdY + (nc - 1) * control.SdY * control.SdY) / df);
        if (!(sdPre > 0)) throw new ArgumentException("Both arms have zero pre-test SD; d_ppc2 is undefined.", nameof(treatment));
        double r = treatment.Correlation == control.Correlation
            ? treatment.Correlation
            : ((nt - 1) * treatment.Correlation + (nc - 1) * control.Correlation) / df;
        double c = SmallSampleCorrection.Factor(df, options.Correction);
        double d = c * (dt.Mean - dc.Mean) / sdPre;
        double v = 2 * (1 - r) * (1.0 / nt + 1.0 / nc) + d * d / (2.0 * (nt + nc));
        (double lo, double hi) = Intervals.Normal(d, Math.Sqrt(v), options.CiLevel, options.Alternative);
        return new EffectSizeEstimate(EffectSizeIndex.Dppc2, d, new ConfidenceInterval(lo, hi, options.CiLevel, CiMethod.Normal),
            new GroupSizes(nt, nc),
            string.Create(CultureInfo.InvariantCulture,
                $"d_ppc2: difference in mean change over pooled pre-test SD; {SmallSampleCorrection.Describe(options.Correction, df)}; r = {r:0.####}; normal CI with Morris (2008) variance"),
            Citations.Morris2008)
        { Variance = v };
    }

    /// <summary>Morris (2008) d_ppc2 from raw pre/post values per arm; see the summary overload.</summary>
    /// <param name="treatmentPost">Treatment arm, post-test.</param>
    /// <param name="treatmentPre">Treatment arm, pre-test (same subjects, same order).</param>
    /// <param name="controlPost">Control arm, post-test.</param>
    /// <param name="controlPre">Control arm, pre-test (same subjects, same order).</param>
    /// <param name="options">CI level, sidedness and the correction; defaults when null.</param>
    public static EffectSizeEstimate PrePostControlD(ReadOnlySpan<double> treatmentPost, ReadOnlySpan<double> treatmentPre,
        ReadOnlySpan<double> controlPost, ReadOnlySpan<double> controlPre, EffectSizeOptions? options = null) =>
        PrePostControlD(PairedSummary.Of(treatmentPost, treatmentPre), PairedSummary.Of(controlPost, controlPre), options);

    /// <summary>Morris (2008) d_ppc1 for a pretest–posttest–control design: the treatment arm's standardized mean change
    /// minus the control arm's, each standardized by its own pre-test SD.</summary>
    /// <remarks>
    /// <para>d_ppc1 = SMCR_T − SMCR_C, with SMCR = c(n − 1)·(M_post − M_pre)/SD_pre for each arm (Morris 2008 eq. 15;
    /// Becker 1988), and variance v = v_T + v_C with v = 2(1 − r)/n + g²/(2n) per arm (metafor <c>escalc("SMCR")</c>,
    /// as metafor's test of Morris's Table 5 codes it). CI: normal, d ± z·√v. Morris recommends d_ppc2
    /// (<see cref="PrePostControlD(PairedSummary, PairedSummary, EffectSizeOptions?)"/>) for its smaller bias and variance
    /// when the pre-test SDs are homogeneous.</para>
    /// </remarks>
    /// <param name="treatment">Treatment arm: x = post-test, y = pre-test.</param>
    /// <param name="control">Control arm: x = post-test, y = pre-test.</param>
    /// <param name="options">CI level, sidedness and the correction; defaults when null.</param>
    /// <exception cref="ArgumentException">An arm has n &lt; 2, r outside [−1, 1], or a zero pre-test SD.</exception>
    public static EffectSizeEstimate PrePostControlD1(PairedSummary treatment, PairedSummary control, EffectSizeOptions? options = null)
    {
        options ??= EffectSizeOptions.Default;
        RequireNoShiftOrPairing(options, "d_ppc1");
        // Each arm's SMCR is computed at the default two-sided level; only its value and variance are used here.
        EffectSizeEstimate t = StandardizedMeanChange(treatment, ChangeStandardizer.RawScore, options with { Alternative = Alternative.TwoSided });
        EffectSizeEstimate c = StandardizedMeanChange(control, ChangeStandardizer.RawScore, options with { Alternative = Alternative.TwoSided });
        double d = t.Estimate - c.Estimate, v = t.Variance + c.Variance;
        (double lo, double hi) = Intervals.Normal(d, Math.Sqrt(v), options.CiLevel, options.Alternative);
        return new EffectSizeEstimate(EffectSizeIndex.Dppc1, d, new ConfidenceInterval(lo, hi, options.CiLevel, CiMethod.Normal),
            new GroupSizes(treatment.N, control.N),
            $"d_ppc1: difference of the arms' pre-test-standardized mean changes; {SmallSampleCorrection.Describe(options.Correction, treatment.N - 1)} per arm; normal CI with summed variances",
            Citations.Morris2008)
        { Variance = v };
    }

    // Mu and Paired belong to the rank-based estimators; a pre-post-control d has neither, so setting them is an error.
    private static void RequireNoShiftOrPairing(EffectSizeOptions options, string name)
    {
        if (options.Mu != 0)
            throw new ArgumentException($"Mu does not apply to {name} (it has no location shift); leave it 0.", nameof(options));
        if (options.Paired)
            throw new ArgumentException($"Paired does not apply to {name}: each arm is paired by design and the arms are independent; leave it false.", nameof(options));
    }
}
