using BenchmarkDotNet.Attributes;
using CohortAnalysis;
using CohortAnalysis.EffectSizes;

namespace CohortAnalysis.Benchmarks;

/// <summary>The effect-size hot paths of issue 16, with allocations: Cohen's d with its noncentral-t CI on 2 × 50 values
/// (compared per call with R effectsize::cohens_d by compare-with-r.sh), and Cohen's d with a BCa interval from 10 000
/// bootstrap resamples on 100 + 100 subjects.</summary>
[MemoryDiagnoser]
public class EffectSizeHotPathBenchmarks
{
    private double[] _x50 = [], _y50 = [], _x100 = [], _y100 = [];

    [GlobalSetup]
    public void Setup()
    {
        var changes = new SeededChanges(16);
        _x50 = changes.Next(50, -12);
        _y50 = changes.Next(50, -7);
        _x100 = changes.Next(100, -12);
        _y100 = changes.Next(100, -7);
    }

    [Benchmark(Description = "Cohen's d + noncentral-t CI, 50 vs 50")]
    public EffectSizeEstimate CohensD50() => EffectSize.CohensD(_x50, _y50);

    [Benchmark(Description = "Cohen's d, bootstrap BCa, 10 000 resamples, 100 vs 100")]
    public EffectSizeEstimate BootstrapBca100() => EffectSize.CohensD(_x100, _y100,
        new() { CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = 10_000, Seed = 1 } });
}
