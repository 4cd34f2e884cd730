namespace CohortAnalysis.Randomness;

/// <summary>A <see cref="Random"/> over one <see cref="Xoshiro256"/> stream, so MathNet.Numerics samplers (Wishart,
/// gamma) draw from the library's seeded streams and stay bit-reproducible.</summary>
/// <remarks>Not thread-safe: one instance per stream.</remarks>
internal sealed class SeededRandom : Random
{
    private Xoshiro256 _stream;

    public SeededRandom(Xoshiro256 stream) : base(0) => _stream = stream;

    /// <summary>Standard normal from the stream (Box–Muller).</summary>
    public double NextNormal() => _stream.NextNormal();

    protected override double Sample() => _stream.NextDouble();

    public override double NextDouble() => _stream.NextDouble();

    public override int Next() => (int)(_stream.NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : _stream.NextIndex(maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        long range = (long)maxValue - minValue;
        return range == 0 ? minValue : (int)(minValue + (long)(_stream.NextDouble() * range));
    }

    public override long NextInt64() => (long)(_stream.NextUInt64() >> 1);

    public override float NextSingle() => (float)(_stream.NextUInt64() >> 40) * (1.0f / (1 << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(_stream.NextUInt64() >> 56);
    }
}
