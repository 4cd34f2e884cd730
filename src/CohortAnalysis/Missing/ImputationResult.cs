using System.Globalization;
using CohortAnalysis.Models;

namespace CohortAnalysis.Missing;

/// <summary>The pooled result of an imputation analysis: LS means and differences at each visit (default ANCOVA
/// analysis) or the user analysis's estimates, with how every subject was imputed and the imputation model used.</summary>
/// <remarks>Immutable; computed once by <see cref="MultipleImputation.Analyze(Cohort, string, ImputationOptions?, IProgress{ImputationProgress}?, CancellationToken)"/>.</remarks>
public sealed class ImputationResult : ITabular
{
    internal ImputationResult() { }

    /// <summary>The options used.</summary>
    public required ImputationOptions Options { get; init; }
    /// <summary>Parameter code (e.g. MADRS).</summary>
    public required string Parameter { get; init; }
    /// <summary>The method used.</summary>
    public ImputationMethod Method => Options.Method;
    /// <summary>The reference arm (of J2R, CR, CIR and the differences).</summary>
    public required string ReferenceArm { get; init; }
    /// <summary>Imputations M (Bayesian, approximate Bayesian) or jackknife / bootstrap samples (conditional mean).</summary>
    public required int Imputations { get; init; }
    /// <summary>The seed (echoed; the jackknife draws nothing).</summary>
    public ulong Seed => Options.Seed;
    /// <summary>Every pooled estimate, in the analysis's order.</summary>
    public required IReadOnlyList<PooledEstimate> Estimates { get; init; }
    /// <summary>LS means by arm and visit (default analysis; empty for a user analysis).</summary>
    public IReadOnlyList<PooledEstimate> LsMeans => Estimates.Where(e => e.Name == LsMeanEstimate.LsMeanName).ToList();
    /// <summary>Each arm minus the reference arm at each visit (default analysis; empty for a user analysis).</summary>
    public IReadOnlyList<PooledEstimate> Differences => Estimates.Where(e => e.Name == LsMeanEstimate.DifferenceName).ToList();
    /// <summary>How each analysed subject was imputed.</summary>
    public required IReadOnlyList<SubjectStrategy> SubjectStrategies { get; init; }
    /// <summary>Subjects analysed.</summary>
    public int SubjectsUsed => SubjectStrategies.Count;
    /// <summary>Subject × visit values imputed (missing, or observed after the last visit used).</summary>
    public int ValuesImputed => SubjectStrategies.Sum(s => s.ValuesImputed);
    /// <summary>Subjects left out before imputation, by reason (no baseline, a covariate missing).</summary>
    public required IReadOnlyDictionary<string, int> Excluded { get; init; }
    /// <summary>Covariance structure of the imputation model.</summary>
    public required CovarianceStructure StructureUsed { get; init; }
    /// <summary>"as requested", or the structures that failed first and why.</summary>
    public required string StructureNote { get; init; }

    /// <summary>The estimates as a table (text, HTML), with the imputation in the notes.</summary>
    public TableView ToTableView()
    {
        TableView table = Rendering.EstimateText.ToTableView(
            string.Create(CultureInfo.InvariantCulture, $"{Parameter}: {Options.Method.Token()} imputation, {Options.Strategy.Token().ToUpperInvariant()} after discontinuation, reference {ReferenceArm}"), Estimates);
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{SubjectsUsed} subjects, {ValuesImputed} values imputed; {Imputations} {(Options.Method == ImputationMethod.ConditionalMean ? "resamples" : "imputations")}, seed {Seed}."),
        };
        foreach (var (reason, count) in Excluded) notes.Add(string.Create(CultureInfo.InvariantCulture, $"{count} subjects left out: {reason}."));
        return table with { Notes = [.. notes, .. table.Notes] };
    }

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}
