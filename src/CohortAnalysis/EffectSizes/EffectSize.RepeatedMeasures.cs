using CohortAnalysis.Resampling;
using System.Globalization;

namespace CohortAnalysis.EffectSizes;

public static partial class EffectSize
{
    /// <summary>A repeated-measures (paired, within-subject) d with a named standardizer: d_rm (default), d_z, d_av or Becker's d_b.</summary>
    /// <remarks>
    /// <para>With m = mean(x − y) − μ, r = cor(x, y) and f = 2(1 − r), as R effectsize ≥ 0.8.7 <c>rm_d</c>:
    /// d_z = m/SD_diff, SE² = 1/n + d²/(2n) (Hedges &amp; Olkin 1985 p. 86);
    /// d_rm = m/(SD_diff/√f), SE² = (1/n + d²/(2n))·f (Cooper et al. 2009 eq. 12.21);
    /// d_av = m/√((s_x² + s_y²)/2), SE = (SD_diff/√n)/s (Algina &amp; Keselman 2003) — the root mean square of the SDs, not the
    /// arithmetic mean (s_x + s_y)/2 that Lakens 2013 and Cumming 2012 call d_av (1.125880 vs 1.128697 on Lakens's data);
    /// d_b = m/s_y, SE² = f/n + d²/(2n) (Becker 1988).</para>
    /// <para>CI (default): d ± z·SE, then J(n − 1) applied to the estimate and both limits when
    /// <see cref="RepeatedMeasuresOptions.Adjust"/> (effectsize's default). <see cref="CiMethod.NoncentralT"/> is exact for
    /// d_z and, for the other standardizers, scales the d_z interval by the (fixed) ratio of standardizers.
    /// The result's <see cref="EffectSizeEstimate.Index"/> names the standardizer (<see cref="EffectSizeIndex.Drm"/>, …).</para>
    /// </remarks>
    /// <param name="x">Second condition / post-test (the change is x − y).</param>
    /// <param name="y">First condition / pre-test (the reference; Becker's standardizer).</param>
    /// <param name="options">Options; R effectsize <c>rm_d</c> defaults when null.</param>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 2 pairs, a value is not finite, or the standardizer is zero.</exception>
    /// <param name="progress">Progress of a bootstrap CI (ignored for the other CI methods).</param>
    /// <param name="cancellationToken">Stops a bootstrap CI between chunks of replicates.</param>
    public static EffectSizeEstimate RepeatedMeasuresD(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RepeatedMeasuresOptions? options = null,
        IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= RepeatedMeasuresOptions.Default;
        SampleChecks.RequirePairs(x, y);
        bool boot = Intervals.IsBootstrap(options.CiMethod);
        return RepeatedMeasures(PairedSummary.Of(x, y), options, boot ? x.ToArray() : null, boot ? y.ToArray() : null, progress, cancellationToken);
    }

    /// <summary>A repeated-measures d; see the span overload.</summary>
    /// <param name="x">Second condition / post-test.</param>
    /// <param name="y">First condition / pre-test.</param>
    /// <param name="options">Options; R effectsize <c>rm_d</c> defaults when null.</param>
    public static EffectSizeEstimate RepeatedMeasuresD(IEnumerable<double> x, IEnumerable<double> y, RepeatedMeasuresOptions? options = null) =>
        RepeatedMeasuresD(ToArray(x, nameof(x)), ToArray(y, nameof(y)), options);

    /// <summary>A repeated-measures d for arrays; see the span overload.</summary>
    /// <param name="x">Second condition / post-test.</param>
    /// <param name="y">First condition / pre-test.</param>
    /// <param name="options">Options; R effectsize <c>rm_d</c> defaults when null.</param>
    public static EffectSizeEstimate RepeatedMeasuresD(double[] x, double[] y, RepeatedMeasuresOptions? options = null) =>
        RepeatedMeasuresD(AsSpan(x, nameof(x)), AsSpan(y, nameof(y)), options);

    /// <summary>A repeated-measures d from summary statistics of the pairs (means, SDs, correlation, n).</summary>
    /// <param name="pairs">The paired summary (x = post-test, y = pre-test).</param>
    /// <param name="options">Options; R effectsize <c>rm_d</c> defaults when null. Bootstrap needs raw data.</param>
    public static EffectSizeEstimate RepeatedMeasuresD(PairedSummary pairs, RepeatedMeasuresOptions? options = null) =>
        RepeatedMeasures(pairs, options ?? RepeatedMeasuresOptions.Default, null, null);

