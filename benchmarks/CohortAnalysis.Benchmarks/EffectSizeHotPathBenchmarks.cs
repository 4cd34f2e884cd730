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
        ulong state = 16;   // a fixed linear congruential sequence, as EffectSizeBenchmarks
        double Next()
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            return (state >> 11) * (1.0 / (1UL << 53));
        }
        double Normal() => Math.Sqrt(-2 * Math.Log(Next() + 1e-300)) * Math.Cos(2 * Math.PI * Next());
        _x50 = Enumerable.Range(0, 50).Select(_ => Math.Round(-12 + 8 * Normal())).ToArray();
        _y50 = Enumerable.Range(0, 50).Select(_ => Math.Round(-7 + 8 * Normal())).ToArray();
        _x100 = Enumerable.Range(0, 100).Select(_ => Math.Round(-12 + 8 * Normal())).ToArray();
        _y100 = Enumerable.Range(0, 100).Select(_ => Math.Round(-7 + 8 * Normal())).ToArray();
    }

    [Benchmark(Description = "Cohen's d + noncentral-t CI, 50 vs 50")]
    public EffectSizeEstimate CohensD50() => EffectSize.CohensD(_x50, _y50);

    [Benchmark(Description = "Cohen's d, bootstrap BCa, 10 000 resamples, 100 vs 100")]
    public EffectSizeEstimate BootstrapBca100() => EffectSize.CohensD(_x100, _y100,
        new() { CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = 10_000, Seed = 1 } });
}
