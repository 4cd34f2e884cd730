using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/CohortAnalysis.Benchmarks -- --filter '*' --job short
// On a busy machine add --inProcess (BenchmarkDotNet's generated project can exceed its 2-minute build timeout).
// The issue-16 hot paths: --filter '*HotPath*' (1M-row CSV and Parquet loads, the change job, Cohen's d, BCa bootstrap).
// MMRM wall-clock timing for benchmarks/mmrm-vs-r.sh: the first argument mmrm-generate, mmrm-bcva or mmrm-time.
if (args.Length > 0 && args[0].StartsWith("mmrm-", StringComparison.Ordinal))
    return CohortAnalysis.Benchmarks.MmrmTiming.Run(args);
// Imputation wall-clock timing for benchmarks/missing-data.sh: missing-time SUBJECTS REPS [THREADS].
if (args.Length > 0 && args[0] == "missing-time")
    return CohortAnalysis.Benchmarks.MissingTiming.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

internal sealed partial class Program;
