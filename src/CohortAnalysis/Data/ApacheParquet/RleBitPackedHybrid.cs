using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>Decodes Parquet's RLE / bit-packing hybrid encoding: definition levels and dictionary indices.</summary>
/// <remarks>
/// <para>A sequence of runs, each led by a ULEB128 varint header: an even header is a repeated run of header/2 copies of
/// one value stored in ceil(bit width / 8) little-endian bytes; an odd header is a bit-packed run of header/2 groups of
/// eight values, bit width bits each, least significant bit first. The last group may be padded past the values wanted.</para>
/// <para>Reference: Apache Parquet format specification, "Encodings": "Run Length Encoding / Bit-Packing Hybrid
/// (RLE = 3)".</para>
/// </remarks>
internal static class RleBitPackedHybrid
{
    /// <summary>Fills <paramref name="values"/> from <paramref name="data"/>; false when the data ends before every value is
    /// read, the bit width is outside 0-32, or a header is malformed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryDecode(ReadOnlySpan<byte> data, int bitWidth, Span<int> values)
    {
        if (bitWidth is < 0 or > 32) return false;
        int byteWidth = (bitWidth + 7) / 8;
        int position = 0, n = 0;
        while (n < values.Length)
        {
            if (!TryVarint(data, ref position, out ulong header)) return false;
            ulong count = header >> 1;
            if ((header & 1) == 0)
            {
                if (byteWidth > data.Length - position) return false;
                uint value = 0;
                for (int i = 0; i < byteWidth; i++) value |= (uint)data[position + i] << (8 * i);
                if (bitWidth < 32 && value >> bitWidth != 0) return false;   // wider than the bit width: malformed
                position += byteWidth;
                int take = (int)Math.Min(count, (ulong)(values.Length - n));
                values.Slice(n, take).Fill((int)value);
                n += take;
            }
            else
            {
                if (count > int.MaxValue / 8) return false;
                int take = (int)Math.Min(count * 8, (ulong)(values.Length - n));
                long runBytes = (long)count * bitWidth;   // groups of eight values: bit width bytes each
                long needed = ((long)take * bitWidth + 7) / 8;
                if (needed > data.Length - position) return false;
                Unpack(data.Slice(position, (int)needed), bitWidth, values.Slice(n, take));
                position += (int)Math.Min(runBytes, data.Length - position);
                n += take;
            }
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unpack(ReadOnlySpan<byte> packed, int bitWidth, Span<int> values)
    {
        if (bitWidth == 0)
        {
            values.Clear();
            return;
        }
        ulong buffer = 0;
        int bits = 0, next = 0;
        ulong mask = bitWidth == 32 ? uint.MaxValue : (1UL << bitWidth) - 1;
        for (int i = 0; i < values.Length; i++)
        {
            while (bits < bitWidth)
            {
                buffer |= (ulong)packed[next++] << bits;
                bits += 8;
            }
            values[i] = (int)(uint)(buffer & mask);
            buffer >>= bitWidth;
            bits -= bitWidth;
        }
    }

    private static bool TryVarint(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 64 && position < data.Length; shift += 7)
        {
            byte b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return true;
        }
        return false;
    }
}
