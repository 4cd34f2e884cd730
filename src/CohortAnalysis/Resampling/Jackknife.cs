namespace CohortAnalysis.Resampling;

/// <summary>A statistic of the moments of one or two groups (the second is <c>default</c> for one group).</summary>
internal delegate double MomentStatistic(GroupMoments first, GroupMoments second);

/// <summary>Leave-one-out (jackknife) values of a statistic: the input of the BCa acceleration.</summary>
/// <remarks>
/// <para>One value per observation of every group (per pair for paired data), in observation order: the first
/// group's, then the second's.</para>
/// <para>A general statistic needs n evaluations on n − 1 values, O(n²) in all: 200 000 subjects took over a minute,
/// whatever the number of resamples. A statistic of group moments (means, variances, covariance — every standardized
/// mean difference) drops each observation from the moments in O(1) (<see cref="GroupMoments.Without"/>), O(n) in all.</para>
/// </remarks>
internal static class Jackknife
{
    /// <summary>Leave-one-out values of a general statistic: n evaluations, spread over cores; each value goes to its own
    /// slot, so the result does not depend on the thread count.</summary>
    public static double[] Of(Bootstrap.Design design, double[] x, double[] y, TwoSampleStatistic statistic,
        int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        bool twoGroups = design == Bootstrap.Design.TwoSample;
        var values = new double[twoGroups ? x.Length + y.Length : x.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, values.Length, parallel,
            () => (X: new double[x.Length - 1], Y: new double[Math.Max(0, y.Length - 1)]),
            (i, _, buffers) =>
            {
                if (design == Bootstrap.Design.Paired)
                {
                    LeaveOut(x, i, buffers.X); LeaveOut(y, i, buffers.Y);
                    values[i] = statistic(buffers.X, buffers.Y);
                }
                else if (i < x.Length)
                {
                    LeaveOut(x, i, buffers.X);
                    values[i] = statistic(buffers.X, y);
                }
                else
                {
                    LeaveOut(y, i - x.Length, buffers.Y);
                    values[i] = statistic(x, buffers.Y);
                }
                return buffers;
            },
            _ => { });
        return values;
    }

    /// <summary>Leave-one-out values of a statistic of one group's moments (x alone, or pairs (x[i], y[i]) when
    /// <paramref name="y"/> is not empty): O(n).</summary>
    public static double[] OneGroup(ReadOnlySpan<double> x, ReadOnlySpan<double> y, MomentStatistic statistic)
    {
        GroupMoments all = GroupMoments.Of(x, y);
        var values = new double[x.Length];
        for (int i = 0; i < x.Length; i++) values[i] = statistic(all.Without(x[i], y.Length > 0 ? y[i] : 0), default);
        return values;
    }

    /// <summary>Leave-one-out values of a statistic of two independent groups' moments, one value per observation of
    /// the first group then of the second (pairs when the y spans are not empty): O(n₁ + n₂).</summary>
    public static double[] TwoGroups(ReadOnlySpan<double> x1, ReadOnlySpan<double> y1, ReadOnlySpan<double> x2, ReadOnlySpan<double> y2,
        MomentStatistic statistic)
    {
        GroupMoments first = GroupMoments.Of(x1, y1), second = GroupMoments.Of(x2, y2);
        var values = new double[x1.Length + x2.Length];
        for (int i = 0; i < x1.Length; i++) values[i] = statistic(first.Without(x1[i], y1.Length > 0 ? y1[i] : 0), second);
        for (int j = 0; j < x2.Length; j++) values[x1.Length + j] = statistic(first, second.Without(x2[j], y2.Length > 0 ? y2[j] : 0));
        return values;
    }

    private static void LeaveOut(double[] source, int index, double[] target)
    {
        Array.Copy(source, 0, target, 0, index);
        Array.Copy(source, index + 1, target, index, source.Length - index - 1);
    }
}
