using Parquet.Meta;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>What <see cref="ParquetChunkDecoder"/> needs of a page header: the page's type and sizes, and for a data or
/// dictionary page its value count and encodings. Every other field (CRC, statistics, the v2 header) is skipped.</summary>
/// <remarks>Field ids as in the Parquet format's <c>parquet.thrift</c>: <c>PageHeader</c> 1 type, 2
/// uncompressed_page_size, 3 compressed_page_size, 5 data_page_header, 7 dictionary_page_header;
/// <c>DataPageHeader</c> 1 num_values, 2 encoding, 3 definition_level_encoding; <c>DictionaryPageHeader</c> 1
/// num_values, 2 encoding.</remarks>
internal readonly record struct ParquetPageHeader(
    PageType Type,
    int UncompressedSize,
    int CompressedSize,
    int Values,
    Encoding Encoding,
    Encoding DefinitionLevelEncoding,
    int HeaderLength)
{
    /// <summary>Reads the header at the start of <paramref name="bytes"/>; false when it is cut short, malformed, or
    /// gives a negative size or count.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out ParquetPageHeader header)
    {
        var reader = new ThriftCompactReader(bytes);
        int type = -1, uncompressed = -1, compressed = -1, values = -1;
        int encoding = -1, definitionEncoding = -1;
        short id = 0;
        for (byte field = reader.ReadFieldHeader(ref id); field != ThriftCompactReader.Stop && !reader.Failed; field = reader.ReadFieldHeader(ref id))
        {
            switch (id)
            {
                case 1 when field == ThriftCompactReader.I32: type = reader.ReadInt32(); break;
                case 2 when field == ThriftCompactReader.I32: uncompressed = reader.ReadInt32(); break;
                case 3 when field == ThriftCompactReader.I32: compressed = reader.ReadInt32(); break;
                case 5 or 7 when field == ThriftCompactReader.Struct:
                    ReadValues(ref reader, dataPage: id == 5, ref values, ref encoding, ref definitionEncoding);
                    break;
                default: reader.Skip(field); break;
            }
        }
        header = new ParquetPageHeader((PageType)type, uncompressed, compressed, values, (Encoding)encoding, (Encoding)definitionEncoding,
            reader.Position);
        return !reader.Failed && type >= 0 && uncompressed >= 0 && compressed >= 0;
    }

    private static void ReadValues(ref ThriftCompactReader reader, bool dataPage, ref int values, ref int encoding, ref int definitionEncoding)
    {
        short id = 0;
        for (byte field = reader.ReadFieldHeader(ref id); field != ThriftCompactReader.Stop && !reader.Failed; field = reader.ReadFieldHeader(ref id))
        {
            switch (id)
            {
                case 1 when field == ThriftCompactReader.I32: values = reader.ReadInt32(); break;
                case 2 when field == ThriftCompactReader.I32: encoding = reader.ReadInt32(); break;
                case 3 when dataPage && field == ThriftCompactReader.I32: definitionEncoding = reader.ReadInt32(); break;
                default: reader.Skip(field, depth: 1); break;
            }
        }
    }
}
