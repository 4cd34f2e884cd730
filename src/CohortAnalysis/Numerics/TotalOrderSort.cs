using System.Buffers;

namespace CohortAnalysis.Numerics;

/// <summary>Sorts doubles (NaN removed first) by a least-significant digit radix sort on the values' bits: linear in the
/// count, no comparisons. Zero is one value: −0 sorts, and comes back, as +0.</summary>
/// <remarks>
/// <para>Each value's bits are mapped to an unsigned key whose order is the values' order (as IEEE 754-2019 §5.10
/// totalOrder, with −0 read as +0): a negative value's bits are inverted, a positive value's sign bit is set. The keys are then sorted one
/// byte at a time, least significant first (Knuth, TAOCP vol. 3, §5.2.5), skipping a byte that all keys share, so
/// integer scores such as MADRS or NRS, whose low 48 bits are zero, take two or three passes.</para>
/// <para>Any two correct sorts of the same values give the same sequence except where −0 and +0 sit among equal
/// values, which a comparison sort leaves in no particular place (so a minimum or quartile could show "-0" or "0"
/// depending on the algorithm). Here every zero is +0: a quantile of scores shows 0, as R prints it, and sums are
/// unchanged (x + −0 = x + +0 for every x ≠ 0). The point is speed: the runtime's comparison sort goes through a
/// comparer call per comparison under Native AOT.</para>
/// </remarks>
internal static class TotalOrderSort
{
    private const ulong SignBit = 1UL << 63;
    private const int Small = 48;   // below this, insertion sort on the keys

    /// <summary>The values without NaN, sorted; <paramref name="values"/> is not changed.</summary>
    public static double[] WithoutNaN(ReadOnlySpan<double> values)
    {
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(values.Length);
        int n = 0;
        foreach (double v in values)
            if (!double.IsNaN(v)) keys[n++] = Key(v);
        Sort(keys.AsSpan(0, n), []);
        var sorted = new double[n];
        for (int i = 0; i < n; i++) sorted[i] = Value(keys[i]);
        ArrayPool<ulong>.Shared.Return(keys);
        return sorted;
    }

    /// <summary>The positions of the values in ascending order (ties in no particular order); false, with no order, when
    /// a value is NaN (NaN has no place in this order: the caller sorts such values its own way).</summary>
    public static bool TryOrder(ReadOnlySpan<double> values, out int[] order)
    {
        int n = values.Length;
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(n);
        order = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(values[i]))
            {
                ArrayPool<ulong>.Shared.Return(keys);
                order = [];
                return false;
            }
            keys[i] = Key(values[i]);
            order[i] = i;
        }
        Sort(keys.AsSpan(0, n), order);
        ArrayPool<ulong>.Shared.Return(keys);
        return true;
    }

    internal static ulong Key(double value)
    {
        if (value == 0) value = 0.0;   // −0 as +0
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    internal static double Value(ulong key) =>
        BitConverter.Int64BitsToDouble((long)((key & SignBit) != 0 ? key & ~SignBit : ~key));

    // Sorts the keys and, when it is not empty, the payload with them.
    private static void Sort(Span<ulong> keys, Span<int> payload)
    {
        int n = keys.Length;
        bool carry = !payload.IsEmpty;
        if (n < Small)
        {
            for (int i = 1; i < n; i++)
            {
                ulong key = keys[i];
                int item = carry ? payload[i] : 0;
                int j = i - 1;
                for (; j >= 0 && keys[j] > key; j--)
                {
                    keys[j + 1] = keys[j];
                    if (carry) payload[j + 1] = payload[j];
                }
                keys[j + 1] = key;
                if (carry) payload[j + 1] = item;
            }
            return;
        }

        int[] counts = ArrayPool<int>.Shared.Rent(8 * 256);
        Span<int> count = counts.AsSpan(0, 8 * 256);
        count.Clear();
        foreach (ulong key in keys)
            for (int b = 0; b < 8; b++) count[(b << 8) | (int)((key >> (b * 8)) & 0xFF)]++;

        ulong[] keyBuffer = ArrayPool<ulong>.Shared.Rent(n);
        int[] payloadBuffer = carry ? ArrayPool<int>.Shared.Rent(n) : [];
        Span<ulong> from = keys, to = keyBuffer.AsSpan(0, n);
        Span<int> fromPayload = payload, toPayload = carry ? payloadBuffer.AsSpan(0, n) : [];
        for (int b = 0; b < 8; b++)
        {
            Span<int> digit = count.Slice(b << 8, 256);
            if (digit[(int)((keys[0] >> (b * 8)) & 0xFF)] == n) continue;   // every key has this byte: nothing moves
            int start = 0;
            for (int d = 0; d < 256; d++) (digit[d], start) = (start, start + digit[d]);
            int shift = b * 8;
            for (int i = 0; i < n; i++)
            {
                int at = digit[(int)((from[i] >> shift) & 0xFF)]++;
                to[at] = from[i];
                if (carry) toPayload[at] = fromPayload[i];
            }
            Span<ulong> swapKeys = from; from = to; to = swapKeys;
            Span<int> swapPayload = fromPayload; fromPayload = toPayload; toPayload = swapPayload;
        }
        if (from != keys)
        {
            from.CopyTo(keys);
            if (carry) fromPayload.CopyTo(payload);
        }
        ArrayPool<ulong>.Shared.Return(keyBuffer);
        if (carry) ArrayPool<int>.Shared.Return(payloadBuffer);
        ArrayPool<int>.Shared.Return(counts);
    }
}
