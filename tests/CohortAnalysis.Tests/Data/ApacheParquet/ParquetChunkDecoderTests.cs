using System.Globalization;
using CohortAnalysis.Data.ApacheParquet;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using Xunit;

namespace CohortAnalysis.Tests.Data.ApacheParquet;

/// <summary>Our page decoder (<see cref="ParquetChunkDecoder"/>) gives, cell by cell, what Parquet.Net's decoding of the
/// same chunk gives, under every codec Parquet.Net writes; it decodes the shapes it claims (dictionary and plain text,
/// plain and dictionary numbers, required and optional) and declines the rest; damaged bytes never throw.</summary>
public class ParquetChunkDecoderTests
{
    private static readonly int[] GroupSizes = [70_001, 1_234, 1];

    private static readonly DataField<string> Coded = new("CODED", true);
    private static readonly DataField<string> CodedRequired = new("CODEDREQ", false);
    private static readonly DataField<string> Plain = new("PLAIN", true);
    private static readonly DataField<int> Int32 = new("I32", false);
    private static readonly DataField<long> Int64 = new("I64", true);
    private static readonly DataField<double> Double = new("D", true);
    private static readonly DataField<double> DoubleCoded = new("DCODED", true);
    private static readonly DataField<double> DoubleRequired = new("DREQ", false);
    private static readonly DataField<float> Float = new("F", true);
    private static readonly DataField<DateOnly> Date = new("DT", true);

