using CohortAnalysis.Change;
using CohortAnalysis.Cli;
using CohortAnalysis.Data;
using CohortAnalysis.Data.ApacheParquet;
using CohortAnalysis.Tests.Cli;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace CohortAnalysis.Tests.Data.ApacheParquet;

/// <summary>A Parquet file goes through the same mapping, guard, validation and report as CSV. No R arrow package is
/// installed here (Debian has no r-cran-arrow), so the files are written by Parquet.Net: by the library's own writer for
/// the round trip, and column by column with hand-chosen Parquet types (INT32, INT64, FLOAT, BOOLEAN, required and
/// optional, a list column) for the small file whose values are checked by hand.</summary>
public class ParquetCohortTests
{
    private static string Folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "cohort-parquet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void DemoCsvToParquet_GivesTheSameCohortAndChangeSummaries()
    {
        string folder = Folder();
        string csv = DemoTrial.Generate(seed: 11, subjects: 150);
        string csvPath = Path.Combine(folder, "adqs.csv");
        File.WriteAllText(csvPath, csv);
        string parquetPath = Path.Combine(folder, "adqs.parquet");
        Assert.True(DemoFile.Write(csv, parquetPath));

        Cohort fromCsv = CohortFileReader.Read(csvPath);
        Cohort fromParquet = CohortFileReader.Read(parquetPath);
        Assert.Equal("Apache Parquet", CohortFileReader.ReadMetadata(parquetPath).Format);
        Assert.Equal(fromCsv.Subjects, fromParquet.Subjects);
        Assert.Equal(fromCsv.Arms, fromParquet.Arms);
        Assert.Equal(fromCsv.Values.ToArray(), fromParquet.Values.ToArray());
        Assert.Equal(fromCsv.Changes.ToArray(), fromParquet.Changes.ToArray());
        Assert.Equal(fromCsv.Report.RowsRead, fromParquet.Report.RowsRead);
        Assert.Equal(fromCsv.Report.ToString().Replace("adqs.csv", "adqs.parquet"), fromParquet.Report.ToString());
        Assert.Equal(ChangeFromBaseline.Summarize(fromCsv).ToString().Replace("adqs.csv", "adqs.parquet"), ChangeFromBaseline.Summarize(fromParquet).ToString());
    }

    [Fact]
    public void Cli_ChangeOnParquet_PrintsWhatItPrintsForTheCsv()
    {
        string folder = Folder();
        string csvPath = Path.Combine(folder, "demo.csv"), parquetPath = Path.Combine(folder, "demo.parquet");
        Assert.Equal(0, CohortCommand.Run("demo", "--subjects", "60", "--seed", "5", "--output", csvPath).ExitCode);
        Assert.Equal(0, CohortCommand.Run("demo", "--subjects", "60", "--seed", "5", "--output", parquetPath).ExitCode);
        var csv = CohortCommand.Run("change", csvPath, "--format", "json");
        var parquet = CohortCommand.Run("change", parquetPath, "--format", "json");
        Assert.Equal(0, parquet.ExitCode);
        Assert.Equal(csv.Out.Replace("demo.csv", "demo.parquet"), parquet.Out);
        var forced = CohortCommand.Run("describe", parquetPath.Replace(".parquet", ".csv"), "--input-format", "parquet");
        Assert.NotEqual(0, forced.ExitCode);
        Assert.Contains("demo.csv: not a readable Parquet file", forced.Err);
    }

