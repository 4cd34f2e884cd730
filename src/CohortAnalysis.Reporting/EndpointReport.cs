using CohortAnalysis.Change;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Instruments;
using CohortAnalysis.Missing;
using CohortAnalysis.Models;
using CohortAnalysis.Responders;

namespace CohortAnalysis.Reporting;

/// <summary>Every analysis of one endpoint in a <see cref="TrialReport"/>.</summary>
/// <remarks>Immutable once built. An analysis that cannot be done on the data (no registered instrument, a model that
/// does not converge) is null and <see cref="Notes"/> says why.</remarks>
public sealed class EndpointReport
{
    /// <summary>The parameter code, e.g. "MADRS".</summary>
    public required string Parameter { get; init; }

    /// <summary>The registered instrument, or null.</summary>
    public required Instrument? Instrument { get; init; }

    /// <summary>The primary visit: the last post-baseline visit.</summary>
    public required Visit PrimaryVisit { get; init; }

    /// <summary>Subjects randomised, with baseline, observed at each visit and analysed.</summary>
    public required ConsortFlow Flow { get; init; }

    /// <summary>Observed-case trajectories (for the spaghetti, waterfall and CDF figures).</summary>
    public required Trajectories Trajectories { get; init; }

    /// <summary>Change from baseline by arm and visit (observed cases).</summary>
    public required ChangeSummaryTable Change { get; init; }

    /// <summary>The primary analysis: MMRM on change over every post-baseline visit; null when it could not be fitted.</summary>
    public required MmrmFit? Mmrm { get; init; }

    /// <summary>Sensitivity analyses at the primary visit: ANCOVA on change with observed cases, LOCF and BOCF.</summary>
    public required IReadOnlyList<AncovaFit> Sensitivity { get; init; }

    /// <summary>Sensitivity analysis: reference-based multiple imputation (jump to reference after discontinuation,
    /// Bayesian MI from the MMRM, ANCOVA at each visit, Rubin's rules), seeded by <see cref="TrialReportOptions.Seed"/>;
    /// null when it could not be done (<see cref="Notes"/> says why).</summary>
    public required ImputationResult? JumpToReference { get; init; }

    /// <summary>Cohen's d, Hedges' g and d_ppc2 against the reference arm at every post-baseline visit.</summary>
    public required EffectSizeTable EffectSizes { get; init; }

    /// <summary>Hedges' g at the primary visit with a seeded bootstrap BCa interval.</summary>
    public required EffectSizeTable BootstrapG { get; init; }

    /// <summary>The instrument's response rule at the primary visit; null without a registered instrument.</summary>
    public required ResponderTable? Response { get; init; }

    /// <summary>The instrument's remission rule at the primary visit; null when the instrument has none.</summary>
    public required ResponderTable? Remission { get; init; }

    /// <summary>Why an analysis is missing, one line each; empty when every analysis was done.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Every estimate of the endpoint, for the methods section.</summary>
    public IEnumerable<IEstimate> Estimates =>
        Change.Rows.Cast<IEstimate>()
            .Concat(Mmrm is null ? [] : [.. Mmrm.LsMeans, .. Mmrm.Differences])
            .Concat(Sensitivity.SelectMany(a => a.LsMeans.Concat(a.Differences)))
            .Concat(JumpToReference?.Estimates ?? [])
            .Concat(EffectSizes).Concat(BootstrapG)
            .Concat(Response?.Estimates ?? []).Concat(Remission?.Estimates ?? []);
}