    private static EffectSizeEstimate RepeatedMeasures(PairedSummary p, RepeatedMeasuresOptions o, double[]? rawX, double[]? rawY,
        IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(o);
        Guard.CiLevel(o.CiLevel, "CiLevel");
        Guard.Finite(o.Mu, "Mu");
        Intervals.RequireSupported(o.CiMethod, "CiMethod", CiMethod.Normal, CiMethod.NoncentralT,
            CiMethod.BootstrapPercentile, CiMethod.BootstrapBasic, CiMethod.BootstrapBca);
        SampleSummary diff = DifferenceSummary(p);
        int n = p.N;
        double df = n - 1;
        double m = diff.Mean - o.Mu;
        double f = 2 * (1 - p.Correlation);
        (double s, EffectSizeIndex plain, EffectSizeIndex adjusted, string text, string reference) = o.Method switch
        {
            RepeatedMeasuresMethod.Z => (diff.Sd, EffectSizeIndex.Dz, EffectSizeIndex.Gz, "d_z: SD of the differences", Citations.HedgesOlkin1985),
            RepeatedMeasuresMethod.Rm => (diff.Sd / Math.Sqrt(f), EffectSizeIndex.Drm, EffectSizeIndex.Grm, "d_rm: SD_diff / sqrt(2(1 - r))", Citations.Cooper2009),
            RepeatedMeasuresMethod.Av => (Math.Sqrt((p.SdX * p.SdX + p.SdY * p.SdY) / 2), EffectSizeIndex.Dav, EffectSizeIndex.Gav,
                "d_av: root mean square of the two SDs sqrt((sx^2 + sy^2)/2)", Citations.AlginaKeselman2003),
            RepeatedMeasuresMethod.B => (p.SdY, EffectSizeIndex.Db, EffectSizeIndex.Gb, "Becker's d_b: SD of the pre-test (y)", Citations.Becker1988),
            _ => throw new ArgumentOutOfRangeException(nameof(o), o.Method, "Unknown RepeatedMeasuresMethod."),
        };
        if (!(s > 0) || !double.IsFinite(s))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The standardizer ({text}) is {s}; the effect size is undefined."));
        double d = m / s;
        double se = o.Method switch
        {
            RepeatedMeasuresMethod.Z => Math.Sqrt(1.0 / n + d * d / (2.0 * n)),
            RepeatedMeasuresMethod.Rm => Math.Sqrt((1.0 / n + d * d / (2.0 * n)) * f),
            RepeatedMeasuresMethod.Av => diff.Sd / Math.Sqrt(n) / s,
            _ => Math.Sqrt(f / n + d * d / (2.0 * n)),
        };
        double j = o.Adjust ? SmallSampleCorrection.Factor(df, o.Correction) : 1;
        (double lo, double hi) ci;
        string ciText;
        switch (o.CiMethod)
        {
            case CiMethod.Normal:
                (double l, double h) = Intervals.Normal(d, se, o.CiLevel, o.Alternative);
                ci = (l * j, h * j);
                ciText = "normal CI (effectsize rm_d SE), J applied to the limits";
                break;
            case CiMethod.NoncentralT:
                double t = m / (diff.Sd / Math.Sqrt(n));
                ci = Intervals.NoncentralT(t, df, diff.Sd / s / Math.Sqrt(n) * j, o.CiLevel, o.Alternative);
                ciText = Intervals.Describe(o.CiMethod, df) + (o.Method == RepeatedMeasuresMethod.Z ? "" : ", standardizer ratio treated as fixed");
                break;
            default:
                if (rawX is null || rawY is null)
                    throw new ArgumentException("Bootstrap intervals need the raw data, not summary statistics.", "CiMethod");
                var method = o.Method;
                double mu = o.Mu;
                var boot = Resampling.Bootstrap.Run(Resampling.Bootstrap.Design.Paired, rawX, rawY,
                    (a, b) => FiniteOrNaN(RepeatedMeasuresValue(PairedSummary.Of(a, b), method, mu) * j), BootstrapSettings(o.Bootstrap, o.CiMethod, o.CiLevel, o.Alternative), progress, cancellationToken,
                    () => Resampling.Jackknife.OneGroup(rawX, rawY, (g, _) => FiniteOrNaN(RepeatedMeasuresValue(PairedSummary.Of(g), method, mu) * j)));
                ci = (boot.Ci.Lower, boot.Ci.Upper);
                ciText = BootstrapText(o.CiMethod, boot);
                break;
        }
        string correction = o.Adjust ? "; " + SmallSampleCorrection.Describe(o.Correction, df) : "";
        return new EffectSizeEstimate(o.Adjust ? adjusted : plain, d * j, new ConfidenceInterval(ci.lo, ci.hi, o.CiLevel, o.CiMethod),
            GroupSizes.Single(n), $"{text}{correction}; {ciText}", reference)
        // g_z's sampling variance is the one HedgesG(paired) reports (metafor escalc "SMCC": 1/n + g²/(2n)), so one
        // estimate never carries two variances; the other standardizers keep rm_d's SE, scaled by J.
        { Variance = o.Method == RepeatedMeasuresMethod.Z ? SmccVariance(n, d * j) : se * se * j * j };
    }

    private static double RepeatedMeasuresValue(PairedSummary p, RepeatedMeasuresMethod method, double mu)
    {
        double m = p.MeanX - p.MeanY - mu;
        return method switch
        {
            RepeatedMeasuresMethod.Z => m / p.SdDifference,
            RepeatedMeasuresMethod.Rm => m / (p.SdDifference / Math.Sqrt(2 * (1 - p.Correlation))),
            RepeatedMeasuresMethod.Av => m / Math.Sqrt((p.SdX * p.SdX + p.SdY * p.SdY) / 2),
            _ => m / p.SdY,
        };
    }

    /// <summary>Large-sample variance of a standardized mean change with the change-score standardizer (d_z, g_z):
    /// 1/n + y²/(2n), as metafor <c>escalc(measure = "SMCC")</c> (Becker 1988; Morris &amp; DeShon 2002, Table 2).</summary>
    internal static double SmccVariance(int n, double estimate) => 1.0 / n + estimate * estimate / (2.0 * n);
}
