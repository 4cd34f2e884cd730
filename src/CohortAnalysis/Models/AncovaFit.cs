using System.Globalization;
using CohortAnalysis.EffectSizes;

namespace CohortAnalysis.Models;

/// <summary>A fitted ANCOVA at one visit: LS means per arm, differences from the reference arm, Type III tests and diagnostics.</summary>
/// <remarks>Immutable; safe to share between threads. Computed once by <see cref="Ancova.Fit"/>; <see cref="Difference"/>
/// gives any other pair of arms.</remarks>
public sealed class AncovaFit
{
    private readonly LinearModelFit _fit;
    private readonly ReferenceGrid _grid;
    private readonly Func<string, string, LsMeanEstimate> _difference;

    internal AncovaFit(LinearModelFit fit, ReferenceGrid grid, Func<string, string, LsMeanEstimate> difference)
    {
        _fit = fit;
        _grid = grid;
        _difference = difference;
    }

    /// <summary>The options used.</summary>
    public required AncovaOptions Options { get; init; }
    /// <summary>Parameter code (e.g. MADRS).</summary>
    public required string Parameter { get; init; }
    /// <summary>The visit analysed.</summary>
    public required Visit Visit { get; init; }
    /// <summary>The outcome analysed (CHG, AVAL or PCHG).</summary>
    public ChangeVariable Outcome => Options.Outcome;
    /// <summary>The reference arm of <see cref="Differences"/>.</summary>
    public required string ReferenceArm { get; init; }
    /// <summary>How the reference arm was chosen.</summary>
    public required ReferenceArmSource ReferenceSource { get; init; }
    /// <summary>The model, e.g. "CHG ~ ARM + BASE + SEX".</summary>
    public required string Formula { get; init; }
    /// <summary>LS mean per arm, in arm order.</summary>
    public required IReadOnlyList<LsMeanEstimate> LsMeans { get; init; }
    /// <summary>Each other arm minus the reference arm.</summary>
    public required IReadOnlyList<LsMeanEstimate> Differences { get; init; }
    /// <summary>Type III F test of every term, in model order.</summary>
    public required IReadOnlyList<TermTest> TypeIIITests { get; init; }
    /// <summary>Observed, fitted, residual and leverage per analysed subject.</summary>
    public required IReadOnlyList<AncovaResidual> Residuals { get; init; }
    /// <summary>Subjects analysed.</summary>
    public int SubjectsAnalysed => Residuals.Count;
    /// <summary>Subjects (in the arms analysed) without the outcome at the visit, left out.</summary>
    public required int MissingOutcome { get; init; }
    /// <summary>Subjects with the outcome but left out for a missing baseline or covariate, by variable.</summary>
    public required IReadOnlyDictionary<string, int> Excluded { get; init; }
    /// <summary>Residual df n − p.</summary>
    public int ResidualDf => _fit.Fit.ResidualDf;
    /// <summary>Residual SD σ̂ = √(RSS/(n − p)) (SAS "Root MSE", R <c>sigma(fit)</c>).</summary>
    public double ResidualSd => Math.Sqrt(_fit.Fit.ResidualVariance);
    /// <summary>Coefficient names (R-style treatment coding, first level reference) and estimates; the LS means do not depend on the coding.</summary>
    public IReadOnlyList<(string Name, double Estimate, double StandardError)> Coefficients =>
        _fit.Frame.ColumnNames.Select((name, j) => (name, _fit.Fit.Beta[j], Math.Sqrt(_fit.Covariance[j, j]))).ToArray();

    /// <summary>LS mean of <paramref name="arm"/> minus LS mean of <paramref name="reference"/>, with SE, df, CI and p.</summary>
    /// <exception cref="ArgumentException">An arm is not in the model.</exception>
    public LsMeanEstimate Difference(string arm, string reference) => _difference(arm, reference);

    /// <summary>The LS-mean difference standardized by the residual SD σ̂, handed to <see cref="EffectSize.StandardizedLsMeanDifference"/>.</summary>
    /// <remarks>d = (LS mean difference)/σ̂ with the noncentral-t CI of that method (σ̂ treated as known); pass
    /// <paramref name="standardDeviation"/> to standardize by another SD (e.g. the pooled baseline SD).</remarks>
    public EffectSizeEstimate StandardizedDifference(string arm, string reference, double? standardDeviation = null, CiMethod ciMethod = CiMethod.NoncentralT)
    {
        LsMeanEstimate d = Difference(arm, reference);
        return EffectSize.StandardizedLsMeanDifference(d.Estimate, d.StandardError, d.DegreesOfFreedom, standardDeviation ?? ResidualSd,
            d.Sizes.Groups, ciMethod, new EffectSizeOptions { CiLevel = Options.CiLevel });
    }

    /// <summary>All estimates (LS means, then differences) for the renderers.</summary>
    public IEnumerable<IEstimate> Estimates => LsMeans.Cast<IEstimate>().Concat(Differences);

    internal ReferenceGrid Grid => _grid;

    /// <summary>LS means and differences as a table (text, HTML), with the subjects left out in the notes.</summary>
    /// <param name="report">The cohort's data-quality report, for the "Data:" note; optional.</param>
    public TableView ToTableView(DataQualityReport? report = null)
    {
        TableView table = Rendering.EstimateText.ToTableView(
            $"ANCOVA of {Parameter} {Comparison.VariableCode(Outcome)} at {Visit.DisplayName}: {Formula}", Estimates, report);
        return table with { Notes = [.. Exclusions(), .. table.Notes] };
    }

    /// <summary>The Type III tests as a table.</summary>
    public TableView TypeIIITable() => TermTestTable.Of(string.Create(CultureInfo.InvariantCulture,
        $"Type III tests ({SubjectsAnalysed} subjects; residual SD {ResidualSd:0.####} on {ResidualDf} df)"), TypeIIITests, []);

    /// <summary>Both tables as text.</summary>
    /// <param name="report">The cohort's data-quality report, for the "Data:" note; optional.</param>
    public string ToText(DataQualityReport? report = null) => TextTable.Render(ToTableView(report)) + Environment.NewLine + TextTable.Render(TypeIIITable());

    /// <inheritdoc />
    public override string ToString() => ToText();

    private IEnumerable<string> Exclusions()
    {
        if (MissingOutcome > 0)
            yield return string.Create(CultureInfo.InvariantCulture, $"{MissingOutcome} subjects without {Comparison.VariableCode(Outcome)} at {Visit.DisplayName} left out.");
        foreach (var (variable, count) in Excluded)
            yield return string.Create(CultureInfo.InvariantCulture, $"{count} subjects without {variable} left out.");
    }
}
