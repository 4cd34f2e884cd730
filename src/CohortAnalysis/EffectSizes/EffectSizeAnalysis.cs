using System.Globalization;
using CohortAnalysis.Change;
using CohortAnalysis.Responders;

namespace CohortAnalysis.EffectSizes;

/// <summary>Effect sizes on a cohort: between arms (or within each arm for d_z, g_z, d_av, d_rm) at a visit, or for every
/// parameter × post-baseline visit × arm as one table.</summary>
/// <remarks>
/// <para>Sign convention: treatment − reference (and post − baseline within an arm), so on a higher-is-worse scale a
/// larger improvement under treatment gives a negative d. Every estimate carries its <see cref="Comparison"/>: the
/// parameter, visit, variable, the two arms (and whether the reference was given or guessed) and the missing-data method.</para>
/// <para>Between-arm measures use each arm's values of <see cref="EffectSizeAnalysisOptions.On"/> (CHG by default) at the
/// visit; d_ppc1/d_ppc2 use the subjects of each arm with both a baseline and a value at the visit; d_z, g_z, d_av and d_rm
/// pair each subject's value at the visit with its baseline. In <see cref="ByVisit"/>, cells the data cannot support (an
/// arm with fewer than 2 values, zero variance) come back as NaN estimates with the reason; an invalid option throws.</para>
/// </remarks>
public static class EffectSizeAnalysis
{
    /// <summary>One effect size at one visit (between the treatment and the reference arm; or, for d_z, g_z, d_av and d_rm,
    /// within the treatment arm).</summary>
    /// <exception cref="ArgumentException">An option that does not apply, an unknown arm or visit, several candidate
    /// treatment arms, or trajectories built with another missing-data method than <see cref="EffectSizeAnalysisOptions.MissingData"/>.</exception>
    /// <exception cref="NotEstimableException">Too few values or zero variance.</exception>
    public static EffectSizeEstimate AtVisit(Trajectories trajectories, double visit, EffectSizeAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        options ??= EffectSizeAnalysisOptions.Default;
        Validate(options);
        if (options.MissingData is { } requested && requested != trajectories.MissingData)
            throw new ArgumentException(
                $"MissingData = {requested.Describe()} was asked for, but the trajectories of {trajectories.Parameter} were built with {trajectories.MissingData.Describe()}; build them with Trajectories.Of(cohort, \"{trajectories.Parameter}\", MissingDataMethod.{requested}) or leave MissingData null.",
                nameof(options));
        var context = AnalysisContext.Of(trajectories, options.Reference);
        return Estimate(context, context.VisitIndex(visit), context.Treatment(options.Treatment), options);
    }

    /// <summary>The measure for every parameter (or those given) × post-baseline visit: each treatment arm against the
    /// reference (only <see cref="EffectSizeAnalysisOptions.Treatment"/> when it is set), or each arm for within-arm measures.</summary>
    /// <param name="cohort">The cohort.</param>
    /// <param name="options">Measure, arms, variable and interval; defaults when null.</param>
    /// <param name="parameters">Parameters to analyse; every parameter when null.</param>
    /// <param name="progress">Progress of bootstrap intervals over the whole table: cell k of K reports
    /// (k·B + done, K·B) for B resamples.</param>
    /// <param name="cancellationToken">Stops a bootstrap between chunks of replicates.</param>
    /// <exception cref="ArgumentException">An option that does not apply, or an unknown parameter or arm.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Too few resamples for the CI level: thrown at once, not turned
    /// into not-estimable cells.</exception>
    public static EffectSizeTable ByVisit(Cohort cohort, EffectSizeAnalysisOptions? options = null, IReadOnlyList<string>? parameters = null,
        IProgress<Resampling.BootstrapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        options ??= EffectSizeAnalysisOptions.Default;
        Validate(options);
        var cells = new List<(AnalysisContext Context, int Visit, string Arm)>();
        foreach (string parameter in parameters ?? cohort.Parameters)
        {
            var context = AnalysisContext.Of(Trajectories.Of(cohort, parameter, options.MissingData ?? MissingDataMethod.ObservedCases), options.Reference);
            foreach (int v in context.PostBaselineVisits()) cells.AddRange(Arms(context, options).Select(a => (context, v, a)));
        }
        return new EffectSizeTable(Cells(cells, options, progress, cancellationToken)) { Report = cohort.Report };
    }

