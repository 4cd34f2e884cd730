using System.Reflection;
using CohortAnalysis.Change;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Models;
using CohortAnalysis.Resampling;
using CohortAnalysis.Responders;

namespace CohortAnalysis.Reporting;

/// <summary>The standard analyses of a trial cohort, ready to show: data quality and subject flow, baseline
/// characteristics, change from baseline, the primary MMRM with ANCOVA sensitivity analyses, effect sizes, responders,
/// mood and pain together, and the methods used.</summary>
/// <remarks>
/// <para>Built once by <see cref="Build"/>; immutable after. <see cref="Html.TrialReportHtml"/> writes it as one
/// self-contained HTML file; a notebook can show its parts directly (each is a library result with its own table).</para>
/// <para>Deterministic: the same cohort, options and seed give the same report (the only random step, the bootstrap
/// interval of Hedges' g, draws from <see cref="TrialReportOptions.Seed"/>).</para>
/// </remarks>
public sealed class TrialReport
{
    /// <summary>The data file analysed.</summary>
    public required ReportSource Source { get; init; }

    /// <summary>The options the report was built with.</summary>
    public required TrialReportOptions Options { get; init; }

    /// <summary>The cohort analysed.</summary>
    public required Cohort Cohort { get; init; }

    /// <summary>Subjects per arm, parameters, visits, completeness and the data-quality report.</summary>
    public required CohortDescription Description { get; init; }

    /// <summary>Baseline scores and subject covariates by arm.</summary>
    public required BaselineCharacteristics Baseline { get; init; }

    /// <summary>The endpoints analysed: mood, then pain, as the cohort has them.</summary>
    public required IReadOnlyList<EndpointReport> Endpoints { get; init; }

    /// <summary>Mood and pain together; null unless the cohort has both (<see cref="Notes"/> says why).</summary>
    public required MoodPainReport? MoodAndPain { get; init; }

    /// <summary>The library version that computed the report (informational version, with the commit when known).</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>Report-level notes: endpoints or sections left out and why.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Every estimator used, once per analysis and name, with its method and reference.</summary>
    public IReadOnlyList<MethodEntry> Methods => MethodList.Of(this);

    /// <summary>Runs every analysis of the report on <paramref name="cohort"/>.</summary>
    /// <param name="cohort">The cohort, loaded by a reader of <c>CohortAnalysis.Data</c>.</param>
    /// <param name="source">The file it was read from (<see cref="ReportSource.FromFile"/> or <see cref="ReportSource.DemoTrialCsv"/>).</param>
    /// <param name="options">Endpoints, confidence level, seed; defaults when null.</param>
    /// <param name="progress">Reports each step as it starts.</param>
    /// <param name="cancellationToken">Stops between steps and inside the bootstrap.</param>
    /// <exception cref="ArgumentException">A required endpoint (<see cref="TrialReportOptions.MoodRequired"/>) is not in the
    /// cohort, or the cohort has neither endpoint; the message lists the parameters it has.</exception>
    public static TrialReport Build(Cohort cohort, ReportSource source, TrialReportOptions? options = null,
        IProgress<ReportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(source);
        options ??= TrialReportOptions.Default;
        var notes = new List<string>();
        string? mood = Resolve(cohort, options.Mood, options.MoodRequired, "Mood", notes);
        string? pain = Resolve(cohort, options.Pain, options.PainRequired, "Pain", notes);
        string[] endpoints = new[] { mood, pain }.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        if (endpoints.Length == 0)
            throw new ArgumentException($"The cohort has neither the mood endpoint {options.Mood} nor the pain endpoint {options.Pain}; " +
                $"its parameters are {string.Join(", ", cohort.Parameters)}. Name them with Mood and Pain (CLI --mood, --pain).", nameof(cohort));

        var steps = new ReportSteps(progress, endpoints.Length * EndpointReportBuilder.Steps + 2, cancellationToken);
        steps.Start("Data quality and baseline characteristics");
        CohortDescription description = cohort.Describe();
        BaselineCharacteristics baseline = BaselineCharacteristics.Of(cohort, endpoints);
        var reports = endpoints.Select(p => EndpointReportBuilder.Build(cohort, p, options, steps)).ToList();

        steps.Start("Mood and pain together");
        MoodPainReport? together = mood is not null && pain is not null && mood != pain
            ? MoodPainBuilder.Build(cohort, reports[0], reports[1], options)
            : null;
        if (together is null)
            notes.Add("Mood and pain together: needs a mood and a pain endpoint, each with a registered instrument, and a post-baseline visit they share.");
        return new TrialReport
        {
            Source = source,
            Options = options,
            Cohort = cohort,
            Description = description,
            Baseline = baseline,
            Endpoints = reports,
            MoodAndPain = together,
            LibraryVersion = VersionOf(typeof(Cohort).Assembly),
            Notes = notes,
        };
    }

    private static string? Resolve(Cohort cohort, string code, bool required, string role, List<string> notes)
    {
        int index = cohort.IndexOfParameter(code);
        if (index >= 0) return cohort.Parameters[index];
        if (required)
            throw new ArgumentException($"{role} endpoint {code} is not in the cohort; its parameters are {string.Join(", ", cohort.Parameters)}.");
        notes.Add($"{role} endpoint {code}: not in the cohort (parameters: {string.Join(", ", cohort.Parameters)}).");
        return null;
    }

    internal static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
