namespace CohortAnalysis.Resampling;

/// <summary>A small, fast generator whose stream depends only on (seed, replicate index): xoshiro256**
/// (Blackman &amp; Vigna 2018) seeded through SplitMix64, both written from their published definitions.</summary>
/// <remarks>Because each replicate owns its stream, results do not depend on which thread ran it, the thread
/// count or the machine: same seed → bit-identical bootstrap. <c>System.Random</c> is deliberately not used
/// (its algorithm is an implementation detail that differs between .NET versions).</remarks>
internal struct ReplicateRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public ReplicateRandom(ulong seed, long index)
    {
        // two SplitMix64 finalizations decorrelate neighbouring indices and seeds
        ulong state = Mix(seed ^ 0x6A09E667F3BCC909UL) + Mix(unchecked((ulong)index) + 0x9E3779B97F4A7C15UL);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1;   // the all-zero state is a fixed point
    }

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

    /// <summary>Uniform integer in [0, n) without modulo bias (Lemire 2019, multiply-and-reject).</summary>
    public int NextIndex(int n)
    {
        ulong range = (ulong)n;
        UInt128 product = (UInt128)NextUInt64() * range;
        ulong low = (ulong)product;
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }
        return (int)(ulong)(product >> 64);
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