    /// <summary>The measure at one visit of one parameter, for every arm as <see cref="ByVisit"/> does, computing nothing else.</summary>
    /// <param name="cohort">The cohort.</param>
    /// <param name="parameter">The parameter.</param>
    /// <param name="visit">The visit (its number).</param>
    /// <param name="options">Measure, arms, variable and interval; defaults when null.</param>
    /// <param name="progress">Progress of bootstrap intervals over all arms, as in <see cref="ByVisit"/>.</param>
    /// <param name="cancellationToken">Stops a bootstrap between chunks of replicates.</param>
    /// <exception cref="ArgumentException">An option that does not apply, or an unknown parameter, visit or arm.</exception>
    public static EffectSizeTable ForVisit(Cohort cohort, string parameter, double visit, EffectSizeAnalysisOptions? options = null,
        IProgress<Resampling.BootstrapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        options ??= EffectSizeAnalysisOptions.Default;
        Validate(options);
        var context = AnalysisContext.Of(Trajectories.Of(cohort, parameter, options.MissingData ?? MissingDataMethod.ObservedCases), options.Reference);
        int v = context.VisitIndex(visit);
        var cells = Arms(context, options).Select(a => (context, v, a)).ToList();
        return new EffectSizeTable(Cells(cells, options, progress, cancellationToken)) { Report = cohort.Report };
    }

    // The arms of one visit's cells: each treatment arm against the reference, or each arm for within-arm measures.
    private static IEnumerable<string> Arms(AnalysisContext context, EffectSizeAnalysisOptions options) => IsWithinArm(options.Measure)
        ? (options.Treatment is { } only ? [only] : context.Trajectories.Cohort.Arms)
        : (options.Treatment is { } treatment ? [context.Treatment(treatment)] : context.TreatmentArms);

    private static IEnumerable<EffectSizeEstimate> Cells(List<(AnalysisContext Context, int Visit, string Arm)> cells, EffectSizeAnalysisOptions options,
        IProgress<Resampling.BootstrapProgress>? progress, CancellationToken cancellationToken)
    {
        var rows = new List<EffectSizeEstimate>(cells.Count);
        for (int k = 0; k < cells.Count; k++)
        {
            var (context, v, arm) = cells[k];
            IProgress<Resampling.BootstrapProgress>? cellProgress = progress is null ? null : new TableProgress(progress, k, cells.Count);
            EffectSizeEstimate cell;
            try
            {
                cell = Estimate(context, v, arm, options, cellProgress, cancellationToken);
            }
            catch (NotEstimableException e)
            {
                Comparison comparison = IsWithinArm(options.Measure) ? context.Within(arm, v, ChangeVariable.Change) : context.Between(arm, v, VariableOf(options));
                cell = EffectSizeEstimate.NotEstimable(IndexOf(options), default, e.Message,
                    new ConfidenceInterval(double.NaN, double.NaN, options.Standardized.CiLevel, options.CiMethod ?? DefaultCiMethod(options.Measure)), comparison);
            }
            rows.Add(cell);
        }
        return rows;
    }

    // Cell k of K: its replicates are counted after those of the k cells before it.
    private sealed class TableProgress(IProgress<Resampling.BootstrapProgress> inner, int cell, int cells) : IProgress<Resampling.BootstrapProgress>
    {
        public void Report(Resampling.BootstrapProgress value) =>
            inner.Report(new Resampling.BootstrapProgress(cell * value.Total + value.Completed, cells * value.Total));
    }

