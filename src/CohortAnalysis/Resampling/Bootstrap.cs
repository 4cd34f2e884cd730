using MathNet.Numerics.Distributions;

namespace CohortAnalysis.Resampling;

/// <summary>Seeded, parallel, bit-reproducible non-parametric bootstrap of a statistic.</summary>
/// <remarks>
/// <para>Replicate i is drawn from a random stream derived from (seed, i) only and written to slot i, so the
/// replicates — and every interval built from them — are bit-identical for a given seed whatever the machine and
/// the thread count. Work is spread over cores with <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>
/// in chunks of replicates; progress is reported per chunk and cancellation is honoured between chunks
/// (an <see cref="OperationCanceledException"/> is thrown).</para>
/// <para>Intervals: percentile and basic use type-7 (linear) quantiles of the replicates, as numpy/scipy;
/// BCa uses z₀ = Φ⁻¹(#{θ* &lt; θ̂}/B) and the jackknife acceleration a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 (Σ(θ̄ − θ₍ᵢ₎)²)^{3/2})
/// (Efron 1987; Davison &amp; Hinkley 1997 §5.3), leaving out one observation at a time from every group. For a general
/// statistic that jackknife costs n evaluations on n − 1 values (O(n²)), done once whatever the number of resamples and
/// spread over cores; the effect-size estimators drop observations from the group moments instead (O(n)).</para>
/// <para>Memory: every interval needs quantiles of the replicates, so one double per replicate is kept (plus a sorted
/// copy while the interval is formed); <see cref="BootstrapOptions.MaxResamples"/> bounds it.</para>
/// <para>Thread safety: the statistic delegate is called concurrently and must not mutate shared state.</para>
/// </remarks>
public static class Bootstrap
{
    private const int ChunkSize = 64;

    /// <summary>Bootstraps a statistic of one sample (resampling its values with replacement).</summary>
    /// <param name="sample">The data (at least 2 values).</param>
    /// <param name="statistic">The statistic; called concurrently.</param>
    /// <param name="options">Settings; <see cref="BootstrapOptions.Default"/> when null.</param>
    /// <param name="progress">Receives progress per chunk of replicates.</param>
    /// <param name="cancellationToken">Stops the run between chunks.</param>
    public static BootstrapResult OneSample(ReadOnlySpan<double> sample, SampleStatistic statistic,
        BootstrapOptions? options = null, IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(statistic);
        return Run(Design.OneSample, sample.ToArray(), [], (x, _) => statistic(x), options, progress, cancellationToken);
    }

    /// <summary>Bootstraps a statistic of two independent groups, resampling within each group (stratified by group),
    /// so every resample keeps the observed group sizes.</summary>
    /// <param name="x">First group (at least 2 values).</param>
    /// <param name="y">Second group (at least 2 values).</param>
    /// <param name="statistic">The statistic; called concurrently.</param>
    /// <param name="options">Settings; <see cref="BootstrapOptions.Default"/> when null.</param>
    /// <param name="progress">Receives progress per chunk of replicates.</param>
    /// <param name="cancellationToken">Stops the run between chunks.</param>
    public static BootstrapResult TwoSample(ReadOnlySpan<double> x, ReadOnlySpan<double> y, TwoSampleStatistic statistic,
        BootstrapOptions? options = null, IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(statistic);
        return Run(Design.TwoSample, x.ToArray(), y.ToArray(), statistic, options, progress, cancellationToken);
    }

    /// <summary>Bootstraps a statistic of paired data, resampling pairs (x[i], y[i]) with replacement.</summary>
    /// <param name="x">First member of each pair.</param>
    /// <param name="y">Second member of each pair (same length as <paramref name="x"/>).</param>
    /// <param name="statistic">The statistic; called concurrently.</param>
    /// <param name="options">Settings; <see cref="BootstrapOptions.Default"/> when null.</param>
    /// <param name="progress">Receives progress per chunk of replicates.</param>
    /// <param name="cancellationToken">Stops the run between chunks.</param>
    public static BootstrapResult Paired(ReadOnlySpan<double> x, ReadOnlySpan<double> y, TwoSampleStatistic statistic,
        BootstrapOptions? options = null, IProgress<BootstrapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(statistic);
        if (x.Length != y.Length)
            throw new ArgumentException(FormattableString.Invariant($"Paired data need equal lengths; x has {x.Length} values and y has {y.Length}."), nameof(y));
        return Run(Design.Paired, x.ToArray(), y.ToArray(), statistic, options, progress, cancellationToken);
    }

    internal enum Design { OneSample, TwoSample, Paired }

