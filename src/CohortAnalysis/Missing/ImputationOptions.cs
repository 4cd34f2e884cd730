using System.Globalization;
using CohortAnalysis.Models;

namespace CohortAnalysis.Missing;

/// <summary>Options of <see cref="MultipleImputation"/>: the imputation model, the method, the strategy after
/// discontinuation, intercurrent events, delta adjustment and the seeded, parallel run.</summary>
/// <remarks>Immutable; use <c>with</c>. Nonsense values throw when set (naming the property); options that do not
/// apply to <see cref="Method"/> throw when the analysis starts (an option is never silently ignored).</remarks>
public sealed record ImputationOptions
{
    /// <summary>The defaults: Bayesian MI, M = 100, MAR, seed 20240601, 95%.</summary>
    public static ImputationOptions Default { get; } = new();

    /// <value>Default <see cref="ChangeVariable.Change"/> (CHG), as <see cref="MmrmOptions.Outcome"/>.</value>
    public ChangeVariable Outcome { get; init; } = ChangeVariable.Change;

    /// <value>Default <see cref="ImputationMethod.Bayesian"/> (rbmi's reference method).</value>
    public ImputationMethod Method { get; init; } = ImputationMethod.Bayesian;

    /// <value>Default <see cref="ImputationStrategy.Mar"/>: the strategy for the visits after discontinuation (the first
    /// missing visit with nothing observed after it) of subjects without an <see cref="IntercurrentEvent"/>.</value>
    public ImputationStrategy Strategy { get; init; } = ImputationStrategy.Mar;

    /// <value>Default empty. Per-subject last visit used and strategy; they override the dropout rule.</value>
    public IReadOnlyList<IntercurrentEvent> Events { get; init; } = [];

    /// <value>Default null: the arm named placebo, else the first alphabetically (<see cref="CohortAnalysis.ReferenceArm.Resolve"/>).
    /// The reference of J2R, CR and CIR and of the differences.</value>
    public string? ReferenceArm { get; init; }

    /// <value>Default empty. Subject-level covariates (factors) in the imputation MMRM and in the ANCOVA.</value>
    public IReadOnlyList<string> Covariates { get; init; } = [];

    /// <value>Default <see cref="CovarianceStructure.Unstructured"/>: the imputation MMRM's covariance (rbmi's default "us").</value>
    public CovarianceStructure Covariance { get; init; } = CovarianceStructure.Unstructured;

    /// <value>Default as <see cref="MmrmOptions.Fallback"/>: heterogeneous Toeplitz, heterogeneous AR(1), compound symmetry,
    /// tried in order when <see cref="Covariance"/> does not converge on the full data. Empty: no fallback.</value>
    public IReadOnlyList<CovarianceStructure> Fallback { get; init; } = MmrmOptions.Default.Fallback;

    /// <value>Default <see cref="ImputedDataAnalysis.AncovaAtEachVisit"/>: the analysis of each completed dataset. With
    /// <see cref="ImputedDataAnalysis.Mmrm"/> each is analysed by the MMRM with the imputation model's fixed effects and
    /// covariance structure (see the enum). Must stay the default when a user analysis is given.</value>
    public ImputedDataAnalysis Analysis { get; init; } = ImputedDataAnalysis.AncovaAtEachVisit;

    /// <value>Default null: M = 100 imputations for Bayesian and approximate Bayesian MI (rbmi examples use 100-1000), and
    /// B = 1000 bootstrap samples for conditional mean imputation with <see cref="ResamplingVariance.Bootstrap"/>. Must
    /// stay null with the jackknife (n samples, one per subject). At least 2.</value>
    public int? Imputations
    {
        get;
        init
        {
            if (value is < 2 or > 100_000)
                throw new ArgumentOutOfRangeException(nameof(Imputations), value, string.Create(CultureInfo.InvariantCulture,
                    $"Imputations = {value} must lie between 2 and 100000 (default 100)."));
            field = value;
        }
    }