    /// <summary>Whether <paramref name="measure"/> compares the arms' values of <see cref="EffectSizeAnalysisOptions.On"/>
    /// (d, g, Glass's Δ, rank-biserial, Cliff's δ, CLES); the others pair each subject's baseline and visit values, or
    /// count responders (Cohen's h), and refuse <c>On</c>.</summary>
    /// <param name="measure">The effect-size measure.</param>
    public static bool UsesOn(EffectSizeMeasure measure) => measure is EffectSizeMeasure.CohensD or EffectSizeMeasure.HedgesG
        or EffectSizeMeasure.GlassDelta or EffectSizeMeasure.RankBiserial or EffectSizeMeasure.CliffsDelta or EffectSizeMeasure.Cles;

    private static bool IsWithinArm(EffectSizeMeasure m) => m is EffectSizeMeasure.Dz or EffectSizeMeasure.Gz or EffectSizeMeasure.Dav or EffectSizeMeasure.Drm;

    private static ChangeVariable VariableOf(EffectSizeAnalysisOptions o) => o.Measure switch
    {
        EffectSizeMeasure.CohensD or EffectSizeMeasure.HedgesG or EffectSizeMeasure.GlassDelta or EffectSizeMeasure.RankBiserial
            or EffectSizeMeasure.CliffsDelta or EffectSizeMeasure.Cles => o.On ?? ChangeVariable.Change,
        _ => ChangeVariable.Change,
    };

    /// <summary>The CI method a measure uses when none is asked for (the R default for it).</summary>
    internal static CiMethod DefaultCiMethod(EffectSizeMeasure measure) => measure switch
    {
        EffectSizeMeasure.CohensD or EffectSizeMeasure.HedgesG or EffectSizeMeasure.GlassDelta or EffectSizeMeasure.Dz or EffectSizeMeasure.Gz
            or EffectSizeMeasure.Cles => CiMethod.NoncentralT,
        _ => CiMethod.Normal,
    };

    private static readonly CiMethod[] Bootstraps = [CiMethod.BootstrapPercentile, CiMethod.BootstrapBasic, CiMethod.BootstrapBca];

    /// <summary>The CI methods <paramref name="measure"/> supports (any other <see cref="EffectSizeAnalysisOptions.CiMethod"/>
    /// is refused): noncentral t, normal and the three bootstraps for d, g, Glass's Δ, d_z, g_z, d_av and d_rm; normal and
    /// the bootstraps for d_ppc2; noncentral t and normal for CLES; normal for the others.</summary>
    /// <param name="measure">The effect-size measure.</param>
    public static IReadOnlyList<CiMethod> SupportedCiMethods(EffectSizeMeasure measure) => measure switch
    {
        EffectSizeMeasure.CohensD or EffectSizeMeasure.HedgesG or EffectSizeMeasure.GlassDelta or EffectSizeMeasure.Dz or EffectSizeMeasure.Gz
            or EffectSizeMeasure.Dav or EffectSizeMeasure.Drm => [CiMethod.NoncentralT, CiMethod.Normal, .. Bootstraps],
        EffectSizeMeasure.Dppc2 => [CiMethod.Normal, .. Bootstraps],
        EffectSizeMeasure.Cles => [CiMethod.NoncentralT, CiMethod.Normal],
        _ => [CiMethod.Normal],
    };

