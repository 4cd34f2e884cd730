using CohortAnalysis.Models;

namespace CohortAnalysis.Reporting;

/// <summary>The methods section's rows: each estimator of each analysis once, with the method (and its settings) and
/// the reference its result carries.</summary>
internal static class MethodList
{
    public static IReadOnlyList<MethodEntry> Of(TrialReport report)
    {
        var entries = new List<MethodEntry>();
        foreach (EndpointReport e in report.Endpoints)
        {
            Add(entries, "Change from baseline", e.Change.Rows);
            if (e.Mmrm is { } fit)
            {
                entries.Add(new MethodEntry("Primary analysis", "MMRM", $"{fit.Formula}; {fit.Settings}", fit.LsMeans.FirstOrDefault()?.Reference ?? ""));
                Add(entries, "Primary analysis", [.. fit.LsMeans, .. fit.Differences]);
            }
            foreach (AncovaFit ancova in e.Sensitivity)
            {
                string analysis = $"Sensitivity analysis ({ancova.Options.MissingData.Describe()})";
                entries.Add(new MethodEntry(analysis, "ANCOVA", ancova.Formula, ancova.LsMeans.FirstOrDefault()?.Reference ?? ""));
                Add(entries, analysis, [.. ancova.LsMeans, .. ancova.Differences]);
            }
            if (e.JumpToReference is { } mi)
                Add(entries, "Sensitivity analysis (jump to reference)", mi.Differences);
            Add(entries, "Effect sizes", e.EffectSizes);
            Add(entries, "Effect sizes (bootstrap)", e.BootstrapG);
            if (e.Response is { } response) Add(entries, "Responders: " + response.Rule, response.Estimates);
            if (e.Remission is { } remission) Add(entries, "Remission: " + remission.Rule, remission.Estimates);
        }
        if (report.MoodAndPain is { } both)
        {
            Add(entries, "Joint response: " + both.Joint.Rule, both.Joint.Estimates);
            Add(entries, "Correlation of changes", both.Correlation.Rows.Where(r => r.Pearson is not null).SelectMany(r => new IEstimate?[] { r.Pearson, r.Spearman }).OfType<IEstimate>());
        }
        return entries.DistinctBy(m => (m.Analysis, m.Estimator, m.Method)).ToList();
    }

    private static void Add(List<MethodEntry> entries, string analysis, IEnumerable<IEstimate> estimates)
    {
        foreach (IEstimate e in estimates)
            if (!double.IsNaN(e.Estimate))
                entries.Add(new MethodEntry(analysis, e.Name, MethodWithCi(e), e.Reference));
    }

    private static string MethodWithCi(IEstimate e) =>
        e.Method.Contains("CI", StringComparison.Ordinal) || e.Method.Contains("interval", StringComparison.OrdinalIgnoreCase) || double.IsNaN(e.Ci.Level)
            ? e.Method
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{e.Method}; {e.Ci.Level * 100:0.##}% CI: {e.Ci.Method.Describe()}");
}
