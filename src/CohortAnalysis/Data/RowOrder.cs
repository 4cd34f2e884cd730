namespace CohortAnalysis.Data;

/// <summary>The order a cohort keeps its rows in: by parameter, subject, visit, then source line (so the first of two
/// records of one visit, in file order, comes first).</summary>
/// <remarks>Linear in the rows for any file layout: two stable counting sorts (subject, then parameter) group the rows,
/// which arrive in line order; each subject's few visits are then put in order by insertion. A group larger than
/// <see cref="InsertionLimit"/> rows is sorted by comparison instead, so no input is quadratic.</remarks>
internal static class RowOrder
{
    internal const int InsertionLimit = 64;

    /// <summary>Row indices in cohort order. Rows must arrive in source-line order (equal lines keep arrival order).</summary>
    public static int[] Of(int[] parameter, int parameterCount, int[] subject, int subjectCount, double[] visit, long[] line)
    {
        int n = parameter.Length;
        int[] bySubject = CountingSort(Identity(n), subject, subjectCount);
        int[] order = CountingSort(bySubject, parameter, parameterCount);
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && parameter[order[end]] == parameter[order[start]] && subject[order[end]] == subject[order[start]]) end++;
            if (end - start > InsertionLimit)
                Array.Sort(order, start, end - start, Comparer<int>.Create((x, y) =>
                {
                    int c = visit[x].CompareTo(visit[y]);
                    return c != 0 ? c : line[x].CompareTo(line[y]);
                }));
            else
                for (int i = start + 1; i < end; i++)
                {
                    int row = order[i];
                    int j = i - 1;
                    while (j >= start && visit[order[j]] > visit[row]) { order[j + 1] = order[j]; j--; }
                    order[j + 1] = row;
                }
            start = end;
        }
        return order;
    }

    private static int[] Identity(int n)
    {
        var rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        return rows;
    }

    // Stable: rows with equal keys keep their order in `rows`.
    private static int[] CountingSort(int[] rows, int[] key, int keyCount)
    {
        var start = new int[keyCount + 1];
        foreach (int row in rows) start[key[row] + 1]++;
        for (int k = 0; k < keyCount; k++) start[k + 1] += start[k];
        var sorted = new int[rows.Length];
        foreach (int row in rows) sorted[start[key[row]]++] = row;
        return sorted;
    }
}
