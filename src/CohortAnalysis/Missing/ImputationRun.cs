using System.Globalization;
using CohortAnalysis.Models;
using CohortAnalysis.Numerics;
using CohortAnalysis.Randomness;

namespace CohortAnalysis.Missing;

/// <summary>One imputation analysis from data to pooled estimates: fit the imputation model, make the completed
/// datasets (one per imputation, jackknife or bootstrap sample), then for each δ shift, analyse and pool.</summary>
/// <remarks>The completed datasets do not depend on δ (δ is added afterwards to the values imputed after each subject's
/// last visit used, in the arms of <see cref="ImputationOptions.DeltaArms"/>), so a tipping-point grid reuses them: the
/// same draws for every δ. Sample s draws only from stream (seed, s); results go to slot s: bit-identical for any
/// thread count.</remarks>
internal sealed class ImputationRun
{
    private readonly ImputationOptions _options;
    private readonly ICompletedAnalysis _analysis;
    private readonly string _analysisDescription;
    private readonly int[] _all;
    private int[][] _subjects = [];
    private double[][] _completed = [];
    private double[]? _conditionalMean;

    private ImputationRun(ImputationData data, ImputationOptions options, ModelParameters fit, CovarianceStructure structure,
        IReadOnlyList<string> notes, ICompletedAnalysis analysis, string analysisDescription)
    {
        Data = data;
        _options = options;
        Fit = fit;
        Structure = structure;
        Notes = notes;
        _analysis = analysis;
        _analysisDescription = analysisDescription;
        _all = Enumerable.Range(0, data.N).ToArray();
    }

    public ImputationData Data { get; }
    public ModelParameters Fit { get; }
    public CovarianceStructure Structure { get; }
    public IReadOnlyList<string> Notes { get; }
    public int Samples => _completed.Length;
    public ICompletedAnalysis Analysis => _analysis;
    private MissingDataMethod MissingData => _options.Method == ImputationMethod.ConditionalMean ? MissingDataMethod.ConditionalMeanImputation : MissingDataMethod.MultipleImputation;
    private ResamplingVariance Variance => _options.Variance ?? ResamplingVariance.Jackknife;

