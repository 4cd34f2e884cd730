using System.Globalization;
using CohortAnalysis.Resampling;

namespace CohortAnalysis.EffectSizes;

// The engine behind CohensD, HedgesG and GlassDelta: one place for standardizer, df, hn and the CI,
// following R effectsize 0.8.3 .effect_size_difference (R/cohens_d.R; Ben-Shachar, Lüdecke & Makowski 2020,
// J Open Source Softw 5(56):2815), with the formulas of Hedges & Olkin (1985) ch. 5 and Cohen (1988) ch. 2.
public static partial class EffectSize
{
    internal enum Standardized { D, G, Glass }

    private readonly record struct Standardizer(double Diff, double Sd, double Df, double Hn, EffectSizeIndex Index,
        EffectSizeIndex AdjustedIndex, string Text, string Reference);

    private static Standardizer IndependentStandardizer(SampleSummary x, SampleSummary y, Standardized kind, StandardizedDifferenceOptions o)
    {
        double v1 = x.Sd * x.Sd, v2 = y.Sd * y.Sd;
        int n1 = x.N, n2 = y.N;
        double diff = x.Mean - y.Mean;
        if (kind == Standardized.Glass)
        {
            // Glass: SD of the control group only; hn carries the other group's variance (effectsize)
            bool secondIsControl = o.GlassControlGroup == ControlGroup.Second;
            double vc = secondIsControl ? v2 : v1, vt = secondIsControl ? v1 : v2;
            int nc = secondIsControl ? n2 : n1, nt = secondIsControl ? n1 : n2;
            return new Standardizer(diff, Math.Sqrt(vc), nc - 1, 1.0 / nc + vt / (nt * vc),
                EffectSizeIndex.GlassDelta, EffectSizeIndex.GlassDeltaAdjusted,
                secondIsControl ? "SD of the control group (y)" : "SD of the control group (x)",
                Citations.Glass1981);
        }
        if (o.PooledSd)
        {
            double sp = Math.Sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
            return new Standardizer(diff, sp, n1 + n2 - 2, 1.0 / n1 + 1.0 / n2,
                EffectSizeIndex.CohensD, EffectSizeIndex.HedgesG, "pooled SD",
                kind == Standardized.G ? Citations.Hedges1981 : Citations.Cohen1988);
        }
        // average-variance standardizer with Welch df and effectsize's hn = 2(n2 s1² + n1 s2²)/(n1 n2 (s1² + s2²))
        double se1 = v1 / n1, se2 = v2 / n2, se = se1 + se2;
        double welch = se * se / (se1 * se1 / (n1 - 1) + se2 * se2 / (n2 - 1));
        return new Standardizer(diff, Math.Sqrt((v1 + v2) / 2), welch, 2 * (n2 * v1 + n1 * v2) / (n1 * (double)n2 * (v1 + v2)),
            EffectSizeIndex.CohensDUnpooled, EffectSizeIndex.HedgesGUnpooled, "unpooled SD sqrt((s1^2 + s2^2)/2), Welch df",
            Citations.Delacre2021);
    }

    private static void Validate(StandardizedDifferenceOptions o)
    {
        Guard.CiLevel(o.CiLevel, "CiLevel");
        Guard.Finite(o.Mu, "Mu");
        Intervals.RequireSupported(o.CiMethod, "CiMethod", CiMethod.NoncentralT, CiMethod.Normal,
            CiMethod.BootstrapPercentile, CiMethod.BootstrapBasic, CiMethod.BootstrapBca);
    }

    private static void RequireSummary(SampleSummary s, string name)
    {
        if (s.N < 2 || !double.IsFinite(s.Mean) || !(s.Sd >= 0) || !double.IsFinite(s.Sd))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Group {name} (mean {s.Mean}, SD {s.Sd}, n {s.N}) needs n ≥ 2 and a finite mean and SD."), name);
    }

