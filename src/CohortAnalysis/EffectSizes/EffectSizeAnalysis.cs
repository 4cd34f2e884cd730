using System.Globalization;
using CohortAnalysis.Change;
using CohortAnalysis.Responders;

namespace CohortAnalysis.EffectSizes;

/// <summary>Effect sizes on a cohort: between arms (or within each arm for d_z, d_av, d_rm) at a visit, or for every
/// parameter × post-baseline visit as one table.</summary>
/// <remarks>
/// <para>Sign convention: treatment − reference (and post − baseline within an arm), so on a higher-is-worse scale a
/// larger improvement under treatment gives a negative d.</para>
/// <para>Between-arm measures use each arm's values of <see cref="EffectSizeAnalysisOptions.On"/> (CHG by default) at the
/// visit; d_ppc2 uses the subjects of each arm with both a baseline and a value at the visit; d_z, d_av and d_rm pair each
/// subject's value at the visit with its baseline. Cells that cannot be estimated (an arm with fewer than 2 values, zero
/// variance) come back as NaN estimates with the reason, never as exceptions, in <see cref="ByVisit"/>.</para>
/// </remarks>
public static class EffectSizeAnalysis
{
    /// <summary>One effect size at one visit (between arms; or, for d_z / d_av / d_rm, within the treatment arm).</summary>
    /// <exception cref="ArgumentException">Not estimable (too few values, zero variance) or an unknown arm or visit.</exception>
    public static EffectSizeEstimate AtVisit(Trajectories trajectories, double visit, EffectSizeAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        options ??= EffectSizeAnalysisOptions.Default;
        var (treatment, reference) = Arms(trajectories.Cohort, options);
        return Estimate(trajectories, visit, treatment, options.Measure is EffectSizeMeasure.Dz or EffectSizeMeasure.Dav or EffectSizeMeasure.Drm ? null : reference, options);
    }

    /// <summary>The measure for every parameter (or those given) × post-baseline visit; within-arm measures give one row per arm.</summary>
    public static EffectSizeTable ByVisit(Cohort cohort, EffectSizeAnalysisOptions? options = null, IReadOnlyList<string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        options ??= EffectSizeAnalysisOptions.Default;
        var (treatment, reference) = Arms(cohort, options);
        bool withinArm = options.Measure is EffectSizeMeasure.Dz or EffectSizeMeasure.Dav or EffectSizeMeasure.Drm;
        var rows = new List<LabelledEffectSize>();
        foreach (string parameter in parameters ?? cohort.Parameters)
        {
            Trajectories t = Trajectories.Of(cohort, parameter, options.MissingData);
            for (int v = 0; v < t.Visits.Count; v++)
            {
                if (!Enumerable.Range(0, t.SubjectCount).Any(r => t.IsPostBaseline(r, v))) continue;
                string visit = t.Visits[v].DisplayName;
                IEnumerable<(string Arm, string? Other)> cells = withinArm
                    ? cohort.Arms.Select(a => (a, (string?)null))
                    : [(treatment, reference)];
                foreach (var (arm, other) in cells)
                {
                    string label = other is null ? $"{t.Parameter} {visit}: {arm}" : $"{t.Parameter} {visit}: {arm} vs {other}";
                    try
                    {
                        rows.Add(new LabelledEffectSize(label, Estimate(t, t.Visits[v].Time, arm, other, options)));
                    }
                    catch (ArgumentException e)
                    {
                        rows.Add(new LabelledEffectSize(label, EffectSizeEstimate.NotEstimable(IndexOf(options), default, e.Message, options.Standardized.CiLevel), e.Message));
                    }
                }
            }
        }
        return new EffectSizeTable(rows) { Report = cohort.Report };
    }

