using System.IO.Compression;
using K4os.Compression.LZ4;
using Parquet.Meta;
using Snappier;
using ZstdSharp;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>Decompresses one Parquet page body by its column chunk's codec: uncompressed, Snappy (Snappier), gzip and
/// Brotli (System.IO.Compression), zstd (ZstdSharp) and LZ4 raw blocks (K4os), the libraries Parquet.Net itself uses.
/// LZO and the Hadoop-framed LZ4 are not decompressed here (<see cref="Supports"/> is false): such columns are left to
/// Parquet.Net.</summary>
internal static class ParquetPageCodec
{
    public static bool Supports(CompressionCodec codec) => codec is CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY
        or CompressionCodec.GZIP or CompressionCodec.BROTLI or CompressionCodec.ZSTD or CompressionCodec.LZ4_RAW;

    /// <summary>Whether <paramref name="page"/> can decompress to <paramref name="size"/> bytes, checked before a buffer of
    /// that size is made: the size the stream itself declares (Snappy's preamble, a zstd frame's content size, gzip's
    /// ISIZE trailer) must be the header's; LZ4 (at most 255 bytes out per byte in) bounds it by the compressed length;
    /// Brotli, which declares nothing and can shrink a run by far more, is decoded here up to 64 MiB a page (or 1 032
    /// bytes per byte in). A damaged page header that claims gigabytes is declined, not allocated.</summary>
    public static bool Plausible(CompressionCodec codec, ReadOnlySpan<byte> page, int size)
    {
        try
        {
            return codec switch
            {
                CompressionCodec.UNCOMPRESSED => page.Length == size,
                CompressionCodec.SNAPPY => Snappy.GetUncompressedLength(page) == size,
                CompressionCodec.ZSTD => Decompressor.GetDecompressedSize(page) switch
                {
                    0 or >= ulong.MaxValue - 1 => size <= MaxUndeclared,   // not declared (or not readable: the decoder says)
                    ulong declared => declared == (ulong)size,
                },
                CompressionCodec.GZIP => page.Length >= 18 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(page[^4..]) == (uint)size,
                CompressionCodec.LZ4_RAW => size <= 255L * page.Length + 64,
                CompressionCodec.BROTLI => size <= Math.Max(MaxUndeclared, 1032L * page.Length),
                _ => false,
            };
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or ZstdException)
        {
            return false;
        }
    }

    // A zstd frame may leave its content size out, and Brotli declares none; such a page is decoded here up to this size.
    private const int MaxUndeclared = 64 << 20;

    /// <summary>Decompresses <paramref name="page"/> into exactly <paramref name="output"/>'s length; false when the
    /// bytes do not decompress to that many.</summary>
    public static bool TryDecompress(CompressionCodec codec, ReadOnlySpan<byte> page, Span<byte> output)
    {
        try
        {
            int written;
            switch (codec)
            {
                case CompressionCodec.UNCOMPRESSED:
                    if (page.Length != output.Length) return false;
                    page.CopyTo(output);
                    return true;
                case CompressionCodec.SNAPPY:
                    return Snappy.GetUncompressedLength(page) == output.Length && Snappy.Decompress(page, output) == output.Length;
                case CompressionCodec.ZSTD:
                {
                    using var zstd = new Decompressor();
                    return zstd.TryUnwrap(page, output, out written) && written == output.Length;
                }
                case CompressionCodec.LZ4_RAW:
                    return LZ4Codec.Decode(page, output) == output.Length;
                case CompressionCodec.BROTLI:
                    return BrotliDecoder.TryDecompress(page, output, out written) && written == output.Length;
                case CompressionCodec.GZIP:
                    return Gunzip(page, output);
                default:
                    return false;
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
                                   or ZstdException)
        {
            return false;   // damaged bytes: Parquet.Net reads the column again and reports what it finds
        }
    }

    private static bool Gunzip(ReadOnlySpan<byte> page, Span<byte> output)
    {
        using var gzip = new GZipStream(new MemoryStream(page.ToArray(), writable: false), CompressionMode.Decompress);
        int total = 0;
        while (total < output.Length)
        {
            int read = gzip.Read(output[total..]);
            if (read == 0) return false;
            total += read;
        }
        return gzip.Read(stackalloc byte[1]) == 0;
    }
}