    // Every option that does not apply to the measure must be at its default: nothing is ignored silently.
    private static void Validate(EffectSizeAnalysisOptions o)
    {
        StandardizedDifferenceOptions s = o.Standardized ?? throw new ArgumentNullException(nameof(o), "Standardized must not be null.");
        StandardizedDifferenceOptions d = StandardizedDifferenceOptions.Default;
        Guard.CiLevel(s.CiLevel, "Standardized.CiLevel");
        string measure = o.Measure.ToString();
        void NotFor(bool isSet, string option, string why)
        {
            if (isSet) throw new ArgumentException($"{option} does not apply to {measure}: {why}.", nameof(o));
        }
        if (s.CiMethod != d.CiMethod)
            throw new ArgumentException("Choose the interval with EffectSizeAnalysisOptions.CiMethod; Standardized.CiMethod must stay at its default in a cohort analysis.", nameof(o));
        if (o.CiMethod is { } ci && !SupportedCiMethods(o.Measure).Contains(ci))
            throw new ArgumentException($"CiMethod = {CiMethods.Describe(ci)} is not available for {measure}; it supports: {string.Join(", ", SupportedCiMethods(o.Measure).Select(CiMethods.Describe))}.", nameof(o));
        bool between = o.Measure is EffectSizeMeasure.CohensD or EffectSizeMeasure.HedgesG or EffectSizeMeasure.GlassDelta;
        bool valueMeasure = UsesOn(o.Measure);
        NotFor(o.On is not null && !valueMeasure, "On", "it compares post-treatment values with baseline (or responders), not a chosen variable");
        NotFor(s.Paired, "Standardized.Paired", "arms are independent groups; within-arm pairing is chosen by the measure (d-z, d-av, d-rm)");
        NotFor(!s.PooledSd && !(o.Measure is EffectSizeMeasure.CohensD or EffectSizeMeasure.HedgesG or EffectSizeMeasure.Cles), "Standardized.PooledSd = false", "it has no pooled standardizer");
        NotFor(s.GlassControlGroup != d.GlassControlGroup, "Standardized.GlassControlGroup", "the control group of a cohort analysis is the reference arm");
        NotFor(s.Mu != 0 && !(between || IsWithinArm(o.Measure)), "Standardized.Mu", "it has no location shift");
        NotFor(s.Adjust && !(o.Measure is EffectSizeMeasure.CohensD or EffectSizeMeasure.GlassDelta or EffectSizeMeasure.Dav or EffectSizeMeasure.Drm), "Standardized.Adjust",
            "it is either always corrected (g, g_z, d_ppc2) or has no small-sample correction; for g_z choose the measure g-z");
        NotFor(s.Correction != d.Correction && o.Measure is EffectSizeMeasure.RankBiserial or EffectSizeMeasure.CliffsDelta or EffectSizeMeasure.Cles or EffectSizeMeasure.CohensH,
            "Standardized.Correction", "it has no small-sample correction");
        NotFor(s.Bootstrap != d.Bootstrap && !(o.CiMethod is { } m && Bootstraps.Contains(m)), "Standardized.Bootstrap", "the CI method is not a bootstrap");
        NotFor(o.ResponseRule is not null && o.Measure != EffectSizeMeasure.CohensH, "ResponseRule", "only Cohen's h uses a response rule");
        // Too few resamples for the level is a caller mistake: thrown here, never turned into not-estimable cells.
        if (o.CiMethod is { } boot && Bootstraps.Contains(boot)) EffectSize.BootstrapSettings(s.Bootstrap, boot, s.CiLevel, s.Alternative).RequireTails();
    }

