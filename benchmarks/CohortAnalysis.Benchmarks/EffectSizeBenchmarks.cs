using BenchmarkDotNet.Attributes;
using CohortAnalysis;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Resampling;

namespace CohortAnalysis.Benchmarks;

/// <summary>Effect size + exact noncentral-t CI, and the seeded stratified bootstrap on 2 × 500 patients.</summary>
[MemoryDiagnoser]
public class EffectSizeBenchmarks
{
    private double[] _treatment = [];
    private double[] _placebo = [];
    private double[] _lakensX = [];
    private double[] _lakensY = [];

    [GlobalSetup]
    public void Setup()
    {
        var changes = new SeededChanges(12345);
        _treatment = changes.Next(500, -12);
        _placebo = changes.Next(500, -7);
        _lakensX = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9];
        _lakensY = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7];
    }

    [Benchmark(Description = "Cohen's d + noncentral-t CI, n = 10 vs 10")]
    public EffectSizeEstimate CohensDSmall() => EffectSize.CohensD(_lakensX, _lakensY);

    [Benchmark(Description = "Hedges' g + noncentral-t CI, n = 500 vs 500")]
    public EffectSizeEstimate HedgesGLarge() => EffectSize.HedgesG(_treatment, _placebo);

    [Benchmark(Description = "Cohen's d from summaries, d = 10, n = 2 vs 2 (extreme)")]
    public EffectSizeEstimate CohensDExtreme() => EffectSize.CohensD(new SampleSummary(10, 1, 2), new SampleSummary(0, 1, 2));

    [Benchmark(Description = "Hedges' g, bootstrap percentile, 10 000 resamples, 500 vs 500")]
    public EffectSizeEstimate BootstrapPercentile() => EffectSize.HedgesG(_treatment, _placebo,
        new() { CiMethod = CiMethod.BootstrapPercentile, Bootstrap = new() { Resamples = 10_000 } });

    [Benchmark(Description = "Hedges' g, bootstrap BCa, 10 000 resamples, 500 vs 500")]
    public EffectSizeEstimate BootstrapBca() => EffectSize.HedgesG(_treatment, _placebo,
        new() { CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = 10_000 } });

    [Benchmark(Description = "Hedges' g, bootstrap BCa, 10 000 resamples, 500 vs 500, 1 thread")]
    public EffectSizeEstimate BootstrapBcaOneThread() => EffectSize.HedgesG(_treatment, _placebo,
        new() { CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = 10_000, MaxDegreeOfParallelism = 1 } });
}
