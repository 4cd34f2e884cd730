using System.Globalization;
using CohortAnalysis.Change;

namespace CohortAnalysis.Responders;

/// <summary>Responder and remission analyses: per-arm proportions with CIs, comparisons with the reference arm, and
/// stratified (CMH) comparisons; also for joint mood-and-pain responders.</summary>
/// <remarks>Thread-safe (pure functions of immutable inputs).</remarks>
public static class ResponderAnalysis
{
    /// <summary>Classifies subjects with <paramref name="rule"/> at <paramref name="visit"/> and analyses them.</summary>
    /// <remarks>
    /// <para>Per arm: responders / denominator with a Wilson interval (Wilson 1927; Clopper–Pearson, Agresti–Coull or Wald
    /// by <see cref="ResponderAnalysisOptions.Proportion"/>). Non-completers count as non-responders by default.</para>
    /// <para>Each arm against the reference: risk difference with the Newcombe (1998, method 10) hybrid score interval,
    /// risk ratio with a log-scale Wald interval, odds ratio with Woolf's logit interval, NNT = 1/RD with its interval
    /// from the RD interval (Altman 1998), Fisher's exact and Pearson chi-square p.</para>
    /// </remarks>
    public static ResponderTable Analyze(Trajectories trajectories, ResponderRule rule, double visit, ResponderAnalysisOptions? options = null) =>
        Analyze(ResponderClassification.Of(trajectories, rule, visit), options);

    /// <summary>Analyses an existing classification (e.g. a joint one from <see cref="ResponderClassification.Joint"/>).</summary>
    public static ResponderTable Analyze(ResponderClassification classification, ResponderAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classification);
        options ??= ResponderAnalysisOptions.Default;
        Cohort cohort = classification.Cohort;
        IReadOnlyList<ArmResponderCount> counts = classification.CountByArm(options.NonCompleters);
        var cell = new Comparison
        {
            Parameter = classification.Parameter, Visit = classification.Visit, MissingData = classification.MissingData,
            Term = classification.Rule,
        };
        var arms = counts.Where(c => c.Denominator + c.NotEvaluable > 0)
            .Select(c => new ArmResponders(c, ArmRate(c, options, cell with { Arm = c.Arm }))).ToList();

