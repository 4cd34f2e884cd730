using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/CohortAnalysis.Benchmarks -- --filter '*' --job short
// MMRM wall-clock timing for benchmarks/mmrm-vs-r.sh: the first argument mmrm-generate, mmrm-bcva or mmrm-time.
if (args.Length > 0 && args[0].StartsWith("mmrm-", StringComparison.Ordinal))
    return CohortAnalysis.Benchmarks.MmrmTiming.Run(args);
// Imputation wall-clock timing for benchmarks/missing-data.sh: missing-time SUBJECTS REPS [THREADS].
if (args.Length > 0 && args[0] == "missing-time")
    return CohortAnalysis.Benchmarks.MissingTiming.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

internal sealed partial class Program;
