using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/CohortAnalysis.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

internal sealed partial class Program;
