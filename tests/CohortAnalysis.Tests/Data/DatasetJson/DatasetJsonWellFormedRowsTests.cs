using System.Globalization;
using System.Text;
using System.Text.Json;
using CohortAnalysis.Data;
using CohortAnalysis.Data.DatasetJson;
using Xunit;

namespace CohortAnalysis.Tests.Data.DatasetJson;

/// <summary>The reader's own scanner for plain rows gives exactly what System.Text.Json gives (every number to the bit,
/// every string, escapes and non-ASCII text included, whatever the whitespace), and hands anything it does not take to
/// System.Text.Json, so a damaged row after rows it read gets the same error as before.</summary>
public class DatasetJsonWellFormedRowsTests
{
    private const string Columns = """
        "columns": [
         {"itemOID": "IT.USUBJID", "name": "USUBJID", "label": "", "dataType": "string"},
         {"itemOID": "IT.AVAL", "name": "AVAL", "label": "", "dataType": "double"},
         {"itemOID": "IT.HEIGHT", "name": "HEIGHTBL", "label": "", "dataType": "decimal"},
         {"itemOID": "IT.OK", "name": "OK", "label": "", "dataType": "boolean"},
         {"itemOID": "IT.N", "name": "N", "label": "", "dataType": "integer"},
         {"itemOID": "IT.NOTE", "name": "NOTE", "label": "", "dataType": "string"}
        ]
        """;

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "12", "0.5", "-0.25", "1e5", "1E+2", "1e-3", "-1.5e+10", "123456789012345", "-999999999999999",
        "1234567890123456", "12345678901234567890", "0.1", "3.141592653589793", "5e-324", "1.7976931348623157e308", "2.5E-7",
        "-33.3333333333", "9007199254740993", "0.30000000000000004", "1e22", "100.000", "-0.0", "0e0",
    ];

    private static readonly string[] Strings =
    [
        "S1", "Arm A", "\\u003E=65", "\\\"q\\\"", "a\\\\b", "\\/x", "tab\\there", "nl\\nx", "\\u00e9t\\u00e9", "é raw", "\\ud83d\\ude00",
        "😀", "", " ", "\\b\\f\\r", new string('x', 300), new string('é', 200), "Week 1",
    ];

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Read_PlainRows_GiveWhatSystemTextJsonGives(bool ndjson, bool spaced)
    {
        var random = new Random(ndjson ? 11 : 7);
        string Space() => spaced ? random.Next(5) switch { 0 => " ", 1 => "\t", 2 => "  \r", 3 => ndjson ? " " : "\n ", _ => "" } : "";
        var rows = new List<string>();
        for (int r = 0; r < 6000; r++)
        {
            string[] values =
            [
                $"\"{Strings[random.Next(Strings.Length)]}\"", random.Next(8) == 0 ? "null" : Numbers[random.Next(Numbers.Length)],
                random.Next(4) switch { 0 => "null", 1 => "3.5", _ => $"\"{Numbers[random.Next(Numbers.Length)]}\"" },
                random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" }, random.Next(5) == 0 ? "null" : random.Next(-50, 50).ToString(CultureInfo.InvariantCulture),
                $"\"{Strings[random.Next(Strings.Length)]}\"",
            ];
            rows.Add(Space() + "[" + string.Join(",", values.Select(v => Space() + v + Space())) + "]" + Space());
        }
        using DatasetJsonReader reader = Open(rows, ndjson, rows.Count);
        using JsonDocument expected = JsonDocument.Parse("[" + string.Join(",", rows) + "]");
        int n = 0;
        foreach (JsonElement row in expected.RootElement.EnumerateArray())
        {
            Assert.True(reader.Read());
            int c = 0;
            foreach (JsonElement value in row.EnumerateArray())
            {
                string where = $"row {n + 1}, column {c}: {value.GetRawText()}";
                switch (value.ValueKind)
                {
                    case JsonValueKind.Null:
                        Assert.True(reader.IsNull(c), where);
                        break;
                    case JsonValueKind.Number:
                        Assert.True(BitConverter.DoubleToInt64Bits(value.GetDouble()) == BitConverter.DoubleToInt64Bits(reader.GetNumber(c)), where);
                        break;
                    case JsonValueKind.String when c == 2:
                        double parsed = double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
                        Assert.True(BitConverter.DoubleToInt64Bits(parsed) == BitConverter.DoubleToInt64Bits(reader.GetNumber(c)), where);
                        break;
                    case JsonValueKind.String:
                        Assert.True(value.GetString() == reader.GetText(c), where);
                        break;
                    default:
                        Assert.True((value.ValueKind == JsonValueKind.True ? "true" : "false") == reader.GetText(c), where);
                        break;
                }
                c++;
            }
            n++;
        }
        Assert.False(reader.Read());
        Assert.Equal(6000, n);
    }

    // Each bad third row follows two rows the scanner reads; System.Text.Json reads the bad one and words the error.
    public static TheoryData<string, string> BadThirdRows => new()
    {
        { """["S3", 01, "2", null, 1, "x"]""", "record 3 is not valid JSON (Invalid leading zero before '1')." },
        { """["S3", -, "2", null, 1, "x"]""", "record 3 is not valid JSON (',' is invalid within a number, immediately after a sign character ('+' or '-'). Expected a digit ('0'-'9'))." },
        { """["S3", 1., "2", null, 1, "x"]""", "record 3 is not valid JSON (',' is invalid within a number, immediately after a decimal point ('.'). Expected a digit ('0'-'9'))." },
        { """["S3", .5, "2", null, 1, "x"]""", "record 3 is not valid JSON ('.' is an invalid start of a value)." },
        { """["S3", NaN, "2", null, 1, "x"]""", "record 3 is not valid JSON ('N' is an invalid start of a value)." },
        { """["S3", 1, "2", null, 1, "x",]""", "record 3 is not valid JSON (The JSON array contains a trailing comma at the end which is not supported in this mode. Change the reader options)." },
        { """["S3", 1, "2", null, 1, "a\xb"]""", "record 3 is not valid JSON ('x' is an invalid escapable character within a JSON string. The string should be correctly escaped)." },
        { "[\"S3\", 1, \"2\", null, 1, \"a\tb\"]", "record 3 is not valid JSON ('0x09' is invalid within a JSON string. The string should be correctly escaped)." },
        { """["S3", 1, "2", null, 1, ["x"]]""", "record 3, variable NOTE: an array where dataType string expects a JSON string or null." },
        { """["S3", 1, "2", null, 1.5e999, "x"]""", "record 3, variable N: 1.5e999 is not a finite double." },
        { """["S3", 1, "2", "true", 1, "x"]""", "record 3, variable OK: a string where dataType boolean expects true, false or null." },
        { """["S3", 1, "2", null, 1]""", "record 3 has 5 values but \"columns\" defines 6; NOTE and after are missing." },
        { """[]""", "record 3 has 0 values but \"columns\" defines 6; USUBJID and after are missing." },
    };

    [Theory]
    [MemberData(nameof(BadThirdRows))]
    public void Read_BadRowAfterScannedRows_IsSystemTextJsonsError(string bad, string expected)
    {
        List<string> rows = ["""["S1", 1, "2", true, 1, "x"]""", """["S2", 2.5, "3", false, 2, "y"]""", bad];
        foreach (bool ndjson in new[] { false, true })
        {
            using DatasetJsonReader reader = Open(rows, ndjson, 3);
            Assert.True(reader.Read());
            Assert.True(reader.Read());
            var e = Assert.Throws<CohortDataException>(() => reader.Read());
            string message = expected.StartsWith("record 3 is not valid", StringComparison.Ordinal) && ndjson
                ? expected.Replace("record 3 is", "record 3 (line 4) is", StringComparison.Ordinal) : expected;
            Assert.Contains(": " + message + "\n", e.Message.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_InvalidUtf8AfterScannedRows_IsTheSameError()
    {
        byte[] head = Encoding.UTF8.GetBytes("{\"datasetJSONVersion\": \"1.1.0\", \"records\": 2, " + Columns + ", \"rows\": [[\"S1\", 1, \"2\", true, 1, \"x\"], [\"S");
        byte[] bytes = [.. head, 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\", 1, \"2\", true, 1, \"x\"]]}")];
        using var reader = new DatasetJsonReader(new MemoryStream(bytes), "bad.json", ndjson: false);
        Assert.True(reader.Read());
        var e = Assert.Throws<CohortDataException>(() => reader.Read());
        Assert.StartsWith("bad.json: record 2 is not valid JSON (a string is not valid UTF-8).", e.Message, StringComparison.Ordinal);
    }

    private static DatasetJsonReader Open(List<string> rows, bool ndjson, int records)
    {
        string head = "{\"datasetJSONVersion\": \"1.1.0\", \"records\": " + records.ToString(CultureInfo.InvariantCulture) + ", " + Columns;
        string text = ndjson ? head + "}\n" + string.Join("\n", rows) + "\n" : head + ", \"rows\": [" + string.Join(",", rows) + "]}";
        return new DatasetJsonReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), ndjson ? "rows.ndjson" : "rows.json", ndjson);
    }
}
