using System.Diagnostics;
using System.Globalization;
using CohortAnalysis.Data;
using CohortAnalysis.Missing;

namespace CohortAnalysis.Benchmarks;

/// <summary>Wall-clock timing of <see cref="MultipleImputation"/> for benchmarks/missing-data.sh.</summary>
/// <remarks><c>missing-time SUBJECTS REPS [THREADS]</c>: the demo trial generator with SUBJECTS subjects (4 post-baseline
/// visits, monotone dropout), J2R; conditional mean + jackknife, Bayesian MI (M = 100) and approximate Bayesian MI
/// (M = 100), each analysed by ANCOVA at each visit, then conditional mean + jackknife and Bayesian MI analysed by the MMRM
/// (<see cref="ImputedDataAnalysis.Mmrm"/>); each timed REPS times after a warm-up run; prints the median and minimum
/// wall-clock time and the median CPU time of the process (all threads, GC included) in ms. On a shared machine the
/// one-thread CPU time is the figure least disturbed by other work.</remarks>
internal static class MissingTiming
{
    public static int Run(string[] args)
    {
        int subjects = int.Parse(args[1], CultureInfo.InvariantCulture), reps = int.Parse(args[2], CultureInfo.InvariantCulture);
        int threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : -1;
        Cohort cohort = CohortCsvReader.Read(new StringReader(DemoTrial.Generate(subjects: subjects)), "demo.csv");
        var common = new ImputationOptions { Strategy = ImputationStrategy.JumpToReference, MaxDegreeOfParallelism = threads };
        (string Name, ImputationOptions Options)[] cases =
        [
            ("conditional mean + jackknife", common with { Method = ImputationMethod.ConditionalMean }),
            ("Bayesian MI, M = 100", common with { Method = ImputationMethod.Bayesian, Imputations = 100 }),
            ("approximate Bayesian MI, M = 100", common with { Method = ImputationMethod.ApproximateBayesian, Imputations = 100 }),
            ("conditional mean + jackknife, MMRM", common with { Method = ImputationMethod.ConditionalMean, Analysis = ImputedDataAnalysis.Mmrm }),
            ("Bayesian MI, M = 100, MMRM", common with { Method = ImputationMethod.Bayesian, Imputations = 100, Analysis = ImputedDataAnalysis.Mmrm }),
        ];
        foreach (var (name, options) in cases)
        {
            ImputationResult first = MultipleImputation.Analyze(cohort, "MADRS", options);
            var times = new double[reps];
            var cpu = new double[reps];
            using Process self = Process.GetCurrentProcess();
            for (int r = 0; r < reps; r++)
            {
                self.Refresh();
                TimeSpan cpuBefore = self.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                ImputationResult again = MultipleImputation.Analyze(cohort, "MADRS", options);
                times[r] = watch.Elapsed.TotalMilliseconds;
                self.Refresh();
                cpu[r] = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                if (again.Differences[^1].Estimate != first.Differences[^1].Estimate) throw new InvalidOperationException("Runs differ.");
            }
            Array.Sort(times);
            Array.Sort(cpu);
            PooledEstimate d = first.Differences[^1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-36} median_ms={times[reps / 2],8:F1} min_ms={times[0],8:F1} cpu_median_ms={cpu[reps / 2],8:F1} subjects={first.SubjectsUsed} imputed={first.ValuesImputed} samples={first.Imputations} difference={d.Estimate:F4} se={d.StandardError:F4}"));
        }
        return 0;
    }
}