    // jackknife: leave-one-out values for BCa when the caller can form them faster than Jackknife.Of (e.g. from group
    // moments); called only for BCa.
    internal static BootstrapResult Run(Design design, double[] x, double[] y, TwoSampleStatistic statistic,
        BootstrapOptions? options, IProgress<BootstrapProgress>? progress, CancellationToken cancellationToken,
        Func<double[]>? jackknife = null)
    {
        options ??= BootstrapOptions.Default;
        CiMethods.Require(options.Interval, "a bootstrap interval", nameof(options), CiMethod.BootstrapPercentile, CiMethod.BootstrapBasic, CiMethod.BootstrapBca);
        options.RequireTails();
        Guard.AtLeast(x.Length, 2, design == Design.TwoSample ? "x.Length" : "sample length");
        if (design == Design.TwoSample) Guard.AtLeast(y.Length, 2, "y.Length");

        double estimate = statistic(x, y);
        int resamples = options.Resamples;
        var replicates = new double[resamples];
        int chunks = (resamples + ChunkSize - 1) / ChunkSize;
        int completed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        ulong seed = options.Seed;

        Parallel.For(0, chunks, parallel,
            () => (X: new double[x.Length], Y: new double[y.Length]),
            (chunk, _, buffers) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                int end = Math.Min(resamples, (chunk + 1) * ChunkSize);
                for (int r = chunk * ChunkSize; r < end; r++)
                {
                    var random = Randomness.Xoshiro256.ForReplicate(seed, r);
                    Draw(design, x, y, buffers.X, buffers.Y, ref random);
                    replicates[r] = statistic(buffers.X, buffers.Y);
                }
                int done = Interlocked.Add(ref completed, end - chunk * ChunkSize);
                progress?.Report(new BootstrapProgress(done, resamples));
                return buffers;
            },
            _ => { });

        return Summarize(estimate, replicates, options,
            jackknife ?? (() => Jackknife.Of(design, x, y, statistic, options.MaxDegreeOfParallelism, cancellationToken))) with
        {
            Sizes = design == Design.TwoSample ? EstimateSizes.Two(x.Length, y.Length) : EstimateSizes.Single(x.Length),
        };
    }

    private static void Draw(Design design, double[] x, double[] y, double[] bx, double[] by, ref Randomness.Xoshiro256 random)
    {
        switch (design)
        {
            case Design.Paired:
                for (int k = 0; k < x.Length; k++) { int i = random.NextIndex(x.Length); bx[k] = x[i]; by[k] = y[i]; }
                break;
            default:
                for (int k = 0; k < x.Length; k++) bx[k] = x[random.NextIndex(x.Length)];
                for (int k = 0; k < y.Length; k++) by[k] = y[random.NextIndex(y.Length)];
                break;
        }
    }

    internal static BootstrapResult Summarize(double estimate, double[] replicates, BootstrapOptions options, Func<double[]> jackknife)
    {
        int invalid = 0;
        foreach (double r in replicates) if (double.IsNaN(r)) invalid++;
        var valid = new double[replicates.Length - invalid];   // the one sorted copy the quantiles need
        int k = 0;
        foreach (double r in replicates) if (!double.IsNaN(r)) valid[k++] = r;
        Array.Sort(valid);
        double mean = 0, ss = 0;
        int finite = 0;
        foreach (double v in valid) if (double.IsFinite(v)) { finite++; double delta = v - mean; mean += delta / finite; ss += delta * (v - mean); }
        double bias = finite > 0 ? mean - estimate : double.NaN;
        double se = finite > 1 ? Math.Sqrt(ss / (finite - 1)) : double.NaN;

        CiMethod method = options.Interval;
        double level = options.Alternative == Alternative.TwoSided ? options.CiLevel : 2 * options.CiLevel - 1;
        double pLow = (1 - level) / 2, pHigh = 1 - pLow;
        double lower, upper;
        if (valid.Length < 2 || double.IsNaN(estimate)) { lower = upper = double.NaN; }
        else
        {
            switch (options.Interval)
            {
                case CiMethod.BootstrapPercentile:
                    lower = Quantile(valid, pLow); upper = Quantile(valid, pHigh);
                    break;
                case CiMethod.BootstrapBasic:
                    lower = 2 * estimate - Quantile(valid, pHigh); upper = 2 * estimate - Quantile(valid, pLow);
                    break;
                default:
                    (lower, upper) = Bca(estimate, valid, jackknife(), pLow, pHigh);
                    break;
            }
        }
        if (options.Alternative == Alternative.Less) lower = double.NegativeInfinity;
        if (options.Alternative == Alternative.Greater) upper = double.PositiveInfinity;
        return new BootstrapResult(estimate, new ConfidenceInterval(lower, upper, options.CiLevel, method),
            replicates.Length, options.Seed, bias, se, invalid, Array.AsReadOnly(replicates));
    }

    private static (double, double) Bca(double estimate, double[] sorted, double[] jackknife, double pLow, double pHigh)
    {
        int below = 0;
        foreach (double v in sorted) if (v < estimate) below++;
        double z0 = Normal.InvCDF(0, 1, (double)below / sorted.Length);
        if (!double.IsFinite(z0)) return (double.NaN, double.NaN);

        double jackMean = 0;
        int m = 0;
        foreach (double v in jackknife) if (double.IsFinite(v)) { m++; jackMean += (v - jackMean) / m; }
        double num = 0, den = 0;
        foreach (double v in jackknife)
        {
            if (!double.IsFinite(v)) continue;
            double d = jackMean - v;
            num += d * d * d; den += d * d;
        }
        double a = den > 0 ? num / (6 * Math.Pow(den, 1.5)) : 0;
        double Adjust(double p)
        {
            double z = Normal.InvCDF(0, 1, p);
            return Normal.CDF(0, 1, z0 + (z0 + z) / (1 - a * (z0 + z)));
        }
        return (Quantile(sorted, Adjust(pLow)), Quantile(sorted, Adjust(pHigh)));
    }

    /// <summary>Type-7 (linear interpolation) quantile of sorted values, as R's default and numpy's "linear".</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        if (double.IsNaN(p)) return double.NaN;
        double h = (sorted.Length - 1) * Math.Clamp(p, 0, 1);
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        double a = sorted[lo], b = sorted[lo + 1];
        return a == b ? a : a + (h - lo) * (b - a);
    }
}
