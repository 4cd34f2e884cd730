using System.Globalization;
using CohortAnalysis.Data;
using CohortAnalysis.Data.DatasetJson;
using CohortAnalysis.Data.Xport;
using CohortAnalysis.Tests.Data.Xport;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>The text the XPORT and Dataset-JSON sources hand the reader and the de-identification guard without a string
/// per cell (shared strings, cached number text) is exactly the text the readers' public API gives, on files where the
/// caches see many distinct values, repeats, collisions, missing values, long and non-ASCII text.</summary>
public class TypedFieldTextTests
{
    private const int Rows = 3000;

    [Fact]
    public void RoundTripText_IsDoubleToStringR()
    {
        var values = new List<double>
        {
            0, -0.0, 1, -1, 0.1, 1.0 / 3, 22.5, -33.3333333333, 1e-300, double.Epsilon, double.MaxValue, double.MinValue,
            999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, 1e15 + 2, 123_456_789_012_345, 9_007_199_254_740_993,
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.5, 1e14, 1e16, 4.35, 100,
        };
        var random = new Random(20241205);
        for (int i = 0; i < 5000; i++)
        {
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64()));
            values.Add(random.NextInt64(-2_000_000_000_000_000, 2_000_000_000_000_000));
            values.Add(Math.Round(random.NextDouble() * 200 - 100, random.Next(0, 6)));
        }
        Span<char> buffer = stackalloc char[RoundTripText.MaxLength];
        foreach (double x in values)
            Assert.Equal(x.ToString("R", CultureInfo.InvariantCulture), buffer[..RoundTripText.Write(x, buffer)].ToString());
        Assert.Equal(15_027, values.Count);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    public void XportSource_FieldText_IsTheReadersDisplayText(int version)
    {
        XptBytes x = new XptBytes { Version = version }
            .Add(new("USUBJID", false, 8)).Add(new("NOTE", false, version == 8 ? 300 : 200)).Add(new("ARM", false, 12))
            .Add(new("AVAL", true, 8)).Add(new("SHORT", true, 3)).Add(new("ADT", true, 8, Format: "DATE", FormatLength: 9))
            .Add(new("ADTM", true, 8, Format: "DATETIME", FormatLength: 19)).Add(new("ATM", true, 8, Format: "TIME", FormatLength: 8));
        for (int r = 0; r < Rows; r++)
        {
            string note = new string((char)('a' + r % 5), version == 8 ? 290 : 190) + r % 7;
            x.Row($"S{r % 700:000}", note, r % 3 == 0 ? $"é{r % 500}" : $"Arm {r % 500}",
                r % 11 == 0 ? null : r % 13 == 0 ? XptBytes.Ibm((ulong)'A' << 56) : Ibm(r % 900 * 0.37 - 40),
                Ibm(r % 300 * 1.5), Ibm(r % 400 - 200), Ibm(r * 3600.5), Ibm(r * 61.0));
        }
        string path = Write(x.Build(), "fields.xpt");

        using var source = XportTabularSource.Open(path);
        using XportReader reader = XportReader.Open(path);
        Assert.Equal(Rows, source.EstimatedRows);   // the reader sizes its columns once
        int records = 0;
        while (source.Read())
        {
            Assert.True(reader.Read());
            records++;
            // Backwards first, then forwards: the per-record memo and the caches answer the second time.
            for (int c = source.FieldCount - 1; c >= 0; c--) AssertField(source, c, reader.GetDisplayText(c), records);
            for (int c = 0; c < source.FieldCount; c++) AssertField(source, c, reader.GetDisplayText(c), records);
        }
        Assert.False(reader.Read());
        Assert.Equal(Rows, records);
        AssertSharedAndCopied(() => XportTabularSource.Open(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DatasetJsonSource_FieldText_IsTheValuesWritten(bool ndjson)
    {
        var metadata = new DatasetMetadata("fields.json", "", "ADQS", "Fields",
        [
            new("USUBJID", "", ValueKind.Text, null, ""), new("NOTE", "", ValueKind.Text, null, ""), new("ARM", "", ValueKind.Text, null, ""),
            new("AVAL", "", ValueKind.Number, null, ""), new("FLAG", "", ValueKind.Boolean, null, ""),
        ]);
        var rows = new List<object?[]>();
        for (int r = 0; r < Rows; r++)
            rows.Add([$"S{r % 700:000}", new string((char)('a' + r % 5), 300) + r % 7,
                r % 3 == 0 ? $"\"é\" >{r % 500}\\" : $"Arm {r % 500}", r % 11 == 0 ? null : r % 900 * 0.37 - 40, r % 17 == 0 ? null : r % 2 == 0]);
        string path = Write([], ndjson ? "fields.ndjson" : "fields.json");
        using (var stream = File.Create(path)) DatasetJsonWriter.Write(stream, metadata, rows, ndjson);

        using var source = DatasetJsonTabularSource.Open(path, ndjson);
        Assert.Equal(Rows, source.EstimatedRows);   // "records", written before the rows
        int r2 = 0;
        while (source.Read())
        {
            object?[] row = rows[r2++];
            for (int pass = 0; pass < 2; pass++)
                for (int c = 0; c < row.Length; c++)
                    AssertField(source, c, row[c] switch
                    {
                        null => null,
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        bool b => b ? "true" : "false",
                        object o => (string)o,
                    }, r2);
        }
        Assert.Equal(Rows, r2);
        AssertSharedAndCopied(() => DatasetJsonTabularSource.Open(path, ndjson));
    }

    [Fact]
    public void ParquetSource_SharedAndCopiedRows_AreItsFields()
    {
        var metadata = new DatasetMetadata("fields.parquet", "", "ADQS", "Fields",
        [
            new("USUBJID", "", ValueKind.Text, null, ""), new("ARM", "", ValueKind.Text, null, ""),
            new("AVAL", "", ValueKind.Number, null, ""), new("AVISITN", "", ValueKind.Number, null, ""),
        ]);
        var rows = new List<object?[]>();
        for (int r = 0; r < Rows; r++)
            rows.Add([$"S{r % 700:000}", r % 3 == 0 ? $"é{r % 500}" : r % 19 == 0 ? null : $"Arm {r % 500}", r % 11 == 0 ? null : r % 900 * 0.37 - 40, (double)(r % 5)]);
        string path = Write([], "fields.parquet");
        using (var stream = File.Create(path)) CohortAnalysis.Data.ApacheParquet.ParquetTableWriter.Write(stream, metadata, rows, rowGroupSize: 1000);
        AssertSharedAndCopied(() => CohortAnalysis.Data.ApacheParquet.ParquetTabularSource.Open(path));
    }

    // What a source shares is its field's text, one code standing for one text per column; and the row it copies into a
    // read-ahead block itself (CopyRowTo) is the row the block copies field by field: texts, nulls, typed numbers,
    // shared strings with their codes, repeats and lines.
    private static void AssertSharedAndCopied(Func<TabularSource> open)
    {
        using TabularSource source = open(), copying = open();
        var byField = new ScannedRowBlock();
        var copied = new ScannedRowBlock();
        var texts = new Dictionary<(int, int), string>();
        int rows = 0, shared = 0;
        while (source.Read())
        {
            Assert.True(copying.Read());
            if (byField.IsFull)
            {
                AssertSameBlocks(byField, copied);
                byField.Clear();
                copied.Clear();
            }
            byField.Add(source);
            copying.CopyRowTo(copied);
            int last = byField.Count - 1;
            for (int c = 0; c < byField.FieldCount(last); c++)
            {
                string? text = byField.SharedField(last, c, out int code);
                if (text is null) continue;
                shared++;
                Assert.Equal(source.Field(c, out bool isNull).ToString(), text);
                Assert.False(isNull);
                Assert.Equal(texts.TryAdd((c, code), text) ? text : texts[(c, code)], text);
            }
            rows++;
        }
        AssertSameBlocks(byField, copied);
        Assert.Equal(Rows, rows);
        Assert.True(shared > Rows, $"{shared} fields shared");
    }

    private static void AssertSameBlocks(ScannedRowBlock expected, ScannedRowBlock actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected.Line(r), actual.Line(r));
            Assert.Equal(expected.EndLine(r), actual.EndLine(r));
            Assert.Equal(expected.FieldCount(r), actual.FieldCount(r));
            for (int c = 0; c < expected.FieldCount(r); c++)
            {
                Assert.Equal(expected.Field(r, c, out bool expectedNull).ToString(), actual.Field(r, c, out bool actualNull).ToString());
                Assert.Equal(expectedNull, actualNull);
                Assert.Equal(expected.TryNumber(r, c, out double x), actual.TryNumber(r, c, out double y));
                Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(y));
                Assert.Equal(expected.SharedField(r, c, out int expectedCode), actual.SharedField(r, c, out int actualCode));
                Assert.Equal(expectedCode, actualCode);
                Assert.Equal(expected.Repeats(r, c), actual.Repeats(r, c));
            }
        }
    }

    private static void AssertField(TabularSource source, int column, string? expected, int record)
    {
        ReadOnlySpan<char> field = source.Field(column, out bool isNull);
        Assert.True(expected is null == isNull, $"record {record}, column {source.Header[column]}: null {isNull}, expected '{expected}'");
        Assert.True((expected ?? "") == field.ToString(), $"record {record}, column {source.Header[column]}: '{field}' for '{expected}'");
    }

    private static byte[] Ibm(double x)
    {
        var bytes = new byte[8];
        IbmFloat.FromDouble(x, bytes);
        return bytes;
    }

    private static string Write(byte[] bytes, string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), "cohort-fields-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
