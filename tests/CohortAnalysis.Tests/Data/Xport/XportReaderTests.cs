using CohortAnalysis.Data;
using CohortAnalysis.Data.Xport;
using Xunit;

namespace CohortAnalysis.Tests.Data.Xport;

/// <summary>The transport reader on hand-made files (<see cref="XptBytes"/>): headers, labels, formats, padding, missing
/// codes, version 8 long names and labels, and every kind of damage named by record and variable.</summary>
public class XportReaderTests
{
    private static readonly byte[] One = XptBytes.Ibm(0x4110_0000_0000_0000UL);
    private static readonly byte[] Hundred = XptBytes.Ibm(0x4264_0000_0000_0000UL);

    internal static XptBytes Adqs(int version = 5) => new XptBytes { Version = version }
        .Add(new("USUBJID", false, 11, "Unique Subject Identifier"))
        .Add(new("TRT01P", false, 8, "Planned Treatment for Period 01"))
        .Add(new("PARAMCD", false, 8, "Parameter Code"))
        .Add(new("AVISITN", true, 8, "Analysis Visit (N)"))
        .Add(new("AVAL", true, 8, "Analysis Value"))
        .Add(new("ADT", true, 8, "Analysis Date", "DATE", 9));

    private static XportReader Reader(byte[] bytes, string name = "adqs.xpt") => new(new MemoryStream(bytes), name);

    private static byte[] Days(double days)
    {
        var b = new byte[8];
        IbmFloat.FromDouble(days, b);
        return b;
    }

    [Fact]
    public void Read_Version5_GivesMetadataAndValues()
    {
        byte[] file = Adqs().Row("01-701-1015", "Placebo", "MADRS", XptBytes.Ibm(0), Hundred.Take(8).ToArray(), Days(19725))
            .Row("01-701-1015", "Placebo", "MADRS", One, null, null).Build();
        using XportReader reader = Reader(file);
        Assert.Equal(5, reader.Version);
        Assert.Equal("ADQS", reader.Metadata.Name);
        Assert.Equal("Questionnaire Analysis", reader.Metadata.Label);
        Assert.Equal(["USUBJID", "TRT01P", "PARAMCD", "AVISITN", "AVAL", "ADT"], reader.Metadata.Variables.Select(v => v.Name));
        Assert.Equal("Analysis Value", reader.Metadata.Find("aval")!.Label);
        Assert.Equal(ValueKind.Date, reader.Metadata.Find("ADT")!.Kind);
        Assert.Equal("DATE9.", reader.Metadata.Find("ADT")!.DisplayFormat);
        Assert.Equal(ValueKind.Text, reader.Metadata.Find("USUBJID")!.Kind);

        Assert.True(reader.Read());
        Assert.Equal(1, reader.RecordNumber);
        Assert.Equal("01-701-1015", reader.GetText(0));
        Assert.Equal("Placebo", reader.GetText(1));   // trailing blanks of the 8-byte field removed
        Assert.Equal(0.0, reader.GetNumber(3));
        Assert.Equal(100.0, reader.GetNumber(4));
        Assert.Equal(new DateOnly(2014, 1, 2), reader.GetDate(5));   // 19725 days after 1960-01-01
        Assert.Equal("2014-01-02", reader.GetDisplayText(5));
        Assert.True(reader.Read());
        Assert.True(double.IsNaN(reader.GetNumber(4)));
        Assert.Equal('.', reader.GetMissingCode(4));
        Assert.Null(reader.GetDate(5));
        Assert.Null(reader.GetDisplayText(4));
        Assert.False(reader.Read());
        Assert.False(reader.HasMoreMembers);
    }

    [Fact]
    public void Read_SpecialMissingValues_KeepTheirCode()
    {
        XptBytes x = new XptBytes().Add(new("AVAL", true, 8));
        foreach (char code in "._ABZ") x.Row(XptBytes.Ibm((ulong)code << 56));
        using XportReader reader = Reader(x.Build());
        var codes = new List<char>();
        while (reader.Read())
        {
            Assert.True(double.IsNaN(reader.GetNumber(0)));
            codes.Add(reader.GetMissingCode(0));
        }
        Assert.Equal("._ABZ", new string([.. codes]));
    }