    private static string? CodedAt(int i) => i % 97 == 0 ? null : (i / 9 % 4) switch { 0 => "Placebo", 1 => "Psilocybin 25 mg", 2 => "", _ => "Kétamine" };
    private static string CodedRequiredAt(int i) => string.Create(CultureInfo.InvariantCulture, $"SUBJ-{i / 11:00000}");
    private static string? PlainAt(int i) => i % 89 == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"S-{i * 3 / 5}");
    private static int Int32At(int i) => i % 11 - 5 + (i % 1000 == 0 ? int.MinValue + 5 : 0);
    private static long? Int64At(int i) => i % 13 == 0 ? null : 10_000_000_000L + i;
    private static double? DoubleAt(int i) => i % 19 == 0 ? null : i % 4099 / 3.0 - 600;
    private static double? DoubleCodedAt(int i) => i % 7 == 0 ? null : i / 50 % 9 * 0.5;
    private static double DoubleRequiredAt(int i) => i % 100 == 0 ? -0.0 : i * 1e-7;
    private static float? FloatAt(int i) => i % 17 == 0 ? null : i % 61 * 0.5f;
    private static DateOnly? DateAt(int i) => i % 29 == 0 ? null : new DateOnly(2024, 1, 1).AddDays(i % 400);

    private static readonly DataField[] Fields = [Coded, CodedRequired, Plain, Int32, Int64, Double, DoubleCoded, DoubleRequired, Float, Date];

    // The columns our decoder reads (the others it leaves to Parquet.Net).
    private static readonly string[] Decoded = ["CODED", "CODEDREQ", "PLAIN", "I32", "I64", "D", "DCODED", "DREQ"];

    internal static async Task<string> WriteAsync(CompressionMethod compression)
    {
        string folder = Path.Combine(Path.GetTempPath(), "cohort-parquet-pages-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, compression + ".parquet");
        var options = new ParquetOptions { CompressionMethod = compression };
        foreach (DataField f in new DataField[] { Coded, CodedRequired, DoubleCoded })
            options.ColumnEncodingHints[f.Path.ToString()] = EncodingHint.Dictionary;
        await using FileStream file = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(Fields), file, options);
        int first = 0;
        foreach (int size in GroupSizes)
        {
            int[] rows = Enumerable.Range(first, size).ToArray();
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(Coded, rows.Select(CodedAt).ToArray());
            await group.WriteAsync(CodedRequired, rows.Select(CodedRequiredAt).ToArray());
            await group.WriteAsync(Plain, rows.Select(PlainAt).ToArray());
            await group.WriteAsync<int>(Int32, rows.Select(Int32At).ToArray().AsMemory());
            await group.WriteAsync<long>(Int64, rows.Select(Int64At).ToArray().AsMemory());
            await group.WriteAsync<double>(Double, rows.Select(DoubleAt).ToArray().AsMemory());
            await group.WriteAsync<double>(DoubleCoded, rows.Select(DoubleCodedAt).ToArray().AsMemory());
            await group.WriteAsync<double>(DoubleRequired, rows.Select(DoubleRequiredAt).ToArray().AsMemory());
            await group.WriteAsync<float>(Float, rows.Select(FloatAt).ToArray().AsMemory());
            await group.WriteAsync<DateOnly>(Date, rows.Select(DateAt).ToArray().AsMemory());
            first += size;
        }
        return path;
    }

    public static TheoryData<CompressionMethod> Codecs() =>
        [CompressionMethod.None, CompressionMethod.Snappy, CompressionMethod.Gzip, CompressionMethod.Zstd, CompressionMethod.Brotli, CompressionMethod.Lz4Raw];

    [Theory]
    [MemberData(nameof(Codecs))]
    public async Task EveryCell_IsWhatParquetNetDecodes_UnderEveryCodec(CompressionMethod compression)
    {
        string path = await WriteAsync(compression);
        await using ParquetReader reader = await ParquetReader.CreateAsync(path, new ParquetOptions { TreatByteArrayAsString = true, UseDateOnlyTypeForDates = true });
        DataField[] fields = reader.Schema.GetDataFields();
        Assert.Equal(Fields.Length, fields.Length);
        using SafeFileHandle file = File.OpenHandle(path);
        long length = RandomAccess.GetLength(file);
        int groups = 0, compared = 0, decoded = 0;
        for (int g = 0; g < reader.RowGroupCount; g++, groups++)
        {
            ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int rows = (int)group.RowCount;
            foreach (DataField field in fields)
            {
                ColumnMetaData column = group.GetMetadata(field)!.MetaData!;
                Assert.Equal(compression == CompressionMethod.None ? CompressionCodec.UNCOMPRESSED : column.Codec, column.Codec);
                ParquetColumnChunk? ours = ParquetChunkDecoder.TryRead(file, length, column, field, rows);
                bool coded = column.Encodings.Contains(Encoding.PLAIN_DICTIONARY) || column.Encodings.Contains(Encoding.RLE_DICTIONARY);
                if (field.Name == "PLAIN") Assert.False(coded);
                if (field.Name == "CODED" && rows > 1) Assert.True(coded);   // a row group of one row is written plain
                bool claimed = Decoded.Contains(field.Name);
                Assert.True(claimed == ours is not null, $"{field.Name} ({compression}), row group {g}: decoded here {ours is not null}");
                if (ours is null) continue;
                decoded++;
                ParquetColumnChunk theirs = await ParquetColumnChunk.ReadAsync(group, field, rows);
                Assert.Equal(theirs.IsNumber, ours.IsNumber);
                for (int row = 0; row < rows; row++, compared++)
                {
                    string at = $"{field.Name} ({compression}), row group {g}, row {row}";
                    ReadOnlySpan<char> expected = theirs.Field(row, out bool expectedNull);
                    ReadOnlySpan<char> actual = ours.Field(row, out bool actualNull);
                    if (expectedNull != actualNull || !expected.SequenceEqual(actual)) Assert.Fail($"{at}: '{actual}' for '{expected}'");
                    if (ours.IsNumber && BitConverter.DoubleToInt64Bits(ours.Number(row)) != BitConverter.DoubleToInt64Bits(theirs.Number(row)))
                        Assert.Fail($"{at}: {ours.Number(row)} for {theirs.Number(row)}");
                    if (!ours.IsNumber && ours.Shared(row, out _) != theirs.Shared(row, out _)) Assert.Fail($"{at}: shared text differs");
                }
            }
        }
        Assert.Equal(GroupSizes.Length, groups);
        Assert.Equal(GroupSizes.Length * Decoded.Length, decoded);
        Assert.Equal(GroupSizes.Sum() * Decoded.Length, compared);
    }

    [Fact]
    public async Task DictionaryText_CodeIsTheDictionaryIndex_NullIsMinusOne()
    {
        string path = await WriteAsync(CompressionMethod.Snappy);
        await using ParquetReader reader = await ParquetReader.CreateAsync(path, new ParquetOptions { TreatByteArrayAsString = true });
        DataField coded = reader.Schema.GetDataFields()[0];
        using SafeFileHandle file = File.OpenHandle(path);
        ParquetRowGroupReader group = reader.OpenRowGroupReader(1);
        ParquetColumnChunk chunk = ParquetChunkDecoder.TryRead(file, RandomAccess.GetLength(file), group.GetMetadata(coded)!.MetaData, coded, (int)group.RowCount)!;
        Assert.Equal(4, chunk.DistinctCount);
        var seen = new Dictionary<int, string>();
        for (int row = 0; row < group.RowCount; row++)
        {
            string? text = chunk.Shared(row, out int code);
            Assert.Equal(CodedAt(GroupSizes[0] + row), text);
            if (text is null)
            {
                Assert.Equal(-1, code);
                continue;
            }
            Assert.InRange(code, 0, 3);
            Assert.Equal(text, seen.TryGetValue(code, out string? before) ? before : seen[code] = text);
            Assert.Same(text, chunk.Shared(row, out _));   // one string per dictionary value
        }
        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public async Task PlainText_OneCodePerDistinctText()
    {
        string path = await WriteAsync(CompressionMethod.Zstd);
        await using ParquetReader reader = await ParquetReader.CreateAsync(path, new ParquetOptions { TreatByteArrayAsString = true });
        DataField plain = reader.Schema.GetDataFields().Single(f => f.Name == "PLAIN");
        using SafeFileHandle file = File.OpenHandle(path);
        ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
        ParquetColumnChunk chunk = ParquetChunkDecoder.TryRead(file, RandomAccess.GetLength(file), group.GetMetadata(plain)!.MetaData, plain, GroupSizes[0])!;
        var codeOf = new Dictionary<string, int>();
        int nulls = 0;
        for (int row = 0; row < GroupSizes[0]; row++)
        {
            string? text = chunk.Shared(row, out int code);
            Assert.Equal(PlainAt(row), text);
            if (text is null)
            {
                nulls++;
                continue;
            }
            Assert.Equal(code, codeOf.TryGetValue(text, out int before) ? before : codeOf[text] = code);
        }
        Assert.Equal(Enumerable.Range(0, GroupSizes[0]).Count(i => PlainAt(i) is null), nulls);
        Assert.Equal(codeOf.Count, chunk.DistinctCount);
        Assert.Equal(codeOf.Count, codeOf.Values.Distinct().Count());
    }

    [Fact]
    public async Task DamagedChunks_AreDeclinedOrDecoded_NeverThrow()
    {
        string source = await WriteAsync(CompressionMethod.Snappy);
        byte[] original = await File.ReadAllBytesAsync(source);
        ColumnMetaData[] columns;
        DataField[] fields;
        int rows;
        await using (ParquetReader reader = await ParquetReader.CreateAsync(source, new ParquetOptions { TreatByteArrayAsString = true }))
        {
            fields = reader.Schema.GetDataFields();
            ParquetRowGroupReader group = reader.OpenRowGroupReader(1);
            rows = (int)group.RowCount;
            columns = fields.Select(f => group.GetMetadata(f)!.MetaData!).ToArray();
        }
        string path = Path.Combine(Path.GetDirectoryName(source)!, "mutated.parquet");
        var random = new Random(20261203);
        int declined = 0, tries = 0;
        for (; tries < 600; tries++)
        {
            int c = Decoded.Length > 0 ? Array.FindIndex(fields, f => f.Name == Decoded[tries % Decoded.Length]) : 0;
            ColumnMetaData column = columns[c];
            long start = column.DictionaryPageOffset is long d && d > 0 && d < column.DataPageOffset ? d : column.DataPageOffset;
            byte[] bytes = (byte[])original.Clone();
            for (int k = random.Next(1, 4); k > 0; k--)
            {
                int at = (int)(start + random.NextInt64(Math.Min(column.TotalCompressedSize, 64)));
                bytes[at] = (byte)random.Next(256);
            }
            await File.WriteAllBytesAsync(path, bytes);
            using SafeFileHandle file = File.OpenHandle(path);
            ParquetColumnChunk? chunk = ParquetChunkDecoder.TryRead(file, bytes.Length, column, fields[c], rows);
            if (chunk is null)
            {
                declined++;
                continue;
            }
            for (int row = 0; row < rows; row++) chunk.Field(row, out _);
        }
        Assert.Equal(600, tries);
        Assert.InRange(declined, 1, 600);
        // Sizes the footer gives that do not fit the file are declined before any read.
        await using (ParquetReader reader = await ParquetReader.CreateAsync(source, new ParquetOptions { TreatByteArrayAsString = true }))
        {
            ColumnMetaData column = reader.OpenRowGroupReader(0).GetMetadata(fields[0])!.MetaData!;
            using SafeFileHandle file = File.OpenHandle(source);
            column.TotalCompressedSize = original.Length;
            Assert.Null(ParquetChunkDecoder.TryRead(file, original.Length, column, fields[0], GroupSizes[0]));
        }
    }

    [Fact]
    public void PageClaimingGigabytes_IsDeclinedBeforeABufferIsMade()
    {
        byte[] text = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Placebo,Psilocybin 25 mg,", 400)));
        byte[] snappy = Snappier.Snappy.CompressToArray(text);
        byte[] zstd = new ZstdSharp.Compressor().Wrap(text).ToArray();
        byte[] lz4 = new byte[K4os.Compression.LZ4.LZ4Codec.MaximumOutputSize(text.Length)];
        lz4 = lz4[..K4os.Compression.LZ4.LZ4Codec.Encode(text, lz4)];
        foreach ((CompressionCodec codec, byte[] page) in new[] { (CompressionCodec.SNAPPY, snappy), (CompressionCodec.ZSTD, zstd), (CompressionCodec.LZ4_RAW, lz4), (CompressionCodec.UNCOMPRESSED, text) })
        {
            Assert.True(ParquetPageCodec.Plausible(codec, page, text.Length), codec.ToString());
            Assert.False(ParquetPageCodec.Plausible(codec, page, int.MaxValue), codec.ToString());
            var output = new byte[text.Length];
            Assert.True(ParquetPageCodec.TryDecompress(codec, page, output), codec.ToString());
            Assert.Equal(text, output);
        }
    }

    [Fact]
    public void OverstatedFooterTotal_SizesNothingByIt()
    {
        // The footer claims 73 million rows and has no row group (found by fuzzing): the builder is sized by the row
        // groups, so nothing is reserved for rows that are not there.
        using ParquetTabularSource source = ParquetTabularSource.Open(Path.Combine(AppContext.BaseDirectory, "data", "bad-formats", "p06-overstated-row-total.parquet"));
        Assert.Equal(0, source.EstimatedRows);
        Assert.False(source.Read());
    }

    [Fact]
    public void RleHybrid_DecodesTheSpecificationsExamples()
    {
        // parquet-format "Encodings": values 0..7 bit-packed with bit width 3 are the bytes 10001000 11000110 11111010;
        // one group of eight values has the header (1 << 1) | 1.
        var values = new int[8];
        Assert.True(RleBitPackedHybrid.TryDecode([0x03, 0x88, 0xC6, 0xFA], 3, values));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], values);
        // A repeated run: five copies of 300 (two bytes at bit width 9), then three bit-packed values of width 9 with padding.
        values = new int[8];
        Assert.True(RleBitPackedHybrid.TryDecode([0x0A, 0x2C, 0x01, 0x03, 0x01, 0x04, 0x0C, 0, 0, 0, 0, 0, 0, 0], 9, values));
        Assert.Equal([300, 300, 300, 300, 300, 1, 2, 3], values);
        // Cut short: declined.
        Assert.False(RleBitPackedHybrid.TryDecode([0x03, 0x88], 3, new int[8]));
        Assert.False(RleBitPackedHybrid.TryDecode([0x0A], 9, new int[5]));
        Assert.False(RleBitPackedHybrid.TryDecode([0x02, 0x01], 33, new int[1]));
        // A repeated value wider than the bit width (5 for a definition level of width 1): malformed, declined.
        Assert.False(RleBitPackedHybrid.TryDecode([0x02, 0x05], 1, new int[1]));
        Assert.True(RleBitPackedHybrid.TryDecode([0x02, 0x01], 1, new int[1]));
    }

    [Fact]
    public void PageHeader_SkipsFieldsItDoesNotRead()
    {
        // PageHeader { 1: DATA_PAGE, 2: 100, 3: 60, 4: crc 7, 5: DataPageHeader { 1: 25, 2: RLE_DICTIONARY, 3: RLE, 4: RLE,
        //   5: Statistics { 1: binary "ab", 7: true } }, 9 (unknown): list<i32> [1, 2], 10 (unknown): map<i32, bool> {3: true} }
        byte[] bytes =
        [
            0x15, 0x00,             // field 1 i32: 0
            0x15, 0xC8, 0x01,       // field 2 i32: 100
            0x15, 0x78,             // field 3 i32: 60
            0x15, 0x0E,             // field 4 i32: 7
            0x1C,                   // field 5 struct
                0x15, 0x32,         //   1 i32: 25
                0x15, 0x10,         //   2 i32: 8 (RLE_DICTIONARY)
                0x15, 0x06,         //   3 i32: 3 (RLE)
                0x15, 0x06,         //   4 i32: 3
                0x1C,               //   5 struct (statistics)
                    0x18, 0x02, 0x61, 0x62,   // 1 binary "ab"
                    0x61,                     // 7 bool true
                    0x00,
                0x00,
            0x49, 0x25, 0x02, 0x04, // field 9 list<i32>: [1, 2]
            0x1B, 0x01, 0x51, 0x06, 0x01, // field 10 map<i32, bool>: {3: true}
            0x00,
            0xFF, 0xFF,             // the page body
        ];
        Assert.True(ParquetPageHeader.TryRead(bytes, out ParquetPageHeader header));
        Assert.Equal(new ParquetPageHeader(PageType.DATA_PAGE, 100, 60, 25, Encoding.RLE_DICTIONARY, Encoding.RLE, bytes.Length - 2), header);
        for (int cut = 0; cut < bytes.Length - 3; cut++)
            Assert.False(ParquetPageHeader.TryRead(bytes.AsSpan(0, cut), out _), $"cut at {cut}");
    }
}
