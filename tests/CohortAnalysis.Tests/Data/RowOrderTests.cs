using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>Issue 16: the linear row order equals the comparison sort it replaced (parameter, subject, visit, line) for
/// any file layout: sorted, shuffled, one subject with many records, ties in visit.</summary>
public sealed class RowOrderTests
{
    [Theory]
    [InlineData(0, 1, 1, 1, false)]
    [InlineData(1, 1, 1, 1, false)]
    [InlineData(2_000, 3, 200, 6, false)]   // long layout in file order
    [InlineData(2_000, 3, 200, 6, true)]    // rows shuffled
    [InlineData(5_000, 2, 3, 400, true)]    // few subjects with more records than the insertion limit
    [InlineData(3_000, 1, 1_000, 3, true)]  // many visits repeated (duplicate visits keep line order)
    public void Of_EqualsTheComparisonSort(int rows, int parameters, int subjects, int visits, bool shuffled)
    {
        var random = new Random(rows + parameters * 7 + subjects * 13 + visits);
        var parameter = new int[rows]; var subject = new int[rows]; var visit = new double[rows]; var line = new long[rows];
        for (int i = 0; i < rows; i++)
        {
            int j = shuffled ? random.Next(rows) : i;
            parameter[i] = j % parameters;
            subject[i] = (j / parameters) % subjects;
            visit[i] = random.Next(visits) * 0.5;
            line[i] = i + 2;
        }
        int[] expected = Enumerable.Range(0, rows).ToArray();
        Array.Sort(expected, (x, y) =>
        {
            int c = parameter[x].CompareTo(parameter[y]);
            if (c != 0) return c;
            c = subject[x].CompareTo(subject[y]);
            if (c != 0) return c;
            c = visit[x].CompareTo(visit[y]);
            return c != 0 ? c : line[x].CompareTo(line[y]);
        });
        Assert.Equal(expected, RowOrder.Of(parameter, parameters, subject, subjects, visit, line));
    }

    [Theory]
    [InlineData(0)]    // an ADaM dataset's layout: by subject, then parameter, then visit
    [InlineData(1)]    // the same with one visit out of order
    [InlineData(2)]    // the same with one subject's rows split in two places
    [InlineData(3)]    // the same with a visit recorded twice on one line (a wide row)
    public void Of_ParametersInterleavedBySubject_EqualsTheComparisonSort(int disorder)
    {
        // Rows sorted by subject and visit within each parameter take the shortcut of one counting sort by parameter;
        // any disorder takes the general path. Both must give the comparison sort.
        var parameter = new List<int>(); var subject = new List<int>(); var visit = new List<double>(); var line = new List<long>();
        var random = new Random(16 + disorder);
        for (int s = 0; s < 300; s++)
            for (int p = 0; p < 3; p++)
                for (int v = 0; v < 5; v++)
                {
                    if (random.Next(6) == 0) continue;   // a missed visit
                    parameter.Add(p); subject.Add(s); visit.Add(v); line.Add(line.Count + 2);
                }
        int n = parameter.Count;
        if (disorder == 1) (visit[n / 2], visit[n / 2 + 1]) = (visit[n / 2 + 1] + 0.5, visit[n / 2]);
        if (disorder == 2) { subject.Add(subject[10]); parameter.Add(parameter[10]); visit.Add(9); line.Add(line[^1] + 1); n++; }
        if (disorder == 3) { line[n / 2 + 1] = line[n / 2]; visit[n / 2 + 1] = visit[n / 2]; subject[n / 2 + 1] = subject[n / 2]; parameter[n / 2 + 1] = parameter[n / 2]; }
        int[] expected = Enumerable.Range(0, n).ToArray();
        Array.Sort(expected, (x, y) =>
        {
            int c = parameter[x].CompareTo(parameter[y]);
            if (c != 0) return c;
            c = subject[x].CompareTo(subject[y]);
            if (c != 0) return c;
            c = visit[x].CompareTo(visit[y]);
            return c != 0 ? c : line[x].CompareTo(line[y]);
        });
        Assert.Equal(disorder == 0, RowOrder.IsCohortOrderWithinParameters([.. parameter], 3, [.. subject], [.. visit], [.. line]));
        Assert.Equal(expected, RowOrder.Of([.. parameter], 3, [.. subject], 300, [.. visit], [.. line]));
    }

    [Theory]
    [InlineData(2_000, 1, 200, 6, false)]   // one parameter, in file order: cohort order
    [InlineData(2_000, 3, 200, 6, false)]   // parameters interleaved within a subject: not
    [InlineData(2_000, 3, 200, 6, true)]
    [InlineData(3_000, 1, 1_000, 3, false)] // repeated visits of one subject
    public void IsCohortOrder_OnlyWhenOfWouldKeepTheArrivalOrder(int rows, int parameters, int subjects, int visits, bool shuffled)
    {
        // The builder takes rows already in cohort order as they stand: that must be exactly when Of returns 0 … n - 1.
        var random = new Random(rows + parameters + subjects + visits);
        for (int trial = 0; trial < 50; trial++)
        {
            var parameter = new int[rows]; var subject = new int[rows]; var visit = new double[rows]; var line = new long[rows];
            for (int i = 0; i < rows; i++)
            {
                int j = shuffled ? random.Next(rows) : i;
                parameter[i] = parameters == 1 ? 0 : j % parameters;
                subject[i] = parameters == 1 ? j * subjects / rows : (j / parameters) % subjects;
                visit[i] = trial % 2 == 0 ? i : random.Next(visits);   // in order, or not
                line[i] = i + 2 - (trial % 5 == 4 && i % 7 == 3 ? 1 : 0);     // now and then two records on one line
            }
            bool inOrder = RowOrder.IsCohortOrder(parameter, subject, visit, line);
            int[] order = RowOrder.Of(parameter, parameters, subject, subjects, visit, line);
            if (inOrder) Assert.Equal(RowOrder.Identity(rows), order);
            if (trial == 0 && parameters == 1 && !shuffled) Assert.True(inOrder);
        }
    }
}
