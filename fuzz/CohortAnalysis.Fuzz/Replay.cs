using CohortAnalysis.Data;

namespace CohortAnalysis.Fuzz;

/// <summary>Runs saved inputs (AFL crash files, corpus files) through a target without AFL and prints the outcome.</summary>
internal static class Replay
{
    /// <returns>0 when every input loaded or was rejected with a CohortDataException, 1 when any crashed.</returns>
    public static int Run(string name, Action<byte[]> target, string[] paths)
    {
        var files = paths.SelectMany<string, string>(p => Directory.Exists(p)
                ? Directory.GetFiles(p).Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                : [p]).ToList();
        int crashes = 0;
        foreach (string file in files)
        {
            byte[] data = File.ReadAllBytes(file);
            try
            {
                string outcome;
                try
                {
                    Cohort cohort = Targets.Readers[name](data);
                    outcome = $"loaded {cohort.Report.RowsLoaded} row(s)";
                }
                catch (Exception e) when (e is CohortDataException or CohortAnalysis.Privacy.IdentifiableDataException)
                {
                    outcome = "rejected: " + e.Message.Split('\n')[0];
                }
                target(data); // again with the harness's checks (allocation budget)
                Console.WriteLine($"ok     {file}: {outcome}");
            }
            catch (Exception e)
            {
                crashes++;
                Console.WriteLine($"CRASH  {file}: {e.GetType().FullName}: {e.Message}");
                Console.WriteLine(e.StackTrace);
            }
        }
        Console.WriteLine($"{name}: {files.Count} input(s) replayed, {crashes} crash(es).");
        return crashes == 0 ? 0 : 1;
    }
}