        (string reference, ReferenceArmSource source) = ResolveReference(cohort, options);
        ArmResponderCount referenceCount = counts.Single(c => c.Arm == reference);
        var comparisons = new List<ResponderComparison>();
        var stratified = new List<StratifiedResponderComparison>();
        foreach (ArmResponderCount treatment in counts.Where(c => c.Arm != reference && c.Denominator > 0))
        {
            if (referenceCount.Denominator == 0) break;
            var table = new ResponderCounts(treatment.Responders, treatment.Denominator, referenceCount.Responders, referenceCount.Denominator);
            RiskComparisonOptions o = options.Comparison;
            Comparison between = cell with { Arm = treatment.Arm, ReferenceArm = reference, ReferenceSource = source };
            RiskEstimate rd = RiskComparison.RiskDifference(table, o) with { Comparison = between };
            NntEstimate nnt = RiskComparison.NumberNeededToTreat(table, o);
            nnt = nnt with { RiskDifference = nnt.RiskDifference with { Comparison = between } };
            comparisons.Add(new ResponderComparison(treatment.Arm, reference, table,
                rd, RiskComparison.RiskRatio(table, o) with { Comparison = between }, RiskComparison.OddsRatio(table, o) with { Comparison = between },
                nnt, RiskComparison.FisherExact(table, o) with { Comparison = between }, RiskComparison.ChiSquare(table, o) with { Comparison = between }));
            if (options.StratifyBy is { } covariate)
                stratified.Add(Stratify(classification, options, covariate, treatment.Arm, reference, between with { Subgroup = "stratified by " + covariate }));
        }
        return new ResponderTable(classification.Parameter, classification.Rule, classification.Visit, classification.MissingData,
            options.NonCompleters, arms, comparisons, stratified) { Report = cohort.Report };
    }

    /// <summary>The arm's rate, its comparison key, and how its not-evaluable subjects were counted.</summary>
    private static ProportionEstimate ArmRate(ArmResponderCount c, ResponderAnalysisOptions options, Comparison comparison)
    {
        bool excluded = options.NonCompleters == NonCompleterHandling.ObservedCases;
        string note = c.NotEvaluable == 0 ? ""
            : excluded ? string.Create(CultureInfo.InvariantCulture, $"{c.NotEvaluable} not-evaluable subjects left out (observed cases)")
            : string.Create(CultureInfo.InvariantCulture, $"{c.NotEvaluable} not-evaluable subjects counted as non-responders");
        ProportionEstimate rate = c.Denominator == 0
            ? new ProportionEstimate(0, EstimateSizes.Single(0), double.NaN, ConfidenceInterval.NotEstimable(options.Proportion.CiLevel, options.Proportion.Method),
                "no evaluable subject", "") { Note = "no subject in the denominator" }
            : Proportions.Rate(c.Responders, c.Denominator, options.Proportion);
        return rate with
        {
            Comparison = comparison,
            Sizes = EstimateSizes.Single(c.Denominator, excluded: excluded ? c.NotEvaluable : 0),
            Note = rate.Note.Length == 0 ? note : note.Length == 0 ? rate.Note : rate.Note + "; " + note,
        };
    }

    /// <summary>Joint responders (both classifications), with the same per-arm and between-arm analysis.</summary>
    public static ResponderTable Joint(ResponderClassification first, ResponderClassification second, ResponderAnalysisOptions? options = null) =>
        Analyze(ResponderClassification.Joint(first, second), options);

    private static StratifiedResponderComparison Stratify(ResponderClassification c, ResponderAnalysisOptions options, string covariate,
        string treatment, string reference, Comparison comparison)
    {
        Cohort cohort = c.Cohort;
        IReadOnlyList<string?> levels = cohort.CovariateValues(covariate)
            ?? throw new ArgumentException($"The cohort has no covariate '{covariate}'; it has: {string.Join(", ", cohort.CovariateNames)}.", nameof(options));
        int t = cohort.Arms.ToList().IndexOf(treatment), r = cohort.Arms.ToList().IndexOf(reference);
        var strata = new SortedDictionary<string, int[]>(StringComparer.Ordinal); // responders T, n T, responders R, n R
        for (int i = 0; i < c.SubjectIndices.Count; i++)
        {
            int subject = c.SubjectIndices[i], arm = cohort.ArmIndexOfSubject(subject);
            if (arm != t && arm != r) continue;
            bool? status = c.Status[i];
            if (status is null && options.NonCompleters == NonCompleterHandling.ObservedCases) continue;
            string level = levels[subject] ?? "(missing)";
            if (!strata.TryGetValue(level, out int[]? cells)) strata[level] = cells = new int[4];
            int offset = arm == t ? 0 : 2;
            cells[offset + 1]++;
            if (status == true) cells[offset]++;
        }
        List<ResponderCounts> tables = strata.Values.Select(x => new ResponderCounts(x[0], x[1], x[2], x[3])).ToList();
        RiskComparisonOptions o = options.Comparison;
        return new StratifiedResponderComparison(treatment, reference, covariate, tables,
            StratifiedRisk.MantelHaenszelOddsRatio(tables, o) with { Comparison = comparison },
            StratifiedRisk.MantelHaenszelRiskRatio(tables, o) with { Comparison = comparison },
            StratifiedRisk.CochranMantelHaenszel(tables, o) with { Comparison = comparison });
    }

    /// <summary>The reference arm: the one named in the options, else guessed by <see cref="CohortAnalysis.ReferenceArm.Resolve"/>
    /// (the result's comparison says how).</summary>
    internal static (string Arm, ReferenceArmSource Source) ResolveReference(Cohort cohort, ResponderAnalysisOptions options)
    {
        try
        {
            return CohortAnalysis.ReferenceArm.Resolve(cohort.Arms, options.Reference);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(e.Message, nameof(options), e);
        }
    }
}
