using System.Globalization;

namespace CohortAnalysis.Resampling;

/// <summary>The outcome of a bootstrap: the statistic, its interval and the replicates behind it.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
/// <param name="Estimate">The statistic on the original data.</param>
/// <param name="Ci">The bootstrap confidence interval (NaN bounds if it cannot be formed, e.g. BCa when every replicate
/// lies on one side of the estimate).</param>
/// <param name="Resamples">Number of replicates drawn.</param>
/// <param name="Seed">The seed used (echoed from <see cref="BootstrapOptions.Seed"/>).</param>
/// <param name="Bias">Mean of the finite replicates minus <paramref name="Estimate"/>.</param>
/// <param name="StandardError">SD (n − 1) of the finite replicates.</param>
/// <param name="InvalidReplicates">Replicates whose statistic was NaN (e.g. a resample with zero spread); they are
/// left out of the interval and counted here rather than dropped silently.</param>
/// <param name="Replicates">The replicate values in replicate order (index i was drawn from stream (seed, i)).</param>
public sealed record BootstrapResult(
    double Estimate,
    ConfidenceInterval Ci,
    int Resamples,
    ulong Seed,
    double Bias,
    double StandardError,
    int InvalidReplicates,
    IReadOnlyList<double> Replicates) : ITabular, IEstimate
{
    /// <summary>Observations resampled (per group for two samples; pairs for paired data).</summary>
    public EstimateSizes Sizes { get; init; }

    /// <summary>What the statistic describes; <see cref="Comparison.None"/> unless the caller says.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;

    /// <summary>"Bootstrap estimate".</summary>
    public string Name => "Bootstrap estimate";

    /// <summary>The interval method, resamples and seed, so the run can be repeated.</summary>
    public string Method => string.Create(CultureInfo.InvariantCulture,
        $"statistic on the original data; {CiMethods.Describe(Ci.Method)} interval from {Resamples} resamples (seed {Seed})");

    /// <summary>Efron (1987) for BCa, Davison &amp; Hinkley (1997) otherwise.</summary>
    public string Reference => Ci.Method == CiMethod.BootstrapBca ? Citations.Efron1987 : Citations.DavisonHinkley1997;

    /// <summary>Empty, or how many replicates were not estimable.</summary>
    public string Note => InvalidReplicates > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{InvalidReplicates} replicates not estimable (left out of the interval)") : "";

    /// <summary>One row: estimate, CI, bias, SE, resamples and seed (so the run can be repeated bit for bit).</summary>
    public TableView ToTableView() => TableView.Create("Bootstrap",
        [new("Estimate", true), new(Display.CiHeader(Ci), true), new("Bias", true), new("SE", true), new("Resamples", true), new("Seed", true)],
        [[Display.Number(Estimate, "0.000"), Display.Interval(Ci, "0.000"), Display.Number(Bias, "0.000"), Display.Number(StandardError, "0.000"),
          Display.Integer(Resamples), Seed.ToString(CultureInfo.InvariantCulture)]],
        new[] { "CI: " + CiMethods.Describe(Ci.Method) + ".",
                InvalidReplicates > 0 ? $"{Display.Integer(InvalidReplicates)} replicates not estimable." : "" }.Where(s => s.Length > 0));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Estimate:0.000}, {Ci} from {Resamples} resamples (seed {Seed}); bias {Bias:0.000}, SE {StandardError:0.000}") +
        (InvalidReplicates > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {InvalidReplicates} replicates not estimable") : "");
}
