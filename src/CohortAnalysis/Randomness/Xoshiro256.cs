namespace CohortAnalysis.Randomness;

/// <summary>xoshiro256** (Blackman &amp; Vigna 2018, "Scrambled linear pseudorandom number generators") seeded through
/// SplitMix64, both written from their published definitions: the library's one seeded generator.</summary>
/// <remarks>
/// <para>Its stream is fixed by this code alone, so results regenerate bit for bit on any machine and .NET version
/// (<c>System.Random</c>'s algorithm is an implementation detail). A mutable struct: keep it in a local or a field and
/// pass it by <c>ref</c>.</para>
/// <para><see cref="ForReplicate"/> gives each bootstrap replicate (or imputation) its own stream, derived from
/// (seed, index) only, so parallel results do not depend on the thread count.</para>
/// </remarks>
internal struct Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator whose four state words are the next four SplitMix64 outputs from <paramref name="splitMixState"/>.</summary>
    public Xoshiro256(ulong splitMixState)
    {
        _s0 = SplitMix(ref splitMixState);
        _s1 = SplitMix(ref splitMixState);
        _s2 = SplitMix(ref splitMixState);
        _s3 = SplitMix(ref splitMixState);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1; // the all-zero state is a fixed point
    }

    /// <summary>The stream of replicate <paramref name="index"/> under <paramref name="seed"/>.</summary>
    public static Xoshiro256 ForReplicate(ulong seed, long index) =>
        // two SplitMix64 finalizations decorrelate neighbouring indices and seeds
        new(Mix(seed ^ 0x6A09E667F3BCC909UL) + Mix(unchecked((ulong)index) + 0x9E3779B97F4A7C15UL));

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by the Box–Muller transform (one value per call; simple and reproducible).</summary>
    public double NextNormal()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Uniform integer in [0, n) without modulo bias (Lemire 2019, multiply-and-reject).</summary>
    public int NextIndex(int n)
    {
        // The 128-bit product of a draw and n as its high and low words (Math.BigMul: the same bits as UInt128
        // multiplication, without its generic-math operator calls, which a short process runs unoptimised per draw).
        ulong range = (ulong)n;
        ulong high = Math.BigMul(NextUInt64(), range, out ulong low);
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold) high = Math.BigMul(NextUInt64(), range, out low);
        }
        return (int)high;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