    public static ImputationRun Prepare(Cohort cohort, string parameter, ImputationOptions options, CompleteDataAnalysis? user)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(parameter);
        options.RequireApplicable();
        if (user is not null && options.Analysis != ImputedDataAnalysis.AncovaAtEachVisit)
            throw new ArgumentException($"Analysis = {options.Analysis} does not apply when a user analysis is given (it analyses each completed dataset); leave Analysis at its default.", "options");
        ImputationData data = ImputationData.Build(cohort, parameter, options);
        var (fit, structure, notes) = ImputationModel.FitFull(data, options);
        MissingDataMethod method = options.Method == ImputationMethod.ConditionalMean ? MissingDataMethod.ConditionalMeanImputation : MissingDataMethod.MultipleImputation;
        if (user is not null)
            return new ImputationRun(data, options, fit, structure, notes, new UserAnalysis(data, user), "user analysis");
        string term = StrategyTerm(options, options.Delta);
        if (options.Analysis == ImputedDataAnalysis.Mmrm)
        {
            var mmrm = new CompletedMmrm(data, structure, fit.Theta, method, term);
            return new ImputationRun(data, options, fit, structure, notes, mmrm, mmrm.Description);
        }
        var ancova = new CompletedAncova(data, method, term);
        return new ImputationRun(data, options, fit, structure, notes, ancova, $"ANCOVA at each visit, {ancova.Formula}");
    }

    internal static string StrategyTerm(ImputationOptions options, double delta)
    {
        string text = options.Strategy.Token().ToUpperInvariant();
        if (options.Events.Count > 0) text += " (and intercurrent events)";
        if (delta != 0) text += string.Create(CultureInfo.InvariantCulture, $", delta {delta:0.####} ({options.DeltaArms.Token()} arms)");
        return text;
    }

    /// <summary>Makes the completed datasets.</summary>
    public void Impute(IProgress<ImputationProgress>? progress, CancellationToken cancellationToken)
    {
        ImputationData d = Data;
        int count = _options.SampleCount(d.N);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        int[][] byArm = d.SubjectsByArm();
        _subjects = new int[count][];
        _completed = new double[count][];
        int done = 0;
        string stage;
        switch (_options.Method)
        {
            case ImputationMethod.Bayesian:
            {
                stage = "imputations";
                ModelParameters[] draws = PosteriorSampler.Draw(d, Fit, _options.BurnIn ?? ImputationOptions.DefaultBurnIn,
                    _options.Thin ?? ImputationOptions.DefaultThin, count, _options.Seed, progress, cancellationToken);
                ForEach(count, parallel, m =>
                {
                    var random = new SeededRandom(Xoshiro256.ForReplicate(_options.Seed, m));
                    _subjects[m] = _all;
                    _completed[m] = Complete(draws[m], _all, random);
                    progress?.Report(new ImputationProgress(stage, Interlocked.Increment(ref done), count));
                });
                break;
            }
            case ImputationMethod.ApproximateBayesian:
                stage = "imputations";
                ForEach(count, parallel, m =>
                {
                    var random = new SeededRandom(Xoshiro256.ForReplicate(_options.Seed, m));
                    int[] sample = Resample(byArm, random);
                    ModelParameters fit = ImputationModel.FitSample(d, sample, Structure, Fit.Theta, out string note)
                        ?? throw new ModelFitException(string.Create(CultureInfo.InvariantCulture,
                            $"{d.Parameter}: approximate Bayesian imputation {m + 1}: the {MmrmEstimation.Describe(Structure)} imputation model did not converge on its bootstrap sample ({note}); try another Seed or a covariance structure with fewer parameters."));
                    _subjects[m] = _all;
                    _completed[m] = Complete(fit, _all, random);
                    progress?.Report(new ImputationProgress(stage, Interlocked.Increment(ref done), count));
                });
                break;
            default:
                _conditionalMean = Complete(Fit, _all, null);
                bool jackknife = Variance == ResamplingVariance.Jackknife;
                stage = jackknife ? "jackknife" : "bootstrap";
                ForEach(count, parallel, s =>
                {
                    int[] sample;
                    if (jackknife) sample = _all.Where(i => i != s).ToArray();
                    else sample = Resample(byArm, new SeededRandom(Xoshiro256.ForReplicate(_options.Seed, s)));
                    ModelParameters fit = ImputationModel.FitSample(d, sample, Structure, Fit.Theta, out string note)
                        ?? throw new ModelFitException(jackknife
                            ? $"{d.Parameter}: jackknife sample without subject {d.SubjectIds[s]}: the {MmrmEstimation.Describe(Structure)} imputation model did not converge ({note})."
                            : string.Create(CultureInfo.InvariantCulture, $"{d.Parameter}: bootstrap sample {s + 1}: the {MmrmEstimation.Describe(Structure)} imputation model did not converge ({note}); try another Seed or a covariance structure with fewer parameters."));
                    _subjects[s] = sample;
                    _completed[s] = Complete(fit, sample.Distinct().ToArray(), null);
                    progress?.Report(new ImputationProgress(stage, Interlocked.Increment(ref done), count));
                });
                break;
        }
        if (_analysis is UserAnalysis user) user.Initialize(_all, _conditionalMean ?? _completed[0]);
    }

    /// <summary>Parallel.For over [0, count) that rethrows the first failure as itself (a model that did not converge
    /// names its sample), not wrapped in an <see cref="AggregateException"/>.</summary>
    private static void ForEach(int count, ParallelOptions parallel, Action<int> body)
    {
        try { Parallel.For(0, count, parallel, body); }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private double[] Complete(ModelParameters parameters, int[] subjects, SeededRandom? random)
    {
        ImputationData d = Data;
        int t = d.T;
        var values = (double[])d.Y.Clone();
        var conditional = new ConditionalNormal(parameters.Sigma, t);
        var mu = new double[t];
        foreach (int i in subjects)
        {
            ulong mask = d.ObservedMask(i);
            if (BitCount(mask) == t) continue;
            StrategyMeans.Fill(d, i, parameters.Beta, mu);
            conditional.Impute(values.AsSpan(i * t, t), mu, mask, random);
        }
        return values;
    }

    private static int BitCount(ulong mask) => System.Numerics.BitOperations.PopCount(mask);

    private static int[] Resample(int[][] byArm, SeededRandom random)
    {
        var sample = new List<int>();
        foreach (int[] arm in byArm)
            for (int k = 0; k < arm.Length; k++) sample.Add(arm[random.Next(arm.Length)]);
        return sample.ToArray();
    }

    /// <summary>Analyses every completed dataset with δ added and pools; <paramref name="analysed"/> is called (from any
    /// thread) after each dataset's analysis.</summary>
    public IReadOnlyList<PooledEstimate> Pool(double delta, CancellationToken cancellationToken, Action? analysed = null)
    {
        ImputationData d = Data;
        int count = _completed.Length;
        int slots = _analysis.Slots.Count;
        var estimates = new double[count][];
        var variances = new double[count][];
        var dfs = new double[count][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        ForEach(count, parallel, s =>
        {
            estimates[s] = new double[slots]; variances[s] = new double[slots]; dfs[s] = new double[slots];
            _analysis.Analyze(_subjects[s], Shift(_completed[s], delta), estimates[s], variances[s], dfs[s]);
            analysed?.Invoke();
        });
        string method = Describe(delta);
        string reference = References();
        string note = Notes.Count == 0 ? "" : $"Imputation model: {MmrmEstimation.Describe(Structure)} covariance after the fallback chain ({string.Join("; ", Notes)}).";
        var pooled = new PooledEstimate[slots];
        double[] point = new double[slots];
        if (_options.Method == ImputationMethod.ConditionalMean)
            _analysis.Analyze(_all, Shift(_conditionalMean!, delta), point, new double[slots], new double[slots]);
        for (int k = 0; k < slots; k++)
        {
            EstimateSlot slot = _analysis.Slots[k];
            Comparison comparison = _analysis is not UserAnalysis ? slot.Comparison with { Term = StrategyTerm(_options, delta) } : slot.Comparison;
            if (_options.Method != ImputationMethod.ConditionalMean)
            {
                double[] e = estimates.Select(r => r[k]).ToArray(), v = variances.Select(r => r[k]).ToArray();
                if (e.Any(x => !double.IsFinite(x)) || v.Any(x => !double.IsFinite(x)))
                    throw new NotEstimableException($"{slot.Name} ({comparison.Describe()}): the analysis gave no finite estimate on some imputed dataset.");
                pooled[k] = RubinPooling.Combine(e, v, dfs[0][k], _options.CiLevel, comparison, slot.Name, method, note, slot.Sizes) with { Reference = reference, Delta = delta };
            }
            else pooled[k] = Resampled(point[k], estimates.Select(r => r[k]).ToArray(), slot, comparison, delta, method, reference, note);
        }
        return pooled;
    }

    private PooledEstimate Resampled(double estimate, double[] replicates, EstimateSlot slot, Comparison comparison, double delta,
        string method, string reference, string note)
    {
        int count = replicates.Length;
        double mean = replicates.Average();
        double ss = replicates.Sum(r => (r - mean) * (r - mean));
        // Jackknife: √((n − 1)/n·Σ(θ₋ᵢ − θ̄)²) (Efron & Stein 1981; rbmi); bootstrap: SD of the replicates.
        double se = Variance == ResamplingVariance.Jackknife ? Math.Sqrt((count - 1.0) / count * ss) : Math.Sqrt(ss / (count - 1));
        double z = Distributions.NormalQuantile(1 - (1 - _options.CiLevel) / 2);
        double statistic = estimate / se;
        return new PooledEstimate(slot.Name, estimate, se, double.PositiveInfinity, statistic, 2 * Distributions.NormalCdf(-Math.Abs(statistic)),
            new ConfidenceInterval(estimate - z * se, estimate + z * se, _options.CiLevel, CiMethod.Normal), slot.Sizes, comparison, method, reference, note)
        {
            Imputations = count, TotalVariance = se * se, Delta = delta,
        };
    }

    private double[] Shift(double[] values, double delta)
    {
        if (delta == 0) return values;
        ImputationData d = Data;
        int t = d.T;
        var shifted = (double[])values.Clone();
        for (int i = 0; i < d.N; i++)
        {
            if (_options.DeltaArms == DeltaArms.Active && d.Arm[i] == d.ReferenceArm) continue;
            for (int j = d.LastUsed[i] + 1; j < t; j++) shifted[i * t + j] += delta;
        }
        return shifted;
    }

    private string Describe(double delta)
    {
        ImputationData d = Data;
        int m = _completed.Length;
        string how = _options.Method switch
        {
            ImputationMethod.Bayesian => string.Create(CultureInfo.InvariantCulture,
                $"Bayesian multiple imputation (M = {m}; Gibbs data augmentation, Jeffreys prior, burn-in {_options.BurnIn ?? ImputationOptions.DefaultBurnIn}, thinning {_options.Thin ?? ImputationOptions.DefaultThin}; seed {_options.Seed})"),
            ImputationMethod.ApproximateBayesian => string.Create(CultureInfo.InvariantCulture,
                $"approximate Bayesian multiple imputation (M = {m} REML refits on bootstrap samples stratified by arm; seed {_options.Seed})"),
            _ => Variance == ResamplingVariance.Jackknife
                ? string.Create(CultureInfo.InvariantCulture, $"conditional mean imputation, jackknife SE ({m} leave-one-subject-out refits)")
                : string.Create(CultureInfo.InvariantCulture, $"conditional mean imputation, bootstrap SE (B = {m} refits on samples stratified by arm; seed {_options.Seed})"),
        };
        int events = d.Source.Count(s => s == StrategySource.Event), dropouts = d.Source.Count(s => s == StrategySource.Dropout);
        string pooling = _options.Method == ImputationMethod.ConditionalMean ? "normal CI" : "Rubin's rules, Barnard-Rubin df";
        string shift = delta == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; delta {delta:0.####} added to values imputed after discontinuation ({_options.DeltaArms.Token()} arms)");
        return string.Create(CultureInfo.InvariantCulture,
            $"{how}; {_options.Strategy.Token().ToUpperInvariant()} after discontinuation ({dropouts} subjects), {events} intercurrent events, intermittent gaps MAR; reference {d.ArmLevels[d.ReferenceArm]}; imputation model MMRM {d.Formula}, {MmrmEstimation.Describe(Structure)} covariance, REML; {_analysisDescription}; {pooling}{shift}");
    }

    private string References() => _options.Method switch
    {
        ImputationMethod.Bayesian => $"{Citations.CarpenterRogerKenward2013} {Citations.Schafer1997} {Citations.Rubin1987} {Citations.BarnardRubin1999}",
        ImputationMethod.ApproximateBayesian => $"{Citations.CarpenterRogerKenward2013} {Citations.LittleRubin2019} {Citations.Rubin1987} {Citations.BarnardRubin1999}",
        _ => $"{Citations.CarpenterRogerKenward2013} {Citations.Wolbers2022} {Citations.VonHippelBartlett2021}",
    };
}
