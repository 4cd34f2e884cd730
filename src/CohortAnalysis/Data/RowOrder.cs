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
    public static int[] Of(ReadOnlySpan<int> parameter, int parameterCount, ReadOnlySpan<int> subject, int subjectCount,
        ReadOnlySpan<double> visit, ReadOnlySpan<long> line)
    {
        int n = parameter.Length;
        // A file sorted by subject and visit with its parameters interleaved (each subject's rows of one parameter, then
        // the next): one stable counting sort by parameter gives what the general path below would.
        if (IsCohortOrderWithinParameters(parameter, parameterCount, subject, visit, line)) return ByParameter(parameter, parameterCount);
        int[] order = CountingSort(BySubject(subject, subjectCount), parameter, parameterCount);
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && parameter[order[end]] == parameter[order[start]] && subject[order[end]] == subject[order[start]]) end++;
            if (end - start > InsertionLimit)
            {
                var keys = new (double Visit, long Line)[end - start];
                for (int i = start; i < end; i++) keys[i - start] = (visit[order[i]], line[order[i]]);
                keys.AsSpan().Sort(order.AsSpan(start, end - start));
            }
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

    /// <summary>True when rows that arrive in source-line order are already in cohort order (by parameter, subject and
    /// visit, then line): a file sorted as the cohort is needs no reordering. Two records of one visit on one line (a
    /// wide row) are left to <see cref="Of"/>.</summary>
    public static bool IsCohortOrder(ReadOnlySpan<int> parameter, ReadOnlySpan<int> subject, ReadOnlySpan<double> visit, ReadOnlySpan<long> line)
    {
        for (int i = 1; i < parameter.Length; i++)
        {
            if (parameter[i] != parameter[i - 1])
            {
                if (parameter[i] < parameter[i - 1]) return false;
                continue;
            }
            if (subject[i] != subject[i - 1])
            {
                if (subject[i] < subject[i - 1]) return false;
                continue;
            }
            if (!(visit[i] >= visit[i - 1]) || (visit[i] == visit[i - 1] && line[i] <= line[i - 1])) return false;
        }
        return true;
    }

    /// <summary>True when the rows of each parameter, taken alone, are in cohort order (<see cref="IsCohortOrder"/>): by
    /// subject, visit and line.</summary>
    public static bool IsCohortOrderWithinParameters(ReadOnlySpan<int> parameter, int parameterCount, ReadOnlySpan<int> subject,
        ReadOnlySpan<double> visit, ReadOnlySpan<long> line)
    {
        var last = new int[parameterCount];   // per parameter, its last row so far plus one (0: none yet)
        for (int i = 0; i < parameter.Length; i++)
        {
            int p = parameter[i], before = last[p] - 1;
            last[p] = i + 1;
            if (before < 0 || subject[i] > subject[before]) continue;
            if (subject[i] < subject[before] || !(visit[i] >= visit[before]) || (visit[i] == visit[before] && line[i] <= line[before])) return false;
        }
        return true;
    }

    // Stable counting sort of the rows 0 … n − 1 by parameter.
    private static int[] ByParameter(ReadOnlySpan<int> parameter, int parameterCount)
    {
        var start = new int[parameterCount + 1];
        foreach (int p in parameter) start[p + 1]++;
        for (int k = 0; k < parameterCount; k++) start[k + 1] += start[k];
        var sorted = new int[parameter.Length];
        for (int row = 0; row < parameter.Length; row++) sorted[start[parameter[row]]++] = row;
        return sorted;
    }

    /// <summary>The rows 0 … <paramref name="n"/> − 1 in arrival order.</summary>
    public static int[] Identity(int n)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    // Stable counting sort of the rows 0 … n − 1 by subject.
    private static int[] BySubject(ReadOnlySpan<int> subject, int subjectCount)
    {
        var start = new int[subjectCount + 1];
        foreach (int s in subject) start[s + 1]++;
        for (int k = 0; k < subjectCount; k++) start[k + 1] += start[k];
        var sorted = new int[subject.Length];
        for (int row = 0; row < subject.Length; row++) sorted[start[subject[row]]++] = row;
        return sorted;
    }

    // Stable: rows with equal keys keep their order in `rows`, which is reused for the result.
    private static int[] CountingSort(int[] rows, ReadOnlySpan<int> key, int keyCount)
    {
        if (keyCount == 1) return rows;
        var start = new int[keyCount + 1];
        foreach (int row in rows) start[key[row] + 1]++;
        for (int k = 0; k < keyCount; k++) start[k + 1] += start[k];
        var sorted = new int[rows.Length];
        foreach (int row in rows) sorted[start[key[row]]++] = row;
        return sorted;
    }
}
