using System.Globalization;
using CohortAnalysis.Data.ApacheParquet;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using Xunit;

namespace CohortAnalysis.Tests.Data.ApacheParquet;

/// <summary>The Parquet source gives, cell by cell, the values Parquet.Net's plain typed reads give (text, numbers,
/// dates, nulls), whatever the encoding (dictionary or plain strings), the physical type (INT32, INT64, FLOAT, DOUBLE,
/// DECIMAL, DATE, required or optional) and the row groups (one large enough to be decoded on several threads, and
/// small ones decoded on one).</summary>
public class ParquetColumnReadingTests
{
    private static readonly int[] GroupSizes = [ParquetColumnReaders.ParallelRows + 4_464, 1_234, 1];

    private static readonly DataField<string> Coded = new("CODED", true);
    private static readonly DataField<string> Plain = new("PLAIN", true);
    private static readonly DataField<int> Int32 = new("I32", false);
    private static readonly DataField<long> Int64 = new("I64", true);
    private static readonly DataField<float> Float = new("F", true);
    private static readonly DataField<double> Double = new("D", true);
    private static readonly DecimalDataField Decimal = new("M", 9, 2, isNullable: true);
    private static readonly DataField<DateOnly> Date = new("DT", true);

    // Cell values by row: a few codes in runs (as a BDS dataset's subjects and arms), nulls every so often, text that
    // repeats by content but not by position, and empty strings.
    private static string? CodedAt(int i) => i % 97 == 0 ? null : (i / 9 % 3) switch { 0 => "Placebo", 1 => "Active 25 mg", _ => "" };
    private static string? PlainAt(int i) => i % 89 == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"S-{i * 3 / 5}");
    private static int Int32At(int i) => i % 11 - 5;
    private static long? Int64At(int i) => i % 13 == 0 ? null : 10_000_000_000L + i;
    private static float? FloatAt(int i) => i % 17 == 0 ? null : i % 61 * 0.5f;
    private static double? DoubleAt(int i) => i % 19 == 0 ? null : i % 41 / 3.0;
    private static decimal? DecimalAt(int i) => i % 23 == 0 ? null : (i % 1000 - 500) / 100m;
    private static DateOnly? DateAt(int i) => i % 29 == 0 ? null : new DateOnly(2024, 1, 1).AddDays(i % 400);

    private static async Task<string> WriteAsync()
    {
        string folder = Path.Combine(Path.GetTempPath(), "cohort-parquet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "cells.parquet");
        // Parquet.Net writes a dictionary when hinted (CODED); PLAIN stays plain, each value its own slice when read.
        var options = new ParquetOptions();
        options.ColumnEncodingHints[Coded.Path.ToString()] = EncodingHint.Dictionary;
        var schema = new ParquetSchema(Coded, Plain, Int32, Int64, Float, Double, Decimal, Date);
        await using FileStream file = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, file, options);
        int first = 0;
        foreach (int size in GroupSizes)
        {
            int[] rows = Enumerable.Range(first, size).ToArray();
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(Coded, rows.Select(CodedAt).ToArray());
            await group.WriteAsync(Plain, rows.Select(PlainAt).ToArray());
            await group.WriteAsync<int>(Int32, rows.Select(Int32At).ToArray().AsMemory());
            await group.WriteAsync<long>(Int64, rows.Select(Int64At).ToArray().AsMemory());
            await group.WriteAsync<float>(Float, rows.Select(FloatAt).ToArray().AsMemory());
            await group.WriteAsync<double>(Double, rows.Select(DoubleAt).ToArray().AsMemory());
            await group.WriteAsync<decimal>(Decimal, rows.Select(DecimalAt).ToArray().AsMemory());
            await group.WriteAsync<DateOnly>(Date, rows.Select(DateAt).ToArray().AsMemory());
            first += size;
        }
        return path;
    }

    [Fact]
    public async Task EveryCell_MatchesTheTypedValueWritten_AcrossRowGroupsAndEncodings()
    {
        string path = await WriteAsync();
        await using (ParquetReader check = await ParquetReader.CreateAsync(path))
        {
            ColumnMetaData coded = check.OpenRowGroupReader(0).GetMetadata(Coded)!.MetaData!;
            ColumnMetaData plain = check.OpenRowGroupReader(0).GetMetadata(Plain)!.MetaData!;
            Assert.True(coded.Encodings.Contains(Encoding.RLE_DICTIONARY) || coded.Encodings.Contains(Encoding.PLAIN_DICTIONARY), string.Join(", ", coded.Encodings));
            Assert.DoesNotContain(Encoding.RLE_DICTIONARY, plain.Encodings);
            Assert.DoesNotContain(Encoding.PLAIN_DICTIONARY, plain.Encodings);
        }

        using ParquetTabularSource source = ParquetTabularSource.Open(path);
        Assert.Equal(GroupSizes.Sum(), source.EstimatedRows);
        Assert.Equal(["CODED", "PLAIN", "I32", "I64", "F", "D", "M", "DT"], source.Header);
        int i = 0;
        while (source.Read())
        {
            Assert.Equal(i + 2, source.Line);
            Text(CodedAt(i), 0);
            Text(PlainAt(i), 1);
            Number(Int32At(i), 2, integer: true);
            Number(Int64At(i), 3, integer: true);
            Number(FloatAt(i), 4, integer: false);
            Number(DoubleAt(i), 5, integer: false);
            Number((double?)DecimalAt(i), 6, integer: false);
            Text(DateAt(i)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 7);
            i++;
        }
        Assert.Equal(GroupSizes.Sum(), i);

        void Text(string? expected, int column)
        {
            ReadOnlySpan<char> field = source.Field(column, out bool isNull);
            Assert.Equal(expected is null, isNull);
            if (expected is not null && !field.SequenceEqual(expected)) Assert.Fail($"row {i}, column {column}: '{field}' for '{expected}'");
            Assert.False(source.TryNumber(column, out _));
        }

        void Number(double? expected, int column, bool integer)
        {
            Assert.True(source.TryNumber(column, out double x));
            if (expected is null)
            {
                Assert.True(double.IsNaN(x), $"row {i}, column {column}: {x} for null");
                Assert.True(source.Field(column, out bool isNull).IsEmpty && isNull);
                return;
            }
            if (x != expected.Value) Assert.Fail($"row {i}, column {column}: {x} for {expected}");
            string text = integer ? ((long)expected.Value).ToString(CultureInfo.InvariantCulture) : RoundTripTextOf(expected.Value);
            Assert.Equal(text, source.Field(column, out bool present).ToString());
            Assert.False(present);
        }
    }

    private static string RoundTripTextOf(double x)
    {
        var buffer = new char[CohortAnalysis.Data.RoundTripText.MaxLength];
        return new string(buffer, 0, CohortAnalysis.Data.RoundTripText.Write(x, buffer));
    }

    [Fact]
    public void TextCodes_RepeatsShareOneValue_NullsAndEmptyKept()
    {
        char[] dictionary = "PlaceboActive".ToCharArray();
        ReadOnlyMemory<char> placebo = dictionary.AsMemory(0, 7), active = dictionary.AsMemory(7, 6);
        // Packed non-null values, as a raw column read gives them; "Active" also arrives from another buffer (plain page).
        ReadOnlyMemory<char>[] values = [placebo, placebo, active, "Active".AsMemory(), ReadOnlyMemory<char>.Empty, placebo];
        int[] levels = [1, 0, 1, 1, 1, 0, 1, 1];
        var codes = new int[levels.Length];
        ReadOnlyMemory<char>[] distinct = TextCodes.Encode(values, levels, codes);
        Assert.Equal([0, -1, 0, 1, 1, -1, 2, 0], codes);
        Assert.Equal(["Placebo", "Active", ""], distinct.Select(d => d.ToString()));

        var required = new int[3];
        Assert.Single(TextCodes.Encode([active, "Active".AsMemory(), active], null, required));
        Assert.Equal([0, 0, 0], required);
    }
}
