using System.Globalization;
using CohortAnalysis.Models;

namespace CohortAnalysis.Missing;

/// <summary>Multiple imputation and conditional mean imputation of longitudinal outcomes from an MMRM, under MAR or a
/// reference-based strategy after discontinuation (J2R, CR, CIR, LMCF), with ANCOVA at each visit (or a user analysis)
/// on each completed dataset, pooling, delta adjustment and tipping-point analysis.</summary>
/// <remarks>
/// <para><b>Data.</b> Every subject with a baseline (and the covariates) at every post-baseline visit of the parameter.
/// A subject's last visit used is its intercurrent event's (<see cref="ImputationOptions.Events"/>), else its last
/// observed visit when a later visit is missing (monotone dropout; strategy <see cref="ImputationOptions.Strategy"/>).
/// Values after the last visit used are not used; missing visits before it (intermittent gaps) are MAR.</para>
/// <para><b>Imputation model.</b> MMRM Y ~ ARM + VISIT + ARM×VISIT + BASE + BASE×VISIT + covariates, unstructured Σ
/// (fallback chain as <see cref="Mmrm"/>), REML on the values used.</para>
/// <para><b>Strategies</b> (Carpenter, Roger &amp; Kenward 2013): subject i's mean profile μᵢ is built from its MMRM means
/// in its own arm and in the reference arm (<see cref="ImputationStrategy"/>); its missing values are drawn from (or set to
/// the mean of) y_M | y_O ~ N(μ_M + Σ_MO Σ_OO⁻¹(y_O − μ_O), Σ_MM − Σ_MO Σ_OO⁻¹ Σ_OM).</para>
/// <para><b>Methods.</b> <see cref="ImputationMethod.Bayesian"/>: (β, Σ) drawn from their posterior under the Jeffreys
/// prior |Σ|^−(T+1)/2 by Gibbs data augmentation (Σ | β,Y ~ W⁻¹(n, Σeᵢeᵢᵀ); β | Σ,Y ~ N(β̃_GLS, (ΣXᵢᵀΣ⁻¹Xᵢ)⁻¹); Tanner &amp;
/// Wong 1987; Schafer 1997 ch. 5), one draw per imputation, then conditional normal draws.
/// <see cref="ImputationMethod.ApproximateBayesian"/>: per imputation the MMRM is refitted on a bootstrap sample of subjects
/// stratified by arm, then conditional normal draws for the original data (Little &amp; Rubin 2019 §5.4; rbmi
/// <c>method_approxbayes</c>). Both pool by Rubin's rules with the Barnard–Rubin df (<see cref="RubinPooling"/>): t
/// interval, and the fraction of missing information. <see cref="ImputationMethod.ConditionalMean"/>: missing values set
/// to their conditional mean under the REML fit; θ̂ from that single completed dataset; SE by the jackknife
/// √((n − 1)/n·Σ(θ₋ᵢ − θ̄)²) over leave-one-subject-out refits (deterministic) or the bootstrap SD; CI θ̂ ± z₁₋α/₂·SE and p
/// from the normal, as rbmi <c>pool()</c> for the jackknife and <c>type = "normal"</c> for the bootstrap (von Hippel &amp;
/// Bartlett 2021; Wolbers et al. 2022).</para>
/// <para><b>Analysis.</b> Default: ANCOVA at each visit Y ~ ARM + BASE + covariates with LS means and differences from the
/// reference arm (as <see cref="Ancova"/>); complete-data df n − p. <see cref="ImputedDataAnalysis.Mmrm"/>: the MMRM with
/// the imputation model's terms and covariance structure on each completed dataset (REML, warm-started from the imputation
/// fit; LS means by arm and visit, Satterthwaite df, as <see cref="Mmrm.Fit"/>). Or a user analysis.</para>
/// <para><b>Reproducibility.</b> Imputation (or resample) m draws from a stream derived from (Seed, m) only and the Gibbs
/// chain runs on its own stream, so results are bit-identical for any <see cref="ImputationOptions.MaxDegreeOfParallelism"/>.
/// Progress per imputation; cancellation between imputations.</para>
/// <para>References: Carpenter, Roger &amp; Kenward (2013) J Biopharm Stat 23:1352-1371; Rubin (1987); Barnard &amp; Rubin
/// (1999) Biometrika 86:948-955; von Hippel &amp; Bartlett (2021) Stat Sci 36:400-420; Wolbers et al. (2022) Pharm Stat
/// 21:1246-1257; Schafer (1997).</para>
/// </remarks>
public static class MultipleImputation
{
    /// <summary>Imputes and analyses by ANCOVA at each visit, pooling LS means and differences.</summary>
    /// <param name="cohort">The cohort.</param>
    /// <param name="parameter">Parameter code or instrument alias.</param>
    /// <param name="options">Options; null = <see cref="ImputationOptions.Default"/>.</param>
    /// <param name="progress">Receives progress per posterior draw block, imputation or resample.</param>
    /// <param name="cancellationToken">Stops the run between imputations.</param>
    /// <exception cref="ArgumentException">Unknown parameter, covariate or reference arm; an event for an unknown subject or
    /// visit; LMCF for a subject with no value used; an option that does not apply to the method.</exception>
    /// <exception cref="ModelSpecificationException">One arm only, an arm without values at a visit, duplicate records.</exception>
    /// <exception cref="ModelFitException">The imputation model could not be fitted (each structure tried is named).</exception>
    public static ImputationResult Analyze(Cohort cohort, string parameter, ImputationOptions? options = null,
        IProgress<ImputationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Run(cohort, parameter, null, options ?? ImputationOptions.Default, progress, cancellationToken);

    /// <summary>Imputes and runs a user analysis on each completed dataset, pooling its estimates.</summary>
    /// <param name="cohort">The cohort.</param>
    /// <param name="parameter">Parameter code or instrument alias.</param>
    /// <param name="analysis">The analysis; called concurrently, once per completed dataset.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <param name="progress">Progress.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static ImputationResult Analyze(Cohort cohort, string parameter, CompleteDataAnalysis analysis, ImputationOptions? options = null,
        IProgress<ImputationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return Run(cohort, parameter, analysis, options ?? ImputationOptions.Default, progress, cancellationToken);
    }

