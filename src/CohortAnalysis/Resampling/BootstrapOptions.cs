using System.Globalization;

namespace CohortAnalysis.Resampling;

/// <summary>Settings of a seeded, parallel, reproducible bootstrap.</summary>
/// <remarks>Immutable. Replicate i draws from a random stream derived from (<see cref="Seed"/>, i) only, so the
/// result is bit-identical for a given seed on any machine and with any <see cref="MaxDegreeOfParallelism"/>.
/// Nonsense is refused when the record is built (<see cref="ArgumentOutOfRangeException"/> naming the property).</remarks>
public sealed record BootstrapOptions
{
    /// <summary>The fewest resamples accepted: 100. Below it a 95% interval's tails hold fewer than three replicates;
    /// Efron &amp; Tibshirani (1993, §19.3) recommend at least 1000 for intervals.</summary>
    public const int MinResamples = 100;

    /// <summary>The most resamples accepted: 1 000 000. Every interval needs quantiles of the replicates, so each costs
    /// one double (8 bytes, 16 while the interval is formed); at 10⁶ the Monte Carlo error of a 95% percentile bound
    /// is already about 0.3% of the bootstrap SE (√(p(1 − p)/B)/φ(z₀.₀₂₅)), far below the sampling error.</summary>
    public const int MaxResamples = 1_000_000;

    /// <summary>The defaults: 2000 resamples, seed 20240601, BCa, 95%, two-sided, all cores.</summary>
    public static BootstrapOptions Default { get; } = new();

    /// <value>Default 2000 (pingouin <c>n_boot = 2000</c>; scipy uses 9999, R boot has no default). From
    /// <see cref="MinResamples"/> to <see cref="MaxResamples"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Outside [<see cref="MinResamples"/>, <see cref="MaxResamples"/>].</exception>
    public int Resamples
    {
        get;
        init
        {
            if (value is < MinResamples or > MaxResamples)
                throw new ArgumentOutOfRangeException(nameof(Resamples), value, string.Create(CultureInfo.InvariantCulture,
                    $"Resamples = {value} must lie between {MinResamples} and {MaxResamples} (default 2000)."));
            field = value;
        }
    } = 2000;

    /// <value>Default 20240601. Echoed on every <see cref="BootstrapResult"/>; change it to check that conclusions
    /// do not hinge on one random draw.</value>
    public ulong Seed { get; init; } = 20240601;

    /// <value>Default <see cref="CiMethod.BootstrapBca"/>: bias-corrected and accelerated (R boot <c>type = "bca"</c>; scipy
    /// <c>bootstrap</c> default; pingouin uses the bias-corrected percentile). Also <see cref="CiMethod.BootstrapPercentile"/>
    /// (R boot <c>"perc"</c>) and <see cref="CiMethod.BootstrapBasic"/> (R boot <c>"basic"</c>); any other method throws
    /// <see cref="ArgumentException"/> naming these.</value>
    public CiMethod Interval { get; init; } = CiMethod.BootstrapBca;

    /// <value>Default 0.95. Used by <see cref="Bootstrap"/> called directly; effect-size estimators pass their own level.</value>
    /// <exception cref="ArgumentOutOfRangeException">Not strictly between 0 and 1.</exception>
    public double CiLevel
    {
        get;
        init { Guard.CiLevel(value, nameof(CiLevel)); field = value; }
    } = 0.95;

    /// <value>Default <see cref="Alternative.TwoSided"/>. One-sided intervals use level 2·CiLevel − 1 and an infinite bound.</value>
    public Alternative Alternative
    {
        get;
        init
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(Alternative), value, $"Alternative = {value} is not an alternative.");
            field = value;
        }
    } = Alternative.TwoSided;

    /// <value>Default −1: use all cores. Any value gives the same bits; 1 runs on the calling thread's pool worker only.
    /// −1 or at least 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">0 or below −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        init { Guard.DegreeOfParallelism(value, nameof(MaxDegreeOfParallelism)); field = value; }
    } = -1;

    // The interval's tails must hold replicates: B·(1 − level)/2 ≥ 1 (level 2·CiLevel − 1 when one-sided).
    internal void RequireTails()
    {
        double level = Alternative == Alternative.TwoSided ? CiLevel : 2 * CiLevel - 1;
        double tail = (1 - level) / 2;
        if (Resamples * tail < 1)
            throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, string.Create(CultureInfo.InvariantCulture,
                $"Resamples = {Resamples} leaves no replicate in each {tail:0.####%} tail of a {CiLevel:0.####%} interval; use at least {Math.Min(MaxResamples, (int)Math.Ceiling(10 / tail))}."));
    }
}
