using System.Text;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>A large cohort's baseline and change are derived in two halves on two threads: what each half finds is
/// reported as one pass over the rows would report it (same findings, in line order, across the split).</summary>
public sealed class DerivedChangeInHalvesTests
{
    private const int Visits = 5;

    // Subjects S000001 … in line order, 5 visits each; `odd` changes a subject's rows.
    private static string File(int subjects, Func<int, int, string[], string[]> odd)
    {
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL,BASE,CHG\n");
        for (int s = 1; s <= subjects; s++)
            for (int v = 0; v < Visits; v++)
            {
                int aval = 20 + (s + 3 * v) % 17, baseValue = 20 + s % 17;
                string[] f = [$"S{s:000000}", s % 2 == 0 ? "A" : "B", "MADRS", $"{v}", v == 0 ? "Y" : "", $"{aval}", $"{baseValue}", v == 0 ? "0" : $"{aval - baseValue}"];
                csv.Append(string.Join(',', odd(s, v, f))).Append('\n');
            }
        return csv.ToString();
    }

    private static long LineOf(int subject, int visit) => 2 + (long)(subject - 1) * Visits + visit;

    [Fact]
    public void Warnings_FromBothHalves_InLineOrder()
    {
        int subjects = CohortBuilder.ParallelFromRows / Visits + 1000;
        int[] noBaseline = [3, subjects / 2, subjects / 2 + 1, subjects - 2];
        int[] wrongBase = [7, subjects / 2 - 1, subjects - 5];
        Cohort cohort = CsvText.Read(File(subjects, (s, v, f) =>
        {
            if (noBaseline.Contains(s)) (f[4], f[6], f[7]) = ("", "NA", "NA");
            if (wrongBase.Contains(s) && v == 2) f[6] = "99";
            return f;
        }));
        Assert.True(cohort.ObservationCount >= CohortBuilder.ParallelFromRows);
        DataIssue[] missing = cohort.Report.Issues.Where(i => i.Kind == DataIssueKind.MissingBaseline).ToArray();
        Assert.Equal(noBaseline.Select(s => (long?)LineOf(s, 0)), missing.Select(i => i.Line));
        DataIssue[] mismatch = cohort.Report.Issues.Where(i => i.Kind == DataIssueKind.DerivationMismatch).ToArray();
        Assert.Equal(wrongBase.Select(s => (long?)LineOf(s, 2)), mismatch.Select(i => i.Line));
        Assert.All(mismatch, i => Assert.Equal("BASE", i.Column));
        long?[] lines = cohort.Report.Issues.Select(i => i.Line).ToArray();
        Assert.Equal(lines.Order(), lines);
    }

    [Fact]
    public void Problems_FromBothHalves_AllReportedInLineOrder()
    {
        int subjects = CohortBuilder.ParallelFromRows / Visits + 1000;
        int[] twoFlags = [5, subjects / 2, subjects / 2 + 3, subjects - 1];
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(File(subjects, (s, v, f) =>
        {
            if (twoFlags.Contains(s) && v == 3) f[4] = "Y";
            return f;
        })));
        Assert.Equal(twoFlags.Length, e.TotalProblems);
        Assert.Equal(twoFlags.Select(s => (long?)LineOf(s, 3)), e.Problems.Select(p => p.Line));
        Assert.All(e.Problems, p => Assert.Contains("second baseline flag", p.Message));
    }
}