    private static EffectSizeEstimate Estimate(Trajectories t, double visitTime, string treatment, string? reference, EffectSizeAnalysisOptions options)
    {
        int v = ChangeFromBaseline.VisitIndex(t, visitTime);
        int a = ChangeFromBaseline.ArmIndex(t, treatment);
        StandardizedDifferenceOptions s = options.Standardized;
        var effect = new EffectSizeOptions { CiLevel = s.CiLevel, Alternative = s.Alternative, Correction = s.Correction };
        switch (options.Measure)
        {
            case EffectSizeMeasure.Dz or EffectSizeMeasure.Dav or EffectSizeMeasure.Drm:
            {
                var (post, pre) = Pairs(t, a, v);
                var method = options.Measure switch { EffectSizeMeasure.Dz => RepeatedMeasuresMethod.Z, EffectSizeMeasure.Dav => RepeatedMeasuresMethod.Av, _ => RepeatedMeasuresMethod.Rm };
                // rm_d's default interval is normal; a bootstrap request is honoured, a noncentral-t one keeps rm_d's normal default.
                CiMethod ciMethod = Intervals.IsBootstrap(s.CiMethod) || s.CiMethod == CiMethod.Normal ? s.CiMethod : RepeatedMeasuresOptions.Default.CiMethod;
                return EffectSize.RepeatedMeasuresD(post, pre, new RepeatedMeasuresOptions
                {
                    Method = method, CiLevel = s.CiLevel, Alternative = s.Alternative, Correction = s.Correction, CiMethod = ciMethod, Bootstrap = s.Bootstrap,
                });
            }
            case EffectSizeMeasure.Dppc2:
            {
                var (tPost, tPre) = Pairs(t, a, v);
                var (cPost, cPre) = Pairs(t, ChangeFromBaseline.ArmIndex(t, reference!), v);
                EffectSizeEstimate dppc2 = EffectSize.PrePostControlD(tPost, tPre, cPost, cPre, effect);
                return Intervals.IsBootstrap(s.CiMethod) ? BootstrapPrePost(dppc2, tPost, tPre, cPost, cPre, s, effect) : dppc2;
            }
            case EffectSizeMeasure.Dppc1:
            {
                var (tPost, tPre) = Pairs(t, a, v);
                var (cPost, cPre) = Pairs(t, ChangeFromBaseline.ArmIndex(t, reference!), v);
                return EffectSize.PrePostControlD1(PairedSummary.Of(tPost, tPre), PairedSummary.Of(cPost, cPre), effect);
            }
            case EffectSizeMeasure.CohensH:
            {
                ResponderRule rule = options.ResponseRule ?? ResponderRule.Response(t.Instrument
                    ?? throw new ArgumentException($"{t.Parameter} has no registered instrument: give ResponseRule for Cohen's h."));
                var counts = ResponderClassification.Of(t, rule, visitTime).CountByArm();
                ArmResponderCount x = counts.Single(c => c.Arm == treatment), y = counts.Single(c => c.Arm == reference);
                return EffectSize.CohensH(x.Responders, x.Denominator, y.Responders, y.Denominator, effect);
            }
        }
        double[] xs = t.ArmValues(a, v, options.On), ys = t.ArmValues(ChangeFromBaseline.ArmIndex(t, reference!), v, options.On);
        return options.Measure switch
        {
            EffectSizeMeasure.CohensD => EffectSize.CohensD(xs, ys, s),
            EffectSizeMeasure.HedgesG => EffectSize.HedgesG(xs, ys, s),
            EffectSizeMeasure.GlassDelta => EffectSize.GlassDelta(xs, ys, s),
            EffectSizeMeasure.RankBiserial => EffectSize.RankBiserial(xs, ys, effect),
            EffectSizeMeasure.CliffsDelta => EffectSize.CliffsDelta(xs, ys, effect),
            EffectSizeMeasure.Cles => EffectSize.ProbabilityOfSuperiority(xs, ys, s),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Measure, "Unknown measure."),
        };
    }

    // Resamples subjects (their baseline–visit pairs) within each arm: the bootstrap runs on subject indices and the
    // statistic looks the pairs up, so the seeded, thread-count-independent resampling of Bootstrap.TwoSample is reused.
    private static EffectSizeEstimate BootstrapPrePost(EffectSizeEstimate point, double[] tPost, double[] tPre, double[] cPost, double[] cPre,
        StandardizedDifferenceOptions s, EffectSizeOptions effect)
    {
        double[] ti = Enumerable.Range(0, tPost.Length).Select(i => (double)i).ToArray();
        double[] ci = Enumerable.Range(0, cPost.Length).Select(i => (double)i).ToArray();
        Resampling.BootstrapOptions settings = s.Bootstrap with { Interval = Intervals.ToBootstrapInterval(s.CiMethod), CiLevel = s.CiLevel, Alternative = s.Alternative };
        Resampling.BootstrapResult result = Resampling.Bootstrap.TwoSample(ti, ci, (x, y) =>
        {
            double[] a = new double[x.Length], b = new double[x.Length], c = new double[y.Length], d = new double[y.Length];
            for (int i = 0; i < x.Length; i++) { a[i] = tPost[(int)x[i]]; b[i] = tPre[(int)x[i]]; }
            for (int i = 0; i < y.Length; i++) { c[i] = cPost[(int)y[i]]; d[i] = cPre[(int)y[i]]; }
            return EffectSize.PrePostControlD(a, b, c, d, effect).Value;
        }, settings);
        return point with
        {
            Ci = result.Ci,
            Method = string.Create(CultureInfo.InvariantCulture,
                $"{point.Method.Split(';')[0]}; CI by bootstrap ({settings.Interval}, {settings.Resamples} resamples within arms, seed {settings.Seed})"),
        };
    }

    private static (string Treatment, string Reference) Arms(Cohort cohort, EffectSizeAnalysisOptions options)
    {
        string reference = ResponderAnalysis.ReferenceArm(cohort, new ResponderAnalysisOptions { Reference = options.Reference });
        string treatment = options.Treatment ?? cohort.Arms.FirstOrDefault(a => a != reference)
            ?? throw new ArgumentException("The cohort has a single arm: between-arm effect sizes need two.", nameof(options));
        if (!cohort.Arms.Contains(treatment)) throw new ArgumentException($"No arm '{treatment}'; arms are: {string.Join(", ", cohort.Arms)}.", nameof(options));
        return (treatment, reference);
    }

    private static (double[] Post, double[] Pre) Pairs(Trajectories t, int arm, int visit)
    {
        var post = new List<double>();
        var pre = new List<double>();
        for (int row = 0; row < t.SubjectCount; row++)
        {
            if (t.ArmOf(row) != arm || double.IsNaN(t.Change(row, visit))) continue;
            post.Add(t.Value(row, visit));
            pre.Add(t.Baseline(row));
        }
        if (post.Count < 2)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{t.Cohort.Arms[arm]} has {post.Count} subjects with a baseline and a value at {t.Visits[visit].DisplayName}; at least 2 are needed."));
        return (post.ToArray(), pre.ToArray());
    }

    private static EffectSizeIndex IndexOf(EffectSizeAnalysisOptions options) => options.Measure switch
    {
        EffectSizeMeasure.CohensD => EffectSizeIndex.CohensD,
        EffectSizeMeasure.HedgesG => EffectSizeIndex.HedgesG,
        EffectSizeMeasure.GlassDelta => EffectSizeIndex.GlassDelta,
        EffectSizeMeasure.Dz => EffectSizeIndex.Dz,
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