    // The hand-checked file: typed columns as other writers produce them (subject as INT64, visit INT32 required, score
    // FLOAT with a null, flag BOOLEAN, a list column that is not read).
    private static async Task<string> WriteTypedAsync(string folder, bool withScore = true, bool scoreAsBoolean = false)
    {
        string path = Path.Combine(folder, "typed.parquet");
        var subject = new DataField<long>("USUBJID", false);
        var arm = new DataField<string>("TRT01P", true);
        var paramcd = new DataField<string>("PARAMCD", true);
        var visit = new DataField<int>("AVISITN", false);
        var score = new DataField<float>("AVAL", true);
        var flagScore = new DataField<bool>("AVAL", true);
        var flag = new DataField<bool>("ABLFL", true);
        var tags = new DataField("TAGS", typeof(int), isNullable: true, isArray: true);
        var fields = new List<Field> { subject, arm, paramcd, visit };
        if (withScore) fields.Add(scoreAsBoolean ? flagScore : score);
        fields.Add(flag);
        fields.Add(tags);
        await using (FileStream file = File.Create(path))
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file))
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync<long>(subject, new long[] { 1001, 1001, 1002, 1002 }.AsMemory());
            await group.WriteAsync(arm, new[] { "Placebo", "Placebo", "Active", "Active" });
            await group.WriteAsync(paramcd, new[] { "MADRS", "MADRS", "MADRS", "MADRS" });
            await group.WriteAsync<int>(visit, new[] { 0, 6, 0, 6 }.AsMemory());
            if (withScore && !scoreAsBoolean) await group.WriteAsync<float>(score, new float?[] { 30f, 22.5f, 28f, null }.AsMemory());
            if (withScore && scoreAsBoolean) await group.WriteAsync<bool>(flagScore, new bool?[] { true, false, true, false }.AsMemory());
            await group.WriteAsync<bool>(flag, new bool?[] { true, false, true, null }.AsMemory());
            await group.WriteAsync<int>(tags, new int?[] { 1, 2, 3, 4 }.AsMemory(), new[] { 0, 0, 0, 0 }.AsMemory());
        }
        return path;
    }

    [Fact]
    public async Task HandCheckedTypedFile_LoadsAsTheSameDataWrittenAsCsv()
    {
        string path = await WriteTypedAsync(Folder());
        Cohort cohort = CohortFileReader.Read(path);
        Cohort csv = CohortCsvReader.Parse(
            "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,ABLFL\n1001,Placebo,MADRS,0,30,TRUE\n1001,Placebo,MADRS,6,22.5,FALSE\n1002,Active,MADRS,0,28,TRUE\n1002,Active,MADRS,6,,\n",
            "typed.parquet");
        Assert.Equal(["1001", "1002"], cohort.Subjects);
        Assert.Equal(csv.Values.ToArray(), cohort.Values.ToArray());
        Assert.Equal(csv.Changes.ToArray(), cohort.Changes.ToArray());
        Assert.Equal(4, cohort.Report.RowsRead);
        Assert.Contains(cohort.Report.Issues, i => i.Column == "TAGS (a list)" && i.Message.Contains("nested or unsupported Parquet column"));
        DatasetMetadata metadata = CohortFileReader.ReadMetadata(path);
        Assert.Equal([ValueKind.Number, ValueKind.Text, ValueKind.Text, ValueKind.Number, ValueKind.Number, ValueKind.Boolean],
            metadata.Variables.Select(v => v.Kind));
    }

    [Fact]
    public async Task MissingColumn_IsNamedWithTheFile()
    {
        string path = await WriteTypedAsync(Folder(), withScore: false);
        var e = Assert.Throws<CohortDataException>(() => CohortFileReader.Read(path));
        Assert.StartsWith("typed.parquet line 1, column AVAL", e.Message);
        Assert.Contains("the header has no value column", e.Message);
    }

    [Fact]
    public async Task WrongTypeColumn_NamesFileLineColumnAndValue()
    {
        string path = await WriteTypedAsync(Folder(), scoreAsBoolean: true);
        var e = Assert.Throws<CohortDataException>(() => CohortFileReader.Read(path));
        Assert.StartsWith("typed.parquet line 2, column AVAL: 'true' is not a number", e.Message);
    }

    [Fact]
    public async Task TruncatedFile_IsRefusedNamingTheFile()
    {
        string folder = Folder();
        byte[] whole = await File.ReadAllBytesAsync(await WriteTypedAsync(folder));
        string path = Path.Combine(folder, "cut.parquet");
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)]);
        var e = Assert.Throws<CohortDataException>(() => CohortFileReader.Read(path));
        Assert.StartsWith("cut.parquet: not a readable Parquet file: truncated, damaged or another format", e.Message);

        await File.WriteAllBytesAsync(path, []);
        e = Assert.Throws<CohortDataException>(() => CohortFileReader.Read(path));
        Assert.StartsWith("cut.parquet: the file is empty", e.Message);
    }

    [Fact]
    public void DamagedColumnChunk_NamesTheColumn()
    {
        string folder = Folder();
        string path = Path.Combine(folder, "damaged.parquet");
        var metadata = new DatasetMetadata("damaged.parquet", "", "", "",
            [new("USUBJID", "", ValueKind.Text, null, ""), new("TRT01P", "", ValueKind.Text, null, ""), new("PARAMCD", "", ValueKind.Text, null, ""),
             new("AVISITN", "", ValueKind.Number, null, ""), new("AVAL", "", ValueKind.Number, null, "")]);
        object?[][] rows = Enumerable.Range(0, 200).Select(i => new object?[] { $"S{i / 2}", i % 4 < 2 ? "A" : "B", "MADRS", (double)(i % 2 * 6), (double)(i % 40) }).ToArray();
        using (FileStream file = File.Create(path)) ParquetTableWriter.Write(file, metadata, rows);
        byte[] bytes = File.ReadAllBytes(path);
        // Overwrite the start of the first column chunk's data (just after the 'PAR1' magic) with junk; the footer stays intact.
        for (int i = 4; i < 40; i++) bytes[i] = 0xAB;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<CohortDataException>(() => CohortFileReader.Read(path));
        Assert.StartsWith("damaged.parquet line 2, column USUBJID: row group 1 (rows from line 2), column USUBJID: the column cannot be decoded", e.Message);
    }

    [Fact]
    public void Writer_RoundTripsNumbersTextAndNulls_AcrossRowGroups()
    {
        string path = Path.Combine(Folder(), "t.parquet");
        var metadata = new DatasetMetadata("t", "", "", "", [new("X", "", ValueKind.Number, null, ""), new("S", "", ValueKind.Text, null, "")]);
        object?[][] rows = [[1.5, "a"], [null, null], [double.NaN, "b"], [-2.0, "a"], [0.1, ""]];
        using (FileStream file = File.Create(path)) Assert.Equal(5, ParquetTableWriter.Write(file, metadata, rows, rowGroupSize: 2));
        using ParquetTabularSource source = ParquetTabularSource.Open(path);
        var numbers = new List<double>();
        var texts = new List<string?>();
        while (source.Read())
        {
            Assert.True(source.TryNumber(0, out double x));
            numbers.Add(x);
            ReadOnlySpan<char> s = source.Field(1, out bool isNull);
            texts.Add(isNull ? null : s.ToString());
            Assert.Equal(numbers.Count + 1, source.Line);
        }
        Assert.Equal([1.5, double.NaN, double.NaN, -2.0, 0.1], numbers);
        Assert.Equal(["a", null, "b", "a", ""], texts);
    }
}
