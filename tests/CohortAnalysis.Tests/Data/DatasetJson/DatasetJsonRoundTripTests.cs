using CohortAnalysis.Data;
using CohortAnalysis.Data.DatasetJson;
using FsCheck.Xunit;
using Xunit;

namespace CohortAnalysis.Tests.Data.DatasetJson;

/// <summary>Writer → reader round trips, JSON and NDJSON, and the cohort read from each equals the cohort read from CSV.</summary>
public class DatasetJsonRoundTripTests
{
    private static readonly DatasetMetadata Adqs = new("adqs.json", "", "ADQS", "Questionnaire Analysis",
    [
        new("USUBJID", "Unique Subject Identifier", ValueKind.Text, 11, ""),
        new("TRT01P", "Planned Treatment for Period 01", ValueKind.Text, null, ""),
        new("PARAMCD", "Parameter Code", ValueKind.Text, 8, ""),
        new("AVISITN", "Analysis Visit (N)", ValueKind.Number, null, ""),
        new("AVAL", "Analysis Value", ValueKind.Number, null, ""),
        new("ABLFL", "Baseline Record Flag", ValueKind.Text, 1, ""),
    ]);

    private static readonly object?[][] Rows =
    [
        ["S1", "Placebo", "MADRS", 0.0, 30.0, "Y"],
        ["S1", "Placebo", "MADRS", 6.0, 22.5, ""],
        ["S2", "Active \"quoted\" é", "MADRS", 0.0, 28.0, "Y"],
        ["S2", "Active \"quoted\" é", "MADRS", 6.0, null, ""],
    ];

    private static string WriteFile(bool ndjson, IReadOnlyCollection<object?[]> rows, DatasetMetadata? metadata = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "cohort-dsj-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, ndjson ? "adqs.ndjson" : "adqs.json");
        using (var stream = File.Create(path))
            DatasetJsonWriter.Write(stream, metadata ?? Adqs, rows, ndjson, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriteThenRead_GivesTheSameTable(bool ndjson)
    {
        using DatasetJsonReader reader = DatasetJsonReader.Open(WriteFile(ndjson, Rows));
        Assert.Equal(Adqs.Name, reader.Metadata.Name);
        Assert.Equal(Adqs.Label, reader.Metadata.Label);
        Assert.Equal(Adqs.Variables.Select(v => (v.Name, v.Label, v.Kind)), reader.Metadata.Variables.Select(v => (v.Name, v.Label, v.Kind)));
        int r = 0;
        while (reader.Read())
        {
            for (int c = 0; c < Rows[r].Length; c++)
            {
                if (Rows[r][c] is double d) Assert.Equal(d, reader.GetNumber(c));
                else Assert.Equal((string?)Rows[r][c], reader.GetText(c));
            }
            r++;
        }
        Assert.Equal(4, r);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_DatasetJson_GivesTheSameCohortAsCsv(bool ndjson)
    {
        Cohort fromJson = CohortFileReader.Read(WriteFile(ndjson, Rows));
        Cohort fromCsv = CohortCsvReader.Parse("USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,ABLFL\nS1,Placebo,MADRS,0,30,Y\nS1,Placebo,MADRS,6,22.5,\nS2,\"Active \"\"quoted\"\" é\",MADRS,0,28,Y\nS2,\"Active \"\"quoted\"\" é\",MADRS,6,,\n",
            ndjson ? "adqs.ndjson" : "adqs.json");
        Assert.Equal(fromCsv.Subjects, fromJson.Subjects);
        Assert.Equal(fromCsv.Arms, fromJson.Arms);
        Assert.Equal(fromCsv.Values.ToArray(), fromJson.Values.ToArray());
        Assert.Equal(fromCsv.Changes.ToArray(), fromJson.Changes.ToArray());
        Assert.Equal(fromCsv.Report.ToString(), fromJson.Report.ToString());
    }

    [Property(MaxTest = 200)]
    public void WriteThenRead_AnyFiniteDoubleAndString_RoundTrips(double x, string? text, bool ndjson)
    {
        if (!double.IsFinite(x)) return;
        text = text is null ? null : new string(text.Where(ch => !char.IsSurrogate(ch)).ToArray());
        DatasetMetadata metadata = new("t.json", "", "T", "", [new("X", "", ValueKind.Number, null, ""), new("S", "", ValueKind.Text, null, "")]);
        using DatasetJsonReader reader = DatasetJsonReader.Open(WriteFile(ndjson, [[x, text]], metadata));
        Assert.True(reader.Read());
        Assert.Equal(x, reader.GetNumber(0));
        Assert.Equal(text, reader.GetText(1));
        Assert.False(reader.Read());
    }
}