    /// <summary>Delta-adjustment tipping-point analysis: the difference arm − reference at one visit for each δ added to
    /// the values imputed after discontinuation, and the δ at which significance is lost.</summary>
    /// <remarks>Imputations are made once and shifted by each δ (Ratitch, O'Kelly &amp; Tosiello 2013); each row is pooled
    /// as <see cref="Analyze(Cohort, string, ImputationOptions?, IProgress{ImputationProgress}?, CancellationToken)"/>.</remarks>
    /// <param name="cohort">The cohort.</param>
    /// <param name="parameter">Parameter code or instrument alias.</param>
    /// <param name="visit">Study time (AVISITN) of the visit.</param>
    /// <param name="deltas">The δ grid (finite values, at least one), e.g. 0, 0.5, …, 10.</param>
    /// <param name="options">Options; their <see cref="ImputationOptions.Delta"/> must be 0 (the grid replaces it).</param>
    /// <param name="arm">The treatment arm; null when there is one arm besides the reference.</param>
    /// <param name="progress">Progress.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static TippingPointResult TippingPoint(Cohort cohort, string parameter, double visit, IReadOnlyList<double> deltas,
        ImputationOptions? options = null, string? arm = null, IProgress<ImputationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        options ??= ImputationOptions.Default;
        if (deltas.Count == 0) throw new ArgumentException("The delta grid is empty; give at least one delta.", nameof(deltas));
        foreach (double d in deltas)
            if (!double.IsFinite(d)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Delta {d} in the grid is not finite."), nameof(deltas));
        if (options.Delta != 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Delta = {options.Delta} does not apply to a tipping-point analysis (the grid gives the deltas); leave it 0."), nameof(options));
        ImputationRun run = ImputationRun.Prepare(cohort, parameter, options, null);
        ImputationData data = run.Data;
        int j = data.Visits.Select(v => v.Time).ToList().IndexOf(visit);
        if (j < 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"No post-baseline visit {visit} of {data.Parameter}; visits are: {string.Join(", ", data.Visits.Select(v => v.Time.ToString(CultureInfo.InvariantCulture)))}."), nameof(visit));
        string reference = data.ArmLevels[data.ReferenceArm];
        string[] active = data.ArmLevels.Where(a => a != reference).ToArray();
        string treated = arm ?? (active.Length == 1 ? active[0]
            : throw new ArgumentException($"Name the arm to compare with {reference}: the arms are {string.Join(", ", active)}.", nameof(arm)));
        if (!active.Contains(treated))
            throw new ArgumentException($"No arm '{treated}' to compare with {reference}; arms are: {string.Join(", ", active)}.", nameof(arm));
        run.Impute(progress, cancellationToken);
        int slot = Enumerable.Range(0, run.Analysis.Slots.Count).First(k =>
        {
            EstimateSlot s = run.Analysis.Slots[k];
            return s.IsDifference && s.Comparison.Arm == treated && s.Comparison.Visit == data.Visits[j];
        });
        Action? analysed = Counter(progress, run.Samples * deltas.Count);
        var rows = deltas.Select(d => run.Pool(d, cancellationToken, analysed)[slot]).ToList();
        double alpha = 1 - options.CiLevel;
        double? tipping = null;
        bool significant = false;
        foreach (PooledEstimate row in rows)
        {
            if (row.PValue < alpha) significant = true;
            else if (significant) { tipping = row.Delta; break; }
        }
        return new TippingPointResult
        {
            Options = options, Parameter = data.Parameter, Visit = data.Visits[j], Arm = treated, ReferenceArm = reference,
            Rows = rows, TippingDelta = tipping,
        };
    }

