namespace CohortAnalysis.Plotting;

/// <summary>Row labels, group headings and the axis title of a forest plot, read from each estimate's typed
/// <see cref="Comparison"/> (never by taking label strings apart).</summary>
/// <remarks>
/// <para>What differs between rows labels them; what all rows share titles the axis. Rows are gathered under a heading by
/// the compared arms when those differ ("Psilocybin 25 mg vs Placebo"), else by parameter when that differs ("MADRS"). The
/// row label joins the remaining fields that differ, in the order parameter, subgroup, term, variable, visit, estimate
/// name, missing-data method, arms: "Week 6", or "PAINNRS, Week 12". A row whose fields all match its neighbours' is
/// labelled by its visit, subgroup, term, arms, parameter or name, the first it has.</para>
/// </remarks>
internal static class ForestLabels
{
    private sealed record Field(string Key, Func<IEstimate, string?> Read);

    /// <summary>The label and group heading of each row, in input order, and the axis title.</summary>
    internal static (IReadOnlyList<(string Label, string? Group)> Rows, string Title) Of(IReadOnlyList<IEstimate> rows, CohortPlotStyle style)
    {
        Field parameter = new("parameter", e => e.Comparison.Parameter);
        Field subgroup = new("subgroup", e => e.Comparison.Subgroup);
        Field term = new("term", e => e.Comparison.Term);
        Field variable = new("variable", e => e.Comparison.Variable is { } v ? Comparison.VariableCode(v) : null);
        Field visit = new("visit", e => e.Comparison.Visit is { } v ? InstrumentLabels.VisitName(v, style) : null);
        Field name = new("name", e => e.Name);
        Field missing = new("missing", e => e.Comparison.MissingData is { } m ? InstrumentLabels.MissingDataCode(m) : null);
        Field arms = new("arms", e => Arms(e.Comparison));
        Field[] labelOrder = [parameter, subgroup, term, variable, visit, name, missing, arms];

        bool Varies(Field f) => rows.Select(f.Read).Distinct(StringComparer.Ordinal).Skip(1).Any();
        string? Shared(Field f) => Varies(f) ? null : f.Read(rows[0]);
        Field? group = Varies(arms) ? arms : Varies(parameter) ? parameter : null;
        Field[] labelled = labelOrder.Where(f => f != group && Varies(f)).ToArray();

        var result = rows.Select(e =>
        {
            string label = string.Join(", ", labelled.Select(f => f.Read(e)).Where(s => !string.IsNullOrEmpty(s)));
            if (label.Length == 0)
                label = new[] { visit, subgroup, term, arms, parameter, name }.Select(f => f.Read(e)).FirstOrDefault(s => !string.IsNullOrEmpty(s)) ?? "";
            return (label, group?.Read(e));
        }).ToList();

        // Axis title: "Hedges' g, MADRS CHG at Week 6, Psilocybin 25 mg vs Placebo" from the fields every row shares.
        var parts = new List<string>();
        string what = string.Join(" ", new[] { Shared(parameter), Shared(variable) }.Where(s => s is not null));
        if (Shared(visit) is { } at)
            what = what.Length > 0 ? $"{what} at {at}" : at;
        if (what.Length > 0) parts.Add(what);
        parts.AddRange(new[] { Shared(subgroup), Shared(term), Shared(arms) }.OfType<string>());
        string title = (Shared(name) ?? "Estimate") + (parts.Count > 0 ? ", " + string.Join(", ", parts) : "");
        return (result, title);
    }

    /// <summary>"Psilocybin 25 mg vs Placebo", the single arm of a within-arm estimate, or null.</summary>
    internal static string? Arms(Comparison comparison) =>
        comparison.Arm is null ? null : comparison.ReferenceArm is null ? comparison.Arm : $"{comparison.Arm} vs {comparison.ReferenceArm}";
}