    private static EffectSizeEstimate Estimate(AnalysisContext context, int v, string arm, EffectSizeAnalysisOptions options,
        IProgress<Resampling.BootstrapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Trajectories t = context.Trajectories;
        StandardizedDifferenceOptions s = options.Standardized;
        CiMethod ciMethod = options.CiMethod ?? DefaultCiMethod(options.Measure);
        var effect = new EffectSizeOptions { CiLevel = s.CiLevel, Alternative = s.Alternative, Correction = s.Correction };
        string reference = context.ReferenceArm;
        switch (options.Measure)
        {
            case EffectSizeMeasure.Dz or EffectSizeMeasure.Gz or EffectSizeMeasure.Dav or EffectSizeMeasure.Drm:
            {
                var (post, pre, missing) = context.Pairs(arm, v);
                RequireTwo(post.Length, arm, t.Visits[v]);
                EffectSizeEstimate within = options.Measure is EffectSizeMeasure.Dz or EffectSizeMeasure.Gz
                    ? EffectSize.PairedD(post, pre, options.Measure == EffectSizeMeasure.Gz, s with { CiMethod = ciMethod }, progress, cancellationToken)
                    : EffectSize.RepeatedMeasuresD(post, pre, new RepeatedMeasuresOptions
                    {
                        Method = options.Measure == EffectSizeMeasure.Dav ? RepeatedMeasuresMethod.Av : RepeatedMeasuresMethod.Rm,
                        CiLevel = s.CiLevel, Alternative = s.Alternative, Correction = s.Correction, CiMethod = ciMethod, Bootstrap = s.Bootstrap,
                        Mu = s.Mu, Adjust = s.Adjust,
                    }, progress, cancellationToken);
                return within with { Comparison = context.Within(arm, v, ChangeVariable.Change), Sizes = within.Sizes with { Missing = missing } };
            }
            case EffectSizeMeasure.Dppc2 or EffectSizeMeasure.Dppc1:
            {
                var (tPost, tPre, tMissing) = context.Pairs(arm, v);
                var (cPost, cPre, cMissing) = context.Pairs(reference, v);
                RequireTwo(tPost.Length, arm, t.Visits[v]);
                RequireTwo(cPost.Length, reference, t.Visits[v]);
                EffectSizeEstimate e = options.Measure == EffectSizeMeasure.Dppc1
                    ? EffectSize.PrePostControlD1(PairedSummary.Of(tPost, tPre), PairedSummary.Of(cPost, cPre), effect)
                    : EffectSize.PrePostControlD(tPost, tPre, cPost, cPre, effect);
                if (Bootstraps.Contains(ciMethod)) e = BootstrapPrePost(e, tPost, tPre, cPost, cPre, s, ciMethod, effect, progress, cancellationToken);
                return e with { Comparison = context.Between(arm, v, ChangeVariable.Change), Sizes = e.Sizes with { Missing = tMissing + cMissing } };
            }
            case EffectSizeMeasure.CohensH:
            {
                ResponderRule rule = options.ResponseRule ?? ResponderRule.Response(t.Instrument
                    ?? throw new ArgumentException($"{t.Parameter} has no registered instrument: give ResponseRule for Cohen's h.", nameof(options)));
                var counts = ResponderClassification.Of(t, rule, t.Visits[v].Time).CountByArm();
                ArmResponderCount x = counts.Single(c => c.Arm == arm), y = counts.Single(c => c.Arm == reference);
                EffectSizeEstimate h = EffectSize.CohensH(x.Responders, x.Denominator, y.Responders, y.Denominator, effect);
                return h with { Comparison = context.Between(arm, v, ChangeVariable.Change) with { Term = "responders: " + rule.Description } };
            }
        }
        ChangeVariable variable = VariableOf(options);
        var (xs, xMissing) = context.Values(arm, v, variable);
        var (ys, yMissing) = context.Values(reference, v, variable);
        RequireTwo(xs.Length, arm, t.Visits[v]);
        RequireTwo(ys.Length, reference, t.Visits[v]);
        StandardizedDifferenceOptions withCi = s with { CiMethod = ciMethod };
        EffectSizeEstimate estimate = options.Measure switch
        {
            EffectSizeMeasure.CohensD => EffectSize.CohensD(xs, ys, withCi, progress, cancellationToken),
            EffectSizeMeasure.HedgesG => EffectSize.HedgesG(xs, ys, withCi, progress, cancellationToken),
            EffectSizeMeasure.GlassDelta => EffectSize.GlassDelta(xs, ys, withCi, progress, cancellationToken),
            EffectSizeMeasure.RankBiserial => EffectSize.RankBiserial(xs, ys, effect),
            EffectSizeMeasure.CliffsDelta => EffectSize.CliffsDelta(xs, ys, effect),
            EffectSizeMeasure.Cles => EffectSize.ProbabilityOfSuperiority(xs, ys, withCi),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Measure, "Unknown measure."),
        };
        return estimate with { Comparison = context.Between(arm, v, variable), Sizes = estimate.Sizes with { Missing = xMissing + yMissing } };
    }

    private static void RequireTwo(int n, string arm, Visit visit)
    {
        if (n < 2)
            throw new NotEstimableException(string.Create(CultureInfo.InvariantCulture,
                $"arm {arm} has {n} subject{(n == 1 ? "" : "s")} with a value at {visit.DisplayName}; at least 2 are needed"));
    }

    // Resamples subjects (their baseline–visit pairs) within each arm: the bootstrap runs on subject indices and the
    // statistic looks the pairs up, so the seeded, thread-count-independent resampling of Bootstrap.TwoSample is reused.
    private static EffectSizeEstimate BootstrapPrePost(EffectSizeEstimate point, double[] tPost, double[] tPre, double[] cPost, double[] cPre,
        StandardizedDifferenceOptions s, CiMethod ciMethod, EffectSizeOptions effect, IProgress<Resampling.BootstrapProgress>? progress,
        CancellationToken cancellationToken)
    {
        double[] ti = Enumerable.Range(0, tPost.Length).Select(i => (double)i).ToArray();
        double[] ci = Enumerable.Range(0, cPost.Length).Select(i => (double)i).ToArray();
        Resampling.BootstrapOptions settings = EffectSize.BootstrapSettings(s.Bootstrap, ciMethod, s.CiLevel, s.Alternative);
        Resampling.BootstrapResult result = Resampling.Bootstrap.Run(Resampling.Bootstrap.Design.TwoSample, ti, ci, (x, y) =>
        {
            double[] a = new double[x.Length], b = new double[x.Length], c = new double[y.Length], d = new double[y.Length];
            for (int i = 0; i < x.Length; i++) { a[i] = tPost[(int)x[i]]; b[i] = tPre[(int)x[i]]; }
            for (int i = 0; i < y.Length; i++) { c[i] = cPost[(int)y[i]]; d[i] = cPre[(int)y[i]]; }
            return EffectSize.PrePostControlD(a, b, c, d, effect).Estimate;
        }, settings, progress, cancellationToken,
            () => Resampling.Jackknife.TwoGroups(tPost, tPre, cPost, cPre,
                (g, h) => EffectSize.PrePostControlD(PairedSummary.Of(g), PairedSummary.Of(h), effect).Estimate));
        return point with
        {
            Ci = result.Ci,
            Method = "d_ppc2: difference in mean change over pooled pre-test SD; " + EffectSize.BootstrapText(ciMethod, result) + " within arms",
        };
    }

    private static EffectSizeIndex IndexOf(EffectSizeAnalysisOptions options) => options.Measure switch
    {
        EffectSizeMeasure.CohensD => EffectSizeIndex.CohensD,
        EffectSizeMeasure.HedgesG => EffectSizeIndex.HedgesG,
        EffectSizeMeasure.GlassDelta => EffectSizeIndex.GlassDelta,
        EffectSizeMeasure.Dz => EffectSizeIndex.Dz,
        EffectSizeMeasure.Gz => EffectSizeIndex.Gz,
        EffectSizeMeasure.Dav => EffectSizeIndex.Dav,
        EffectSizeMeasure.Drm => EffectSizeIndex.Drm,
        EffectSizeMeasure.Dppc2 => EffectSizeIndex.Dppc2,
        EffectSizeMeasure.Dppc1 => EffectSizeIndex.Dppc1,
        EffectSizeMeasure.RankBiserial => EffectSizeIndex.RankBiserial,
        EffectSizeMeasure.CliffsDelta => EffectSizeIndex.CliffsDelta,
        EffectSizeMeasure.Cles => EffectSizeIndex.ProbabilityOfSuperiority,
        _ => EffectSizeIndex.CohensH,
    };
}