    [Fact]
    public void Read_BlankPaddingAfterTheLastRecord_IsNotARecord()
    {
        // 3 records of 10 bytes = 30 bytes, padded with 50 blanks to 80: no blank records may appear.
        XptBytes x = new XptBytes().Add(new("USUBJID", false, 10));
        for (int i = 0; i < 3; i++) x.Row("S" + i);
        using XportReader reader = Reader(x.Build());
        int n = 0;
        while (reader.Read()) n++;
        Assert.Equal(3, n);
    }

    [Fact]
    public void Read_RecordsFillingTheLastBlockExactly_AreAllRead()
    {
        XptBytes x = new XptBytes().Add(new("AVAL", true, 8));
        for (int i = 0; i < 10; i++) x.Row(One);   // 80 bytes: no padding
        using XportReader reader = Reader(x.Build());
        int n = 0;
        while (reader.Read()) n++;
        Assert.Equal(10, n);
    }

    [Fact]
    public void Read_ShortNumericLengths_AreRead()
    {
        byte[] file = new XptBytes().Add(new("AVISITN", true, 3)).Add(new("AVAL", true, 5)).Row(One, Hundred).Row(null, null).Build();
        using XportReader reader = Reader(file);
        Assert.True(reader.Read());
        Assert.Equal(1.0, reader.GetNumber(0));
        Assert.Equal(100.0, reader.GetNumber(1));
        Assert.True(reader.Read());
        Assert.Equal('.', reader.GetMissingCode(0));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_Version8_LongNamesAndLabels()
    {
        string longLabel = "Change from Baseline in ADAS-Cog (11) Total Score at Week 24";
        byte[] file = new XptBytes { Version = 8, Dataset = "ADQSADAS_LONGNAME" }
            .Add(new("USUBJID", false, 11, "Unique Subject Identifier"))
            .Add(new("ANALYSIS_VALUE_LONG", true, 8, longLabel))
            .Row("01-701-1015", Hundred).Build();
        using XportReader reader = Reader(file);
        Assert.Equal(8, reader.Version);
        Assert.Equal("ADQSADAS_LONGNAME", reader.Metadata.Name);
        Assert.Equal("ANALYSIS_VALUE_LONG", reader.Metadata.Variables[1].Name);
        Assert.Equal(longLabel, reader.Metadata.Variables[1].Label);
        Assert.True(reader.Read());
        Assert.Equal(100.0, reader.GetNumber(1));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_VaxNamestrLength136_IsRead()
    {
        byte[] file = new XptBytes { NamestrLength = 136 }.Add(new("USUBJID", false, 4)).Add(new("AVAL", true, 8)).Row("S1", One).Build();
        using XportReader reader = Reader(file);
        Assert.True(reader.Read());
        Assert.Equal("S1", reader.GetText(0));
        Assert.Equal(1.0, reader.GetNumber(1));
    }

    [Fact]
    public void Read_SecondMember_StopsAndSaysSo()
    {
        byte[] first = new XptBytes().Add(new("AVAL", true, 8)).Row(One).Build();
        byte[] second = new XptBytes().Add(new("AVAL", true, 8)).Row(Hundred).Build();
        byte[] both = [.. first, .. second.Skip(3 * 80)];   // a second member: its headers start at record 4
        using XportReader reader = Reader(both);
        Assert.True(reader.Read());
        Assert.False(reader.Read());
        Assert.True(reader.HasMoreMembers);
    }

    [Fact]
    public void Read_TruncatedRecord_NamesRecordAndVariable()
    {
        byte[] file = Adqs().Row("S1", "A", "MADRS", One, One, null).Row("S2", "A", "MADRS", One, One, null).Build(padData: false);
        byte[] cut = file[..^12];   // record 2 loses its last 12 bytes: ADT (43-50) and 4 bytes of AVAL (35-42)
        using XportReader reader = Reader(cut);
        Assert.True(reader.Read());
        var e = Assert.Throws<CohortDataException>(() => reader.Read());
        Assert.Equal("adqs.xpt column AVAL: record 2 is truncated: the file ends 39 bytes into a 51-byte record, inside variable AVAL.\n1 problem; 0 rows loaded.",
            e.Message.ReplaceLineEndings("\n"));
        Assert.Equal("AVAL", e.Column);
    }

    [Fact]
    public void Open_NotXport_SaysSo()
    {
        var e = Assert.Throws<CohortDataException>(() => Reader("USUBJID,AVAL\nS1,3\n"u8.ToArray().Concat(new byte[100]).ToArray(), "adqs.csv.xpt"));
        Assert.Contains("is not a SAS transport (XPORT) file", e.Message);
        e = Assert.Throws<CohortDataException>(() => Reader([]));
        Assert.StartsWith("adqs.xpt: the file is empty.", e.Message);
    }

    [Fact]
    public void Open_TruncatedHeaders_SaysWhichRecord()
    {
        byte[] file = Adqs().Row("S1", "A", "MADRS", One, One, null).Build();
        var e = Assert.Throws<CohortDataException>(() => Reader(file[..(7 * 80 + 30)]));
        Assert.StartsWith("adqs.xpt: the file ends inside the headers: 80-byte record 8 (NAMESTR header) is missing or short.", e.Message);
        e = Assert.Throws<CohortDataException>(() => Reader(file[..(8 * 80 + 200)]));
        Assert.StartsWith("adqs.xpt: the file ends inside the variable descriptions (NAMESTR records): 880 bytes expected, 200 found.", e.Message);
    }

    [Fact]
    public void Open_MisSizedNumeric_NamesTheVariable()
    {
        byte[] file = new XptBytes().Add(new("USUBJID", false, 4)).Add(new("AVAL", true, 12)).Row("S1", new byte[12]).Build();
        var e = Assert.Throws<CohortDataException>(() => Reader(file));
        Assert.StartsWith("adqs.xpt column AVAL: variable 2 (AVAL): a numeric variable has 2 to 8 bytes, not 12.", e.Message);
    }

    [Fact]
    public void Open_BadVariableType_NamesTheVariable()
    {
        byte[] file = new XptBytes().Add(new("AVAL", true, 8)).Row(One).Build();
        file[8 * 80 + 1] = 7;   // NAMESTR ntype = 7
        var e = Assert.Throws<CohortDataException>(() => Reader(file));
        Assert.StartsWith("adqs.xpt column AVAL: variable 1 (AVAL): type 7 is neither 1 (numeric) nor 2 (character).", e.Message);
    }

    [Fact]
    public void Open_DuplicateNames_AreRefused()
    {
        byte[] file = new XptBytes().Add(new("AVAL", true, 8)).Add(new("aval", true, 8)).Row(One, One).Build();
        var e = Assert.Throws<CohortDataException>(() => Reader(file));
        Assert.StartsWith("adqs.xpt column aval: variables 1 and 2 are both called aval.", e.Message);
    }

    [Fact]
    public void Read_LargeFile_ReadsEveryRecordAcrossBufferRefills()
    {
        XptBytes x = new XptBytes().Add(new("USUBJID", false, 7)).Add(new("AVAL", true, 8));
        for (int i = 0; i < 20_000; i++)
        {
            var value = new byte[8];
            IbmFloat.FromDouble(i, value);
            x.Row("S" + i, value);
        }
        using XportReader reader = Reader(x.Build());
        int n = 0;
        while (reader.Read())
        {
            Assert.Equal((double)n, reader.GetNumber(1));
            Assert.Equal("S" + n, reader.GetText(0));
            n++;
        }
        Assert.Equal(20_000, n);
    }
}
