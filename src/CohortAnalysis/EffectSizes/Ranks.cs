namespace CohortAnalysis.EffectSizes;

/// <summary>Average ("mid") ranks, ties sharing the mean of their positions, as R <c>rank(ties.method = "average")</c>.</summary>
internal static class Ranks
{
    public static double[] Average(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        var keys = values.ToArray();
        // Ties share a rank, so their order does not matter; values with a NaN are sorted as before (NaN first).
        if (Numerics.TotalOrderSort.TryOrder(keys, out int[] order))
            for (int i = 0; i < n; i++) keys[i] = values[order[i]];
        else
        {
            order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Array.Sort(keys, order);
        }
        var ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end + 1 < n && keys[end + 1] == keys[start]) end++;
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }
}
