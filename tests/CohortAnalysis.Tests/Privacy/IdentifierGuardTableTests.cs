using System.Globalization;
using System.Text;
using CohortAnalysis.Privacy;
using Xunit;
using Xunit.Abstractions;

namespace CohortAnalysis.Tests.Privacy;

/// <summary>
/// The guard against the labelled table in <see cref="IdentifierCases"/>: each column is scanned alone, as a
/// one-column file. Ground truth is the HIPAA Safe Harbor list (45 CFR 164.514(b)(2)) as read by the team;
/// there is no numeric tolerance: verdicts are exact.
/// </summary>
public sealed class IdentifierGuardTableTests(ITestOutputHelper output)
{
    internal static IdentifierScan ScanOne(IdentifierCase c) =>
        IdentifierGuard.Scan("case.csv", [c.Column], [c.Values],
            IdentifierGuardOptions.Default with { MappedColumns = c.Mapped ? [c.Column] : [] });

    /// <summary>True when the guard's verdict is right for the case's category (see <see cref="IdentifierCase"/>).</summary>
    internal static bool Correct(IdentifierCase c, IdentifierScan scan) =>
        c.Identifiable ? scan.Findings.Any(f => f.Category == c.Category) : scan.Findings.Count == 0;

    [Theory]
    [MemberData(nameof(IdentifierCases.Ids), MemberType = typeof(IdentifierCases))]
    public void Scan_TableCase_GivesExpectedVerdict(string id)
    {
        IdentifierCase c = IdentifierCases.Get(id);
        IdentifierScan scan = ScanOne(c);
        bool expectCorrect = c.KnownError is null;
        Assert.True(Correct(c, scan) == expectCorrect,
            $"{c.Id}: expected {(c.Identifiable ? "flagged as " + c.Category : "clean")}" +
            $"{(expectCorrect ? "" : " to be missed (" + c.KnownError + ")")}; got: {scan}");
    }

    [Fact]
    public void Table_HasAtLeast188CasesWithBothVerdicts()
    {
        // Issue 11: at least twice the 94 cases of the first table, false alarms drawn from real CDISC names.
        Assert.True(IdentifierCases.All.Count >= 188, $"{IdentifierCases.All.Count} cases");
        Assert.Equal(IdentifierCases.All.Count, IdentifierCases.All.Select(c => c.Id).Distinct().Count());
        Assert.True(IdentifierCases.All.Count(c => c.Identifiable) >= 80);
        Assert.True(IdentifierCases.All.Count(c => !c.Identifiable) >= 80);
        Assert.True(IdentifierCases.All.Count(c => !c.Identifiable && c.Id.StartsWith("sdtm-", StringComparison.Ordinal)) >= 50);
        Assert.True(IdentifierCases.All.Count(c => !c.Identifiable && c.Id.StartsWith("adam-", StringComparison.Ordinal)) >= 15);
    }

    /// <summary>Confusion table by category (TP: flagged in that category; FP: any finding on a clean column), as
    /// Markdown; the README's table must be exactly this one, so the published numbers cannot drift.</summary>
    internal static string ConfusionTable()
    {
        var rows = new SortedDictionary<IdentifierCategory, int[]>();   // TP, FP, TN, FN
        foreach (IdentifierCase c in IdentifierCases.All)
        {
            bool correct = Correct(c, ScanOne(c));
            int cell = (c.Identifiable, correct) switch
            {
                (true, true) => 0,
                (false, false) => 1,
                (false, true) => 2,
                (true, false) => 3,
            };
            if (!rows.TryGetValue(c.Category, out int[]? counts)) rows[c.Category] = counts = new int[4];
            counts[cell]++;
        }

        var text = new StringBuilder("| category | TP | FP | TN | FN |\n|---|---:|---:|---:|---:|\n");
        int[] total = new int[4];
        foreach (var (category, counts) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {category} | {counts[0]} | {counts[1]} | {counts[2]} | {counts[3]} |\n");
            for (int i = 0; i < 4; i++) total[i] += counts[i];
        }
        text.Append(CultureInfo.InvariantCulture, $"| **total ({IdentifierCases.All.Count} columns)** | {total[0]} | {total[1]} | {total[2]} | {total[3]} |\n");
        return text.ToString();
    }

    [Fact]
    public void ConfusionTable_MatchesDocumentedLimitsAndTheReadme()
    {
        string table = ConfusionTable();
        output.WriteLine(table);

        // FN and FP are exactly the documented limits (KnownError cases); anything else fails the theory above.
        int fn = IdentifierCases.All.Count(c => c.Identifiable && c.KnownError is not null);
        int fp = IdentifierCases.All.Count(c => !c.Identifiable && c.KnownError is not null);
        int tp = IdentifierCases.All.Count(c => c.Identifiable) - fn;
        int tn = IdentifierCases.All.Count(c => !c.Identifiable) - fp;
        Assert.EndsWith($"| {tp} | {fp} | {tn} | {fn} |\n", table);

        string readme = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "README.md")).ReplaceLineEndings("\n");
        Assert.True(readme.Contains(table, StringComparison.Ordinal), "README.md's guard table differs from the guard's; paste:\n" + table);
    }
}
