namespace CohortAnalysis.Inference;

/// <summary>Exact null distributions of the Wilcoxon signed-rank and rank-sum statistics, and average ranks.</summary>
internal static class RankDistributions
{
    /// <summary>P(V ≤ q) for the signed-rank statistic with n untied, non-zero differences (R <c>psignrank</c>).</summary>
    public static double SignedRankCdf(double q, int n)
    {
        int max = n * (n + 1) / 2;
        if (q < 0) return 0;
        if (q >= max) return 1;
        // counts[s] = number of subsets of {1..n} with sum s; all additions of non-negative numbers (no cancellation).
        var counts = new double[max + 1];
        counts[0] = 1;
        int reach = 0;
        for (int k = 1; k <= n; k++)
        {
            reach += k;
            for (int s = reach; s >= k; s--) counts[s] += counts[s - k];
        }
        double below = 0, total = 0;
        int limit = (int)Math.Floor(q + 1e-7);
        for (int s = 0; s <= max; s++)
        {
            total += counts[s];
            if (s <= limit) below += counts[s];
        }
        return below / total;
    }

    /// <summary>P(W ≤ q) for the rank-sum (Mann–Whitney U) statistic of x with m and n untied values (R <c>pwilcox</c>).</summary>
    public static double RankSumCdf(double q, int m, int n)
    {
        int max = m * n;
        if (q < 0) return 0;
        if (q >= max) return 1;
        // Walk through the N = m + n ordered positions; placing an x after j y's adds j to U.
        // dp[j, u] = arrangements with j x's placed so far and U = u.
        var dp = new double[m + 1, max + 1];
        dp[0, 0] = 1;
        for (int i = 0; i < m + n; i++)
        {
            int jMax = Math.Min(i, m);
            for (int j = jMax; j >= 0; j--)
            {
                int ysSoFar = i - j;
                if (ysSoFar > n) continue;
                for (int u = max; u >= 0; u--)
                {
                    double c = dp[j, u];
                    if (c == 0) continue;
                    // The same cell keeps its value when the next element is a y (only if a y remains);
                    // moving an x forward adds the y's seen so far.
                    if (j < m) dp[j + 1, u + ysSoFar] += c;
                    if (ysSoFar == n) dp[j, u] = 0;  // no y left: every path must continue with an x
                }
            }
        }
        double below = 0, total = 0;
        int limit = (int)Math.Floor(q + 1e-7);
        for (int u = 0; u <= max; u++)
        {
            total += dp[m, u];
            if (u <= limit) below += dp[m, u];
        }
        return below / total;
    }

    /// <summary>Average ranks (1-based) of the values, as R <c>rank(ties.method = "average")</c>, plus the tie-group sizes.</summary>
    public static (double[] Ranks, List<int> TieSizes) AverageRanks(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        double[] copy = values.ToArray();
        // Ties share a rank, so their order does not matter; values with a NaN are sorted as before (NaN first).
        if (!Numerics.TotalOrderSort.TryOrder(copy, out int[] order))
        {
            order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Array.Sort(order, (a, b) => copy[a].CompareTo(copy[b]));
        }
        var ranks = new double[n];
        var ties = new List<int>();
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end + 1 < n && copy[order[end + 1]] == copy[order[start]]) end++;
            double avg = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = avg;
            ties.Add(end - start + 1);
            start = end + 1;
        }
        return (ranks, ties);
    }
}
