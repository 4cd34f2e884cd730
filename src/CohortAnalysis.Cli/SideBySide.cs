using System.Runtime.ExceptionServices;

namespace CohortAnalysis.Cli;

/// <summary>Runs independent pieces of one command on all cores and reports a failure as a one-at-a-time run would have:
/// every piece finishes (or fails), then the failure of the first piece in order is rethrown as it was thrown, not
/// wrapped in an <see cref="AggregateException"/>. Each piece writes only its own result, so results do not depend on
/// the number of threads.</summary>
internal static class SideBySide
{
    /// <summary>Runs <paramref name="work"/> for 0 … <paramref name="count"/> − 1.</summary>
    public static void For(int count, Action<int> work)
    {
        var failures = new ExceptionDispatchInfo?[count];
        Parallel.For(0, count, i =>
        {
            try
            {
                work(i);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        foreach (ExceptionDispatchInfo? failure in failures) failure?.Throw();
    }

    /// <summary>Runs the pieces side by side; a failure is rethrown as the first failing piece in this order threw it.</summary>
    public static void Run(params Action[] work) => For(work.Length, i => work[i]());
}
