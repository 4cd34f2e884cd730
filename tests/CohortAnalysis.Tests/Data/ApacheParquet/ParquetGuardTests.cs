using System.Globalization;
using CohortAnalysis.Data;
using CohortAnalysis.Data.ApacheParquet;
using CohortAnalysis.Privacy;
using Xunit;

namespace CohortAnalysis.Tests.Data.ApacheParquet;

/// <summary>Issue 16: a Parquet file is read without the read-ahead copy of its rows, and the identifier guard counts each
/// decoded row group column by column (small row groups on the loading thread, larger ones on a thread of its own, with
/// number texts of its own). The verdict, and the counts behind it, must be those of the same rows read as CSV.</summary>
public class ParquetGuardTests
{
    private const int Rows = 20_000;

    // USUBJID, TRT01P, PARAMCD (text), AVISITN, AVAL, AGE (numbers), EXTRA (text, empty but for row `at`); AGE is 95 on
    // row `oldAt` and 40 elsewhere.
    private static (string Csv, object?[][] Rows) File(int at, string late, int oldAt)
    {
        var csv = new System.Text.StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,AGE,EXTRA\n");
        var rows = new object?[Rows][];
        for (int i = 1; i <= Rows; i++)
        {
            int s = (i + 1) / 2;
            string subject = "S" + s.ToString("D5", CultureInfo.InvariantCulture);
            string arm = s % 2 == 0 ? "A" : "B";
            double visit = i % 2 == 1 ? 0 : 6, score = 20 + i % 10, age = i == oldAt ? 95 : 40;
            string extra = i == at ? late : "";
            csv.Append(CultureInfo.InvariantCulture, $"{subject},{arm},MADRS,{visit},{score},{age},{extra}\n");
            rows[i - 1] = [subject, arm, "MADRS", visit, score, age, extra];
        }
        return (csv.ToString(), rows);
    }

    private static string Folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "cohort-parquet-guard-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static (string CsvPath, string ParquetPath) Write(int at, string late, int oldAt, int rowGroupSize)
    {
        var (csv, rows) = File(at, late, oldAt);
        string folder = Folder();
        string csvPath = Path.Combine(folder, "late.csv"), parquetPath = Path.Combine(folder, "late.parquet");
        System.IO.File.WriteAllText(csvPath, csv);
        var metadata = new DatasetMetadata("late", "", "", "",
            [new("USUBJID", "", ValueKind.Text, null, ""), new("TRT01P", "", ValueKind.Text, null, ""), new("PARAMCD", "", ValueKind.Text, null, ""),
             new("AVISITN", "", ValueKind.Number, null, ""), new("AVAL", "", ValueKind.Number, null, ""), new("AGE", "", ValueKind.Number, null, ""),
             new("EXTRA", "", ValueKind.Text, null, "")]);
        using (FileStream file = System.IO.File.Create(parquetPath)) Assert.Equal(Rows, ParquetTableWriter.Write(file, metadata, rows, rowGroupSize));
        return (csvPath, parquetPath);
    }

    private static string Counts(IdentifierAcknowledgement? acknowledgement) =>
        string.Join("; ", acknowledgement!.Findings.Select(f => $"{f} {f.MatchingValues}/{f.SampledValues}"));

    // Row groups of 1 000 rows are all small (scanned on the loading thread); of 9 000 and 12 000, the first starts the
    // guard's thread and a small last one follows it there.
    [Theory]
    [InlineData(1_000, 300)]
    [InlineData(1_000, 4_000)]
    [InlineData(9_000, 8_999)]
    [InlineData(9_000, 19_999)]
    [InlineData(12_000, 12_001)]
    [InlineData(12_000, 20_000)]
    public void LateIdentifier_InTextOrNumberColumn_RefusedAsInTheCsv(int rowGroupSize, int at)
    {
        var (csvPath, parquetPath) = Write(at, "call jane@example.org", Rows + 1, rowGroupSize);
        var fromCsv = Assert.Throws<IdentifiableDataException>(() => CohortFileReader.Read(csvPath));
        var fromParquet = Assert.Throws<IdentifiableDataException>(() => CohortFileReader.Read(parquetPath));
        Assert.Equal("late.csv: refusing to load identifiable data: column 'EXTRA' (e-mail address) by content.", fromCsv.Refusal);
        Assert.Equal(fromCsv.Refusal.Replace("late.csv", "late.parquet", StringComparison.Ordinal), fromParquet.Refusal);

        (csvPath, parquetPath) = Write(0, "", at, rowGroupSize);
        fromCsv = Assert.Throws<IdentifiableDataException>(() => CohortFileReader.Read(csvPath));
        fromParquet = Assert.Throws<IdentifiableDataException>(() => CohortFileReader.Read(parquetPath));
        Assert.Contains("column 'AGE' (age over 89", fromCsv.Refusal);
        Assert.Equal(fromCsv.Refusal.Replace("late.csv", "late.parquet", StringComparison.Ordinal), fromParquet.Refusal);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(9_000)]
    public void Allow_TheFindingsAndTheirCounts_AreThoseOfTheCsv(int rowGroupSize)
    {
        var (csvPath, parquetPath) = Write(15_000, "jane@example.org", 17_001, rowGroupSize);
        var allow = new CohortReadOptions { Identifiers = IdentifierGuardOptions.Allow("IRB 2024-117") with { SampleSize = Rows } };
        Cohort fromCsv = CohortFileReader.Read(csvPath, allow), fromParquet = CohortFileReader.Read(parquetPath, allow);
        Assert.Equal(Rows, fromParquet.ObservationCount);
        Assert.Contains("e-mail address", Counts(fromCsv.Report.Identifiers));
        Assert.Contains("age over 89", Counts(fromCsv.Report.Identifiers));
        Assert.Equal(Counts(fromCsv.Report.Identifiers), Counts(fromParquet.Report.Identifiers));
    }

    [Fact]
    public void DropColumns_LateIdentifierInAnUnusedColumn_DroppedAsInTheCsv()
    {
        var (csvPath, parquetPath) = Write(18_000, "123-45-6789", Rows + 1, 9_000);
        var drop = new CohortReadOptions { Identifiers = IdentifierGuardOptions.Default with { Policy = IdentifierPolicy.DropColumns } };
        Cohort fromCsv = CohortFileReader.Read(csvPath, drop), fromParquet = CohortFileReader.Read(parquetPath, drop);
        DataIssue dropped = Assert.Single(fromParquet.Report.Issues, i => i.Kind == DataIssueKind.IdentifierColumnDropped);
        Assert.Equal("EXTRA", dropped.Column);
        Assert.Equal(fromCsv.Report.ToString().Replace("late.csv", "late.parquet", StringComparison.Ordinal), fromParquet.Report.ToString());
    }
}
