using System.Globalization;

namespace CohortAnalysis.Cli;

/// <summary>What a text table leaves out about the data behind it: every row excluded at load (by --exclude-invalid or
/// an ADaM flag) named with its line and reason, and, when no estimate could be made, why.</summary>
internal static class DataNotes
{
    /// <summary>Excluded rows listed in full up to this many; the rest are counted.</summary>
    public const int MaxListed = 20;

    public static void Write(TextWriter output, Cohort cohort, IReadOnlyList<IEstimate> estimates, Func<string?> whyNoValues)
    {
        DataIssue[] excluded = cohort.Report.Issues.Where(i => i.Severity == DataIssueSeverity.Excluded).ToArray();
        if (excluded.Length > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Excluded at load ({cohort.Report.RowsExcluded} row{(cohort.Report.RowsExcluded == 1 ? "" : "s")}; not in any estimate above):"));
            foreach (DataIssue issue in excluded.Take(MaxListed)) output.WriteLine("  " + issue);
            if (excluded.Length > MaxListed)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  ... and {excluded.Length - MaxListed} more (cohort describe --format json lists every one)."));
        }
        if (estimates.Count == 0 || estimates.All(e => double.IsNaN(e.Estimate)))
        {
            string reason = whyNoValues()
                ?? estimates.Select(e => e.Note).FirstOrDefault(n => !string.IsNullOrEmpty(n))
                ?? "no arm has values at a post-baseline visit.";
            output.WriteLine("No estimate: " + reason);
        }
    }
}