    /// <summary>Reports the "analyses" stage: one unit per completed dataset analysed (per δ in a tipping-point grid).</summary>
    private static Action? Counter(IProgress<ImputationProgress>? progress, int total)
    {
        if (progress is null) return null;
        int done = 0;
        return () => progress.Report(new ImputationProgress(AnalysesStage, Interlocked.Increment(ref done), total));
    }

    internal const string AnalysesStage = "analyses";

    private static ImputationResult Run(Cohort cohort, string parameter, CompleteDataAnalysis? analysis, ImputationOptions options,
        IProgress<ImputationProgress>? progress, CancellationToken cancellationToken)
    {
        ImputationRun run = ImputationRun.Prepare(cohort, parameter, options, analysis);
        run.Impute(progress, cancellationToken);
        IReadOnlyList<PooledEstimate> estimates = run.Pool(options.Delta, cancellationToken, Counter(progress, run.Samples));
        ImputationData d = run.Data;
        return new ImputationResult
        {
            Options = options, Parameter = d.Parameter, ReferenceArm = d.ArmLevels[d.ReferenceArm], Imputations = run.Samples,
            Estimates = estimates,
            SubjectStrategies = Enumerable.Range(0, d.N).Select(i => new SubjectStrategy(d.SubjectIds[i], d.ArmLevels[d.Arm[i]],
                d.LastUsed[i] < 0 ? null : d.Visits[d.LastUsed[i]], d.Strategy[i], d.Source[i], d.ValuesImputed(i), d.Discarded[i])).ToList(),
            Excluded = d.Excluded, StructureUsed = run.Structure,
            StructureNote = run.Notes.Count == 0 ? "as requested" : string.Join("; ", run.Notes),
        };
    }
}
