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
