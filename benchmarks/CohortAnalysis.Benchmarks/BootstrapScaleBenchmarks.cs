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
        ulong state = 20240601;   // a fixed linear congruential sequence, as EffectSizeBenchmarks
        double Next()
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            return (state >> 11) * (1.0 / (1UL << 53));
        }
        double Normal() => Math.Sqrt(-2 * Math.Log(Next() + 1e-300)) * Math.Cos(2 * Math.PI * Next());
        _treatment = Enumerable.Range(0, 100_000).Select(_ => Math.Round(-12 + 8 * Normal())).ToArray();
        _placebo = Enumerable.Range(0, 100_000).Select(_ => Math.Round(-7 + 8 * Normal())).ToArray();
    }

    [Benchmark]
    public EffectSizeEstimate CohensDBca200k() => EffectSize.CohensD(_treatment, _placebo,
        new() { CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = Resamples } });
}