    /// <value>Default null: <see cref="ResamplingVariance.Jackknife"/> for conditional mean imputation; any other method throws.</value>
    public ResamplingVariance? Variance { get; init; }

    /// <value>Default null: 200 Gibbs iterations discarded before the first draw (Bayesian only; others throw). At least 0.</value>
    public int? BurnIn
    {
        get;
        init
        {
            if (value is < 0) throw new ArgumentOutOfRangeException(nameof(BurnIn), value, string.Create(CultureInfo.InvariantCulture, $"BurnIn = {value} must be at least 0 (default 200)."));
            field = value;
        }
    }

    /// <value>Default null: 10 Gibbs iterations between kept draws (Bayesian only; others throw). At least 1.</value>
    public int? Thin
    {
        get;
        init
        {
            if (value is < 1) throw new ArgumentOutOfRangeException(nameof(Thin), value, string.Create(CultureInfo.InvariantCulture, $"Thin = {value} must be at least 1 (default 10)."));
            field = value;
        }
    }

    /// <value>Default 0. δ added (on the outcome's scale) to every value imputed after a subject's last visit used, in
    /// the arms of <see cref="DeltaArms"/> (intermittent gaps stay MAR, unshifted).</value>
    public double Delta
    {
        get;
        init { Guard.Finite(value, nameof(Delta)); field = value; }
    }

    /// <value>Default <see cref="Missing.DeltaArms.Active"/>: every arm but the reference.</value>
    public DeltaArms DeltaArms { get; init; } = DeltaArms.Active;

    /// <value>Default 20240601, echoed on the result. Imputation (or resample) m draws from a stream derived from
    /// (Seed, m) only; the Gibbs chain from its own stream. Conditional mean with the jackknife draws nothing.</value>
    public ulong Seed { get; init; } = 20240601;

    /// <value>Default 0.95.</value>
    public double CiLevel
    {
        get;
        init { Guard.CiLevel(value, nameof(CiLevel)); field = value; }
    } = 0.95;

    /// <value>Default −1: all cores. Any value gives the same bits.</value>
    public int MaxDegreeOfParallelism
    {
        get;
        init { Guard.DegreeOfParallelism(value, nameof(MaxDegreeOfParallelism)); field = value; }
    } = -1;

    internal const int DefaultImputations = 100, DefaultBootstrapSamples = 1000, DefaultBurnIn = 200, DefaultThin = 10;

    /// <summary>Throws for an option set that does not apply to <see cref="Method"/>.</summary>
    internal void RequireApplicable()
    {
        if (Method != ImputationMethod.ConditionalMean && Variance is { } v)
            throw new ArgumentException($"Variance = {v} applies to conditional mean imputation only; Method is {Method}.", "options");
        if (Method != ImputationMethod.Bayesian && (BurnIn is not null || Thin is not null))
            throw new ArgumentException($"{(BurnIn is not null ? "BurnIn" : "Thin")} applies to Bayesian imputation only; Method is {Method}.", "options");
        if (Method == ImputationMethod.ConditionalMean && (Variance ?? ResamplingVariance.Jackknife) == ResamplingVariance.Jackknife && Imputations is { } m)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Imputations = {m} does not apply to conditional mean imputation with the jackknife (one sample per subject); set Variance = Bootstrap to choose the number of bootstrap samples."), "options");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (IntercurrentEvent e in Events)
        {
            ArgumentNullException.ThrowIfNull(e, "options.Events");
            if (!seen.Add(e.Subject))
                throw new ArgumentException($"Subject {e.Subject} has more than one intercurrent event; give one (its last visit used and the strategy after it).", "options");
        }
    }

    internal int SampleCount(int subjects) => Method switch
    {
        ImputationMethod.ConditionalMean => (Variance ?? ResamplingVariance.Jackknife) == ResamplingVariance.Jackknife ? subjects : Imputations ?? DefaultBootstrapSamples,
        _ => Imputations ?? DefaultImputations,
    };
}
