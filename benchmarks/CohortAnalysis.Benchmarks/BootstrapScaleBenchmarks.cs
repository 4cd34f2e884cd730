using BenchmarkDotNet.Attributes;
using CohortAnalysis;
using CohortAnalysis.EffectSizes;

namespace CohortAnalysis.Benchmarks;

/// <summary>Cohen's d with a BCa bootstrap interval on 100 000 vs 100 000 subjects (the 200 000-subject case of issue 11):
/// the cost must grow with the resamples asked for, with no large fixed part (the jackknife is O(n) from group moments).</summary>
[MemoryDiagnoser]
public class BootstrapScaleBenchmarks
{
    private double[] _treatment = [];
    private double[] _placebo = [];

    [Params(100, 300, 3000)]
    public int Resamples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var changes = new SeededChanges(20240601);
        _treatment = changes.Next(100_000, -12);
        _placebo = changes.Next(100_000, -7);
    }

    [Benchmark]
    public EffectSizeEstimate CohensDBca200k() => EffectSize.CohensD(_treatment, _placebo,
        new() { CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = Resamples } });
}
