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
    public void Table_HasAtLeast40CasesWithBothVerdicts()
    {
        Assert.True(IdentifierCases.All.Count >= 40);
        Assert.Equal(IdentifierCases.All.Count, IdentifierCases.All.Select(c => c.Id).Distinct().Count());
        Assert.True(IdentifierCases.All.Count(c => c.Identifiable) >= 20);
        Assert.True(IdentifierCases.All.Count(c => !c.Identifiable) >= 20);
    }

    /// <summary>Confusion table by category (TP: flagged in that category; FP: any finding on a clean column).</summary>
    [Fact]
    public void ConfusionTable_MatchesDocumentedLimits()
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
        text.Append(CultureInfo.InvariantCulture, $"| total | {total[0]} | {total[1]} | {total[2]} | {total[3]} |\n");
        output.WriteLine(text.ToString());

        // FN and FP are exactly the documented limits (KnownError cases); anything else fails the theory above.
        Assert.Equal(IdentifierCases.All.Count(c => c.Identifiable && c.KnownError is not null), total[3]);
        Assert.Equal(IdentifierCases.All.Count(c => !c.Identifiable && c.KnownError is not null), total[1]);
    }
}
