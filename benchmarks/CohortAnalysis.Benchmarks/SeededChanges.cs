namespace CohortAnalysis.Benchmarks;

/// <summary>Deterministic MADRS-like changes for the benchmarks (no System.Random, whose sequence may change between
/// runtimes): a fixed 64-bit linear congruential sequence (Knuth's MMIX constants) turned into normals by Box–Muller,
/// rounded to whole points.</summary>
internal sealed class SeededChanges(ulong seed)
{
    private ulong _state = seed;

    /// <summary><paramref name="n"/> values round(<paramref name="mean"/> + 8·Z), continuing the sequence.</summary>
    public double[] Next(int n, double mean) => Enumerable.Range(0, n).Select(_ => Math.Round(mean + 8 * Normal())).ToArray();

    private double Uniform()
    {
        _state = _state * 6364136223846793005UL + 1442695040888963407UL;
        return (_state >> 11) * (1.0 / (1UL << 53));
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(Uniform() + 1e-300)) * Math.Cos(2 * Math.PI * Uniform());
}
