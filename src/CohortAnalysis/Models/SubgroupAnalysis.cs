namespace CohortAnalysis.Models;

/// <summary>Treatment effects within the levels of a subject covariate, from an ANCOVA with a treatment × subgroup interaction.</summary>
/// <remarks>Immutable; safe to share between threads. Built by <see cref="Ancova.Subgroups"/>.</remarks>
public sealed record SubgroupAnalysis
{
    /// <summary>The subgroup variable, e.g. "SEX".</summary>
    public required string Subgroup { get; init; }
    /// <summary>Its levels, in order.</summary>
    public required IReadOnlyList<string> Levels { get; init; }
    /// <summary>The interaction model, e.g. "CHG ~ ARM + SEX + ARM*SEX + BASE".</summary>
    public required string Formula { get; init; }
    /// <summary>LS mean per arm within each level (Comparison.Subgroup = "SEX = F").</summary>
    public required IReadOnlyList<LsMeanEstimate> LsMeans { get; init; }
    /// <summary>Each other arm minus the reference arm within each level.</summary>
    public required IReadOnlyList<LsMeanEstimate> Differences { get; init; }
    /// <summary>The Type III F test of the treatment × subgroup interaction (H₀: the same treatment effect in every level).</summary>
    public required TermTest Interaction { get; init; }
    /// <summary>Type III F tests of every term of the interaction model.</summary>
    public required IReadOnlyList<TermTest> TypeIIITests { get; init; }
    /// <summary>The overall treatment effects from the ANCOVA without the interaction (same subjects, same covariates).</summary>
    public required IReadOnlyList<LsMeanEstimate> Overall { get; init; }
    /// <summary>Subjects analysed in the interaction model.</summary>
    public required int SubjectsAnalysed { get; init; }

    /// <summary>All estimates (overall differences, then per-level LS means and differences) for the renderers.</summary>
    public IEnumerable<IEstimate> Estimates => Overall.Cast<IEstimate>().Concat(LsMeans).Concat(Differences);

    /// <summary>Overall and per-level treatment effects as a table.</summary>
    /// <param name="report">The cohort's data-quality report, for the "Data:" note; optional.</param>
    public TableView ToTableView(DataQualityReport? report = null) =>
        Rendering.EstimateText.ToTableView($"Treatment effect by {Subgroup}: {Formula}", Overall.Cast<IEstimate>().Concat(Differences), report);

    /// <summary>The Type III tests of the interaction model as a table, the interaction test in the notes.</summary>
    public TableView TypeIIITable() => TermTestTable.Of($"Type III tests of the interaction model ({SubjectsAnalysed} subjects)", TypeIIITests,
        [$"Interaction {Interaction.Term}: F = {Interaction.F.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}, p = {Display.P(Interaction.PValue)}."]);

    /// <summary>Both tables as text.</summary>
    /// <param name="report">The cohort's data-quality report, for the "Data:" note; optional.</param>
    public string ToText(DataQualityReport? report = null) => TextTable.Render(ToTableView(report)) + Environment.NewLine + TextTable.Render(TypeIIITable());

    /// <inheritdoc />
    public override string ToString() => ToText();
}
