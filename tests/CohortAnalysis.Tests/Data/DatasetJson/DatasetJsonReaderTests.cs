using System.Text;
using CohortAnalysis.Data;
using CohortAnalysis.Data.DatasetJson;
using Xunit;

namespace CohortAnalysis.Tests.Data.DatasetJson;

/// <summary>The Dataset-JSON 1.1 reader: CDISC's own ADADAS example (an excerpt, tests/data/dataset-json/README.md), small
/// files written after the specification's structure, and every kind of damage named by record and variable.</summary>
public class DatasetJsonReaderTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data", "dataset-json");

    private const string Head = """
        {"datasetJSONCreationDateTime": "2024-01-01T00:00:00", "datasetJSONVersion": "1.1.0", "itemGroupOID": "IG.ADQS", "records": RECORDS,
         "name": "ADQS", "label": "Questionnaire Analysis",
         "columns": [
          {"itemOID": "IT.USUBJID", "name": "USUBJID", "label": "Unique Subject Identifier", "dataType": "string", "length": 4},
          {"itemOID": "IT.AVAL", "name": "AVAL", "label": "Analysis Value", "dataType": "double"},
          {"itemOID": "IT.HEIGHT", "name": "HEIGHTBL", "label": "Baseline Height (cm)", "dataType": "decimal", "targetDataType": "decimal"},
          {"itemOID": "IT.ADT", "name": "ADT", "label": "Analysis Date", "dataType": "date", "targetDataType": "integer", "displayFormat": "E8601DA."},
          {"itemOID": "IT.OK", "name": "OK", "label": "Boolean", "dataType": "boolean"}
         ]
        """;

    private static DatasetJsonReader Json(string rows, int records, string name = "adqs.json") =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(Head.Replace("RECORDS", records.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ", \"rows\": [" + rows + "]}")), name, ndjson: false);

    private static List<string?[]> All(DatasetJsonReader reader)
    {
        var rows = new List<string?[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.Columns.Count).Select(reader.GetText).ToArray());
        return rows;
    }

    [Fact]
    public void Read_SpecificationShapedFile_GivesValuesAndMissing()
    {
        using DatasetJsonReader reader = Json("""["S1", 12.5, "162.9", "2014-01-02", true], ["S2", null, null, null, null], ["S3", -0.1, "1,5e2", "", false]""".Replace("\"1,5e2\"", "\"150\""), 3);
        Assert.Equal("1.1.0", reader.Version);
        Assert.Equal("ADQS", reader.Metadata.Name);
        Assert.Equal("Questionnaire Analysis", reader.Metadata.Label);
        Assert.Equal(ValueKind.Number, reader.Metadata.Find("HEIGHTBL")!.Kind);
        Assert.Equal(ValueKind.Date, reader.Metadata.Find("ADT")!.Kind);
        Assert.Equal("E8601DA.", reader.Metadata.Find("ADT")!.DisplayFormat);
        Assert.True(reader.Read());
        Assert.Equal(12.5, reader.GetNumber(1));
        Assert.Equal(162.9, reader.GetNumber(2));   // decimal exchanged as a string
        Assert.Equal("2014-01-02", reader.GetText(3));
        Assert.Equal("true", reader.GetText(4));
        Assert.True(reader.Read());
        Assert.True(reader.IsNull(1) && reader.IsNull(2) && reader.IsNull(3));
        Assert.True(double.IsNaN(reader.GetNumber(1)));
        Assert.True(reader.Read());
        Assert.Equal("", reader.GetText(3));   // an empty string is not missing
        Assert.False(reader.IsNull(3));
        Assert.False(reader.Read());
        Assert.Equal(3, reader.RecordNumber);
    }

    [Fact]
    public void Read_CdiscAdadasExcerpt_JsonAndNdjsonAgree()
    {
        using DatasetJsonReader ndjson = DatasetJsonReader.Open(Path.Combine(Folder, "adadas-excerpt.ndjson"));
        using DatasetJsonReader json = DatasetJsonReader.Open(Path.Combine(Folder, "adadas-excerpt.json"));
        Assert.Equal("ADADAS", ndjson.Metadata.Name);
        Assert.Equal("ADAS-Cog Analysis", ndjson.Metadata.Label);
        Assert.Equal(41, ndjson.Columns.Count);
        Assert.Equal("Analysis Record Flag 01", ndjson.Metadata.Find("ANL01FL")!.Label);
        Assert.Equal("date", ndjson.Columns.Single(c => c.Name == "ADT").DataType);
        Assert.Equal("integer", ndjson.Columns.Single(c => c.Name == "ADT").TargetDataType);
        Assert.Equal(4, ndjson.Columns.Single(c => c.Name == "ADT").KeySequence);
        var a = All(ndjson);
        var b = All(json);
        Assert.Equal(16, a.Count);
        Assert.Equal(a, b);
        Assert.Equal("2", a[1][0]);
        Assert.Equal("CDISCPILOT01", a[1][1]);
        Assert.Equal("-33.3333333333", a[1][30]);   // PCHG
        Assert.Null(a[0][29]);                      // CHG of a baseline record is null
    }

    [Fact]
    public void Read_ManyRowsAcrossBuffers_AreAllRead()
    {
        var rows = string.Join(",", Enumerable.Range(0, 30_000).Select(i => $"[\"S{i}\", {i}.25, \"{i}.5\", \"2014-01-02\", true]"));
        using DatasetJsonReader reader = Json(rows, 30_000);
        int n = 0;
        while (reader.Read())
        {
            Assert.Equal("S" + n, reader.GetText(0));
            Assert.Equal(n + 0.25, reader.GetNumber(1));
            n++;
        }
        Assert.Equal(30_000, n);
    }

    // Found by the CI fuzz smoke run: a string that is not valid UTF-8 made System.Text.Json throw InvalidOperationException.
    [Fact]
    public void Read_InvalidUtf8InAString_IsAClearError()
    {
        byte[] bad = [.. Encoding.UTF8.GetBytes("{\"datasetJSONVersion\": \"1.1."), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("0\", \"records\": 0, \"columns\": [], \"rows\": []}")];
        var e = Assert.Throws<CohortDataException>(() => new DatasetJsonReader(new MemoryStream(bad), "x.json", false));
        Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ColumnsAfterRows_IsRefusedWithAReason()
    {
        string text = """{"datasetJSONVersion": "1.1.0", "records": 0, "rows": [], "columns": [{"itemOID": "a", "name": "A", "label": "", "dataType": "string"}]}""";
        var e = Assert.Throws<CohortDataException>(() => new DatasetJsonReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "x.json", false));
        Assert.StartsWith("x.json: \"rows\" comes before \"columns\"", e.Message);
    }

    public static TheoryData<string, int, string> BadRows => new()
    {
        { """["S1", 1, "2", "2014-01-02", true], ["S2", "12", "2", null, null]""", 2, "adqs.json column AVAL: record 2, variable AVAL: a string where dataType double expects a JSON number or null." },
        { """["S1", 1, "2", "2014-01-02", true], ["S2", 1, "2", null]""", 2, "adqs.json column OK: record 2 has 4 values but \"columns\" defines 5; OK and after are missing." },
        { """["S1", 1, "2", "2014-01-02", true, 7]""", 1, "adqs.json: record 1 has 6 values but \"columns\" defines 5." },
        { """["S1", 1, "2,5", null, null]""", 1, "adqs.json column HEIGHTBL: record 1, variable HEIGHTBL: '2,5' is not a decimal number ('.' decimals; dataType decimal)." },
        { """["S1", 1, "2", 20000, null]""", 1, "adqs.json column ADT: record 1, variable ADT: a number where dataType date expects a JSON string or null." },
        { """["S1", 1, "2", null, "Y"]""", 1, "adqs.json column OK: record 1, variable OK: a string where dataType boolean expects true, false or null." },
        { """["S1", 1e400, "2", null, null]""", 1, "adqs.json column AVAL: record 1, variable AVAL: 1e400 is not a finite double." },
        { """["S1", 1, "2", null, null]""", 3, "adqs.json: \"records\" says 3 but the file has 1 row." },
        { """["S1", 1, "2", null, null], {"a": 1}""", 2, "adqs.json: record 2 is not a JSON array." },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Read_BadRow_NamesRecordAndVariable(string rows, int records, string expected)
    {
        using DatasetJsonReader reader = Json(rows, records);
        var e = Assert.Throws<CohortDataException>(() => { while (reader.Read()) { } });
        Assert.Equal(expected + "\n1 problem; 0 rows loaded.", e.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_TruncatedJson_SaysWhere()
    {
        string full = Head.Replace("RECORDS", "2") + ", \"rows\": [[\"S1\", 1, \"2\", null, null], [\"S2\", 1, \"2\", null, null]]}";
        var reader = new DatasetJsonReader(new MemoryStream(Encoding.UTF8.GetBytes(full[..^20])), "adqs.json", false);
        Assert.True(reader.Read());
        var e = Assert.Throws<CohortDataException>(() => reader.Read());
        Assert.StartsWith("adqs.json: record 2 is not valid JSON", e.Message);
        e = Assert.Throws<CohortDataException>(() => new DatasetJsonReader(new MemoryStream(Encoding.UTF8.GetBytes(full[..200])), "adqs.json", false));
        Assert.StartsWith("adqs.json: the metadata is not valid JSON", e.Message);
    }

    [Fact]
    public void Read_NdjsonTruncatedLastLine_NamesRecordAndLine()
    {
        string text = File.ReadAllText(Path.Combine(Folder, "adadas-excerpt.ndjson"));
        var reader = new DatasetJsonReader(new MemoryStream(Encoding.UTF8.GetBytes(text[..^80])), "adadas.ndjson", true);
        var e = Assert.Throws<CohortDataException>(() => { while (reader.Read()) { } });
        Assert.StartsWith("adadas.ndjson: record 16 (line 17) is not valid JSON", e.Message);
    }
}
