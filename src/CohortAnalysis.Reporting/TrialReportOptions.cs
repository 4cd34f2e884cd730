using CohortAnalysis.Resampling;

namespace CohortAnalysis.Reporting;

/// <summary>What a <see cref="TrialReport"/> analyses and how: the endpoints, the confidence level, the seed and the
/// command line that made it.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record TrialReportOptions
{
    /// <summary>The defaults below.</summary>
    public static TrialReportOptions Default { get; } = new();

    /// <value>Default "MADRS": the mood endpoint (parameter code or instrument alias). The report analyses it when the
    /// cohort has it; <see cref="MoodRequired"/> makes its absence an error.</value>
    public string Mood { get; init; } = "MADRS";

    /// <value>Default "PAINNRS": the pain endpoint, as <see cref="Mood"/>.</value>
    public string Pain { get; init; } = "PAINNRS";

    /// <value>Default false: a cohort without <see cref="Mood"/> is reported on its other endpoints. True when the user
    /// named the endpoint (CLI <c>--mood</c>), so a misspelt code is an error rather than a missing section.</value>
    public bool MoodRequired { get; init; }

    /// <value>Default false; as <see cref="MoodRequired"/> for <see cref="Pain"/>.</value>
    public bool PainRequired { get; init; }

    /// <value>Default null: the reference arm of every between-arm comparison is the arm named like placebo, else the first
    /// alphabetically (each table says which); otherwise this arm (CLI <c>--reference</c>).</value>
    public string? Reference { get; init; }

    /// <value>Default 0.95 for every interval of the report. Always a confidence level, never an alpha.</value>
    public double CiLevel
    {
        get;
        init
        {
            if (!(value > 0 && value < 1))
                throw new ArgumentOutOfRangeException(nameof(CiLevel), value, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"CiLevel = {value} must lie strictly between 0 and 1 (e.g. 0.95)."));
            field = value;
        }
    } = 0.95;

    /// <value>Default 20240601 (<see cref="BootstrapOptions.Seed"/>): the seed of every resampling step of the report,
    /// so the same data and seed give the same report bit for bit.</value>
    public ulong Seed { get; init; } = BootstrapOptions.Default.Seed;

    /// <value>Default 2000 (<see cref="BootstrapOptions.Resamples"/>): bootstrap resamples of the BCa interval of
    /// Hedges' g at the primary visit.</value>
    public int Resamples { get; init; } = BootstrapOptions.Default.Resamples;

    /// <summary>The responder-analysis options every responder table of the report uses: the library defaults (Wilson
    /// intervals, Newcombe risk difference, non-completers as non-responders) at <see cref="CiLevel"/> and <see cref="Reference"/>.</summary>
    internal Responders.ResponderAnalysisOptions ResponderOptions => new()
    {
        Reference = Reference,
        Proportion = Responders.ProportionOptions.Default with { CiLevel = CiLevel },
        Comparison = Responders.RiskComparisonOptions.Default with { CiLevel = CiLevel },
    };

    /// <value>Default empty: the command line that made the report, printed verbatim in its methods section.</value>
    public string CommandLine { get; init; } = "";
}