    internal static EffectSizeEstimate Independent(SampleSummary x, SampleSummary y, Standardized kind,
        StandardizedDifferenceOptions o, double[]? rawX = null, double[]? rawY = null,
        IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(o);
        RequireSummary(x, "x");
        RequireSummary(y, "y");
        Standardizer s = IndependentStandardizer(x, y, kind, o);
        if (!(s.Sd > 0))
            throw new NotEstimableException(string.Create(CultureInfo.InvariantCulture,
                $"The standardizer ({s.Text}) is {s.Sd}: both groups have zero variance, so d is undefined."));
        bool adjust = kind == Standardized.G || o.Adjust;
        double j = adjust ? SmallSampleCorrection.Factor(s.Df, o.Correction) : 1;
        double d = (s.Diff - o.Mu) / s.Sd;
        double value = d * j;

        (double lo, double hi) ci;
        string ciText;
        if (o.CiMethod == CiMethod.NoncentralT)
        {
            double t = d / Math.Sqrt(s.Hn);   // = (Δ − μ)/SE
            ci = Intervals.NoncentralT(t, s.Df, Math.Sqrt(s.Hn) * j, o.CiLevel, o.Alternative);
            ciText = Intervals.Describe(o.CiMethod, s.Df);
        }
        else if (o.CiMethod == CiMethod.Normal)
        {
            double variance = NormalVariance(x, y, kind, o, s, value);
            ci = Intervals.Normal(value, Math.Sqrt(variance), o.CiLevel, o.Alternative);
            ciText = kind != Standardized.Glass && !o.PooledSd ? "normal CI with Bonett (2008) variance" : "normal CI with Hedges-Olkin variance";
        }
        else
        {
            if (rawX is null || rawY is null)
                throw new ArgumentException("Bootstrap intervals need the raw data, not summary statistics.", "CiMethod");
            var boot = Resampling.Bootstrap.Run(Resampling.Bootstrap.Design.TwoSample, rawX, rawY,
                (a, b) => FiniteOrNaN(IndependentValue(a, b, kind, o, j)), BootstrapSettings(o.Bootstrap, o.CiMethod, o.CiLevel, o.Alternative), progress, cancellationToken,
                () => Resampling.Jackknife.TwoGroups(rawX, [], rawY, [],
                    (g, h) => FiniteOrNaN(IndependentValue(SampleSummary.Of(g), SampleSummary.Of(h), kind, o, j))));
            ci = (boot.Ci.Lower, boot.Ci.Upper);
            ciText = BootstrapText(o.CiMethod, boot);
        }
        var index = adjust ? s.AdjustedIndex : s.Index;
        string correction = adjust ? "; " + SmallSampleCorrection.Describe(o.Correction, s.Df) : "";
        string mu = o.Mu != 0 ? string.Create(CultureInfo.InvariantCulture, $"; mu = {o.Mu}") : "";
        return new EffectSizeEstimate(index, value, new ConfidenceInterval(ci.lo, ci.hi, o.CiLevel, o.CiMethod),
            new GroupSizes(x.N, y.N), $"{s.Text}{correction}{mu}; {ciText}",
            adjust && s.Reference != Citations.Hedges1981 ? s.Reference + " " + Citations.Hedges1981 : s.Reference)
        {
            Variance = NormalVariance(x, y, kind, o, s, value),
        };
    }

    // Hedges–Olkin / metafor "LS" variances: pooled 1/n1 + 1/n2 + g²/(2N); unpooled Bonett (2008) eq. 8 (metafor SMDH's
    // formula; note metafor's SMDH estimate uses c(n1 + n2 − 2) where effectsize's J uses the Welch df); Glass as metafor SMD1.
    private static double NormalVariance(SampleSummary x, SampleSummary y, Standardized kind, StandardizedDifferenceOptions o, Standardizer s, double value)
    {
        if (kind == Standardized.Glass)
        {
            // metafor "SMD1": 1/n1 + 1/n2 + Δ²/(2 n_control) (assumes equal population variances, unlike the ncp hn)
            int nc = o.GlassControlGroup == ControlGroup.Second ? y.N : x.N;
            return 1.0 / x.N + 1.0 / y.N + value * value / (2.0 * nc);
        }
        if (o.PooledSd) return s.Hn + value * value / (2.0 * (x.N + y.N));
        double v1 = x.Sd * x.Sd, v2 = y.Sd * y.Sd, s2 = s.Sd * s.Sd;
        return value * value * (v1 * v1 / (x.N - 1) + v2 * v2 / (y.N - 1)) / (8 * s2 * s2) + (v1 / (x.N - 1) + v2 / (y.N - 1)) / s2;
    }

    // Point estimate for a bootstrap resample; J depends only on n (and for Welch on the variances — recomputed here).
    private static double IndependentValue(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Standardized kind, StandardizedDifferenceOptions o, double j)
    {
        var x = new SampleSummary(SampleMoments.Mean(a), 0, a.Length);
        var y = new SampleSummary(SampleMoments.Mean(b), 0, b.Length);
        x = x with { Sd = Math.Sqrt(SampleMoments.Variance(a, x.Mean)) };
        y = y with { Sd = Math.Sqrt(SampleMoments.Variance(b, y.Mean)) };
        return IndependentValue(x, y, kind, o, j);
    }

    private static double IndependentValue(SampleSummary x, SampleSummary y, Standardized kind, StandardizedDifferenceOptions o, double j)
    {
        Standardizer s = IndependentStandardizer(x, y, kind, o);
        double factor = !o.PooledSd && kind != Standardized.Glass && j != 1 ? SmallSampleCorrection.Factor(s.Df, o.Correction) : j;
        return (s.Diff - o.Mu) / s.Sd * factor;
    }

