using System.Buffers.Binary;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>Reads a Parquet file's footer (the Thrift-encoded <c>FileMetaData</c> before the closing length and
/// <c>PAR1</c>) once with our bounded <see cref="ThriftCompactReader"/> before Parquet.Net reads it: a footer whose
/// structure runs past its end, nests too deep or holds an impossible type is refused here.</summary>
/// <remarks>Why: Parquet.Net 6.1's footer reader can loop for ever on a damaged footer (a mutated file found by
/// <c>ParquetMutationTests</c> kept <c>cohort describe</c> at full CPU with no end), and a reader must refuse such a file,
/// not hang. Our reader cannot loop: every value it skips takes at least one byte of the footer, and it stops at the
/// footer's end. A file whose last bytes are not a footer length and <c>PAR1</c> (not Parquet, truncated, or an
/// encrypted footer) is left to Parquet.Net, which refuses it in its own words.</remarks>
internal static class ParquetFooterCheck
{
    /// <summary>Null when the footer parses (or is not framed as a plain Parquet footer); otherwise what is wrong.</summary>
    public static string? Problem(string path)
    {
        using FileStream file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
        long length = file.Length;
        if (length < 12) return null;
        Span<byte> tail = stackalloc byte[8];
        file.Position = length - 8;
        file.ReadExactly(tail);
        if (!tail[4..].SequenceEqual("PAR1"u8)) return null;
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12) return null;
        byte[] footer = new byte[footerLength];
        file.Position = length - 8 - footerLength;
        file.ReadExactly(footer);
        var reader = new ThriftCompactReader(footer);
        reader.Skip(ThriftCompactReader.Struct);
        return reader.Failed
            ? $"the footer's metadata ({footerLength} bytes) is malformed: its Thrift structure runs past its end, nests deeper than {ThriftCompactReader.MaxDepth} levels or holds an unknown type"
            : null;
    }
}
