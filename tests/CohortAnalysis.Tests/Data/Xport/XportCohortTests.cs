using CohortAnalysis.Data;
using CohortAnalysis.Data.Xport;
using Xunit;

namespace CohortAnalysis.Tests.Data.Xport;

/// <summary>A transport file goes through the same mapping, guard, validation and report as CSV.</summary>
public class XportCohortTests
{
    private static byte[] Number(double x)
    {
        var b = new byte[8];
        IbmFloat.FromDouble(x, b);
        return b;
    }

    private static string Write(byte[] bytes, string name = "adqs.xpt")
    {
        string folder = Path.Combine(Path.GetTempPath(), "cohort-xpt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static XptBytes Small()
    {
        XptBytes x = new XptBytes()
            .Add(new("USUBJID", false, 4)).Add(new("TRT01P", false, 8)).Add(new("PARAMCD", false, 8))
            .Add(new("AVISITN", true, 8)).Add(new("AVAL", true, 8)).Add(new("ABLFL", false, 1));
        x.Row("S1", "Placebo", "MADRS", Number(0), Number(30), "Y").Row("S1", "Placebo", "MADRS", Number(6), Number(22.5), "")
         .Row("S2", "Active", "MADRS", Number(0), Number(28), "Y").Row("S2", "Active", "MADRS", Number(6), XptBytes.Ibm((ulong)'A' << 56), "");
        return x;
    }

    private const string SmallCsv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,ABLFL\nS1,Placebo,MADRS,0,30,Y\nS1,Placebo,MADRS,6,22.5,\nS2,Active,MADRS,0,28,Y\nS2,Active,MADRS,6,.,\n";

    [Fact]
    public void Read_Xpt_GivesTheSameCohortAsTheSameCsv()
    {
        Cohort fromXpt = CohortFileReader.Read(Write(Small().Build()));
        Cohort fromCsv = CohortCsvReader.Parse(SmallCsv, "adqs.xpt");
        Assert.Equal(fromCsv.Subjects, fromXpt.Subjects);
        Assert.Equal(fromCsv.Arms, fromXpt.Arms);
        Assert.Equal(fromCsv.Values.ToArray(), fromXpt.Values.ToArray());
        Assert.Equal(fromCsv.Changes.ToArray(), fromXpt.Changes.ToArray());
        Assert.Equal(fromCsv.Report.ToString(), fromXpt.Report.ToString());
        Assert.Equal(4, fromXpt.Report.RowsRead);
    }

    [Fact]
    public void Read_XptOutOfRangeScore_NamesLineAsInACsvExport()
    {
        XptBytes x = Small();
        x.Row("S3", "Active", "MADRS", Number(0), Number(71), "Y");
        var e = Assert.Throws<CohortDataException>(() => CohortFileReader.Read(Write(x.Build())));
        Assert.Equal("adqs.xpt line 6, column AVAL: '71' is above the MADRS range 0–60.\n1 problem; 0 rows loaded.", e.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_CharacterScoreColumn_IsParsedAndNamedWhenBad()
    {
        XptBytes x = new XptBytes()
            .Add(new("USUBJID", false, 4)).Add(new("TRT01P", false, 8)).Add(new("PARAMCD", false, 8))
            .Add(new("AVISITN", true, 8)).Add(new("AVAL", false, 4));
        x.Row("S1", "Placebo", "MADRS", Number(0), "30").Row("S1", "Placebo", "MADRS", Number(6), "n/a");
        var e = Assert.Throws<CohortDataException>(() => CohortFileReader.Read(Write(x.Build())));
        Assert.StartsWith("adqs.xpt line 3, column AVAL: 'n/a' is not a number", e.Message);
    }

    [Fact]
    public void ReadMetadata_GivesLabels()
    {
        DatasetMetadata metadata = CohortFileReader.ReadMetadata(Write(XportReaderTests.Adqs().Row("S1", "A", "MADRS", null, null, null).Build()));
        Assert.Equal("SAS transport (XPORT) version 5", metadata.Format);
        Assert.Equal("Questionnaire Analysis", metadata.Label);
        Assert.Equal("Analysis Visit (N)", metadata.Find("AVISITN")!.Label);
    }

    [Fact]
    public void FormatOf_ExtensionAndOption()
    {
        Assert.Equal(InputFormat.Xport, CohortFileReader.FormatOf("a.XPT", CohortReadOptions.Default));
        Assert.Equal(InputFormat.Csv, CohortFileReader.FormatOf("a.txt", CohortReadOptions.Default));
        Assert.Equal(InputFormat.Tsv, CohortFileReader.FormatOf("a.tsv", CohortReadOptions.Default));
        Assert.Equal(InputFormat.Xport, CohortFileReader.FormatOf("a.dat", CohortReadOptions.Default with { InputFormat = InputFormat.Xport }));
        var e = Assert.Throws<ArgumentException>(() => CohortFileReader.FormatOf("a.xpt", CohortReadOptions.Default with { Delimiter = ';' }));
        Assert.StartsWith("Delimiter = ';' does not apply to a Xport file", e.Message);
    }
}