    internal static EffectSizeEstimate PairedZ(SampleSummary differences, Standardized kind, StandardizedDifferenceOptions o,
        double[]? rawX = null, double[]? rawY = null, bool oneSample = false,
        IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(o);
        RequireSummary(differences, "differences");
        if (!(differences.Sd > 0))
            throw new NotEstimableException("The differences have zero variance, so d_z is undefined.");
        int n = differences.N;
        double df = n - 1;
        bool adjust = kind != Standardized.D || o.Adjust;
        double j = adjust ? SmallSampleCorrection.Factor(df, o.Correction) : 1;
        double d = (differences.Mean - o.Mu) / differences.Sd;
        double value = d * j;
        double variance = SmccVariance(n, value);
        (double lo, double hi) ci;
        string ciText;
        if (o.CiMethod == CiMethod.NoncentralT)
        {
            ci = Intervals.NoncentralT(d * Math.Sqrt(n), df, j / Math.Sqrt(n), o.CiLevel, o.Alternative);
            ciText = Intervals.Describe(o.CiMethod, df);
        }
        else if (o.CiMethod == CiMethod.Normal)
        {
            ci = Intervals.Normal(value, Math.Sqrt(variance), o.CiLevel, o.Alternative);
            ciText = "normal CI with Hedges-Olkin variance 1/n + d^2/(2n)";
        }
        else
        {
            if (rawX is null || rawY is null)
                throw new ArgumentException("Bootstrap intervals need the raw data, not summary statistics.", "CiMethod");
            double mu = o.Mu;
            var boot = Resampling.Bootstrap.Run(oneSample ? Resampling.Bootstrap.Design.OneSample : Resampling.Bootstrap.Design.Paired, rawX, rawY,
                (a, b) => FiniteOrNaN(DzValue(a, b, mu, j, oneSample)), BootstrapSettings(o.Bootstrap, o.CiMethod, o.CiLevel, o.Alternative), progress, cancellationToken,
                () => Resampling.Jackknife.OneGroup(oneSample ? rawX : Differences(rawX, rawY), [],
                    (g, _) => FiniteOrNaN((g.MeanX - mu) / Math.Sqrt(g.VarianceX) * j)));
            ci = (boot.Ci.Lower, boot.Ci.Upper);
            ciText = BootstrapText(o.CiMethod, boot);
        }
        string correction = adjust ? "; " + SmallSampleCorrection.Describe(o.Correction, df) : "";
        string standardizer = oneSample ? "one-sample d: SD of the values" : "d_z: SD of the paired differences";
        return new EffectSizeEstimate(adjust ? EffectSizeIndex.Gz : EffectSizeIndex.Dz, value,
            new ConfidenceInterval(ci.lo, ci.hi, o.CiLevel, o.CiMethod), GroupSizes.Single(n),
            $"{standardizer}{correction}; {ciText}", adjust ? Citations.HedgesOlkin1985 + " " + Citations.Hedges1981 : Citations.HedgesOlkin1985)
        { Variance = variance };
    }

    private static double[] Differences(double[] x, double[] y)
    {
        var diff = new double[x.Length];
        SampleChecks.Differences(x, y, diff);
        return diff;
    }

    private static double DzValue(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double mu, double j, bool oneSample)
    {
        Span<double> diff = a.Length <= 512 ? stackalloc double[a.Length] : new double[a.Length];
        if (oneSample) a.CopyTo(diff); else SampleChecks.Differences(a, b, diff);
        double m = SampleMoments.Mean(diff);
        return (m - mu) / Math.Sqrt(SampleMoments.Variance(diff, m)) * j;
    }

    // A resample with zero spread gives d = ±∞ or NaN: not an estimate, so it is counted as not estimable.
    internal static double FiniteOrNaN(double value) => double.IsFinite(value) ? value : double.NaN;

    // The estimator's CiMethod, CiLevel and Alternative govern the interval; the nested bootstrap settings carry only the
    // resampling (count, seed, threads). A nested value set to something else would be overwritten, so it is refused.
    internal static BootstrapOptions BootstrapSettings(BootstrapOptions settings, CiMethod method, double level, Alternative alternative)
    {
        settings ??= BootstrapOptions.Default;
        BootstrapOptions d = BootstrapOptions.Default;
        CiMethod interval = Intervals.ToBootstrapInterval(method);
        if (settings.CiLevel != d.CiLevel && settings.CiLevel != level)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Bootstrap.CiLevel = {settings.CiLevel} conflicts with CiLevel = {level}: set the level once, on the estimator's options."), "options");
        if (settings.Alternative != d.Alternative && settings.Alternative != alternative)
            throw new ArgumentException($"Bootstrap.Alternative = {settings.Alternative} conflicts with Alternative = {alternative}: set it once, on the estimator's options.", "options");
        if (settings.Interval != d.Interval && settings.Interval != interval)
            throw new ArgumentException($"Bootstrap.Interval = {settings.Interval} conflicts with CiMethod = {CiMethods.Describe(method)}: choose the interval with CiMethod.", "options");
        return settings with { Interval = interval, CiLevel = level, Alternative = alternative };
    }

    internal static string BootstrapText(CiMethod method, BootstrapResult boot) => string.Create(CultureInfo.InvariantCulture,
        $"CI by {CiMethods.Describe(method)} ({boot.Resamples} resamples, seed {boot.Seed}{(boot.InvalidReplicates > 0 ? $", {boot.InvalidReplicates} not estimable" : "")})");
}
