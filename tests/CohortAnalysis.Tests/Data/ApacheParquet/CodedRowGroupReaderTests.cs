using System.Globalization;
using System.Text;
using CohortAnalysis.Data;
using CohortAnalysis.Data.ApacheParquet;
using Xunit;

namespace CohortAnalysis.Tests.Data.ApacheParquet;

/// <summary>Issue 16: a Parquet row group whose rows all read as they stand goes to the builder from its columns
/// (<see cref="CodedRowGroupReader"/>); any other is read row by row. Either way the load must give what reading the same
/// rows from CSV gives: the same cohort, notes, warnings and problems with their lines. The files here have row groups of
/// 30 rows, so one damaged row sends its group row by row while the groups around it take the columns.</summary>
public class CodedRowGroupReaderTests
{
    private const int Subjects = 200, GroupRows = 30;
    private static readonly string[] Header = ["USUBJID", "SITEID", "SEX", "TRT01P", "PARAMCD", "AVISITN", "AVISIT", "ABLFL", "AVAL", "BASE", "CHG"];
    private static readonly bool[] IsNumber = [false, true, false, false, false, true, false, false, true, true, true];

    // Four visits of two parameters per subject, in the usual ADaM order (subject, parameter, visit).
    private static List<object?[]> CleanRows()
    {
        var rows = new List<object?[]>();
        for (int s = 1; s <= Subjects; s++)
        {
            string subject = "S" + s.ToString("D3", CultureInfo.InvariantCulture);
            string arm = s % 3 == 0 ? "Placebo" : s % 3 == 1 ? "Psilocybin 25 mg" : "Psilocybin 10 mg";
            foreach (string parameter in new[] { "MADRS", "PAINNRS" })
            {
                double baseline = parameter == "MADRS" ? 25 + s % 10 : 4 + s % 5;
                foreach (double visit in new[] { 0.0, 1, 6, 12 })
                {
                    double value = visit == 0 ? baseline : Math.Max(0, baseline - visit / 2 - s % 3);
                    rows.Add([subject, (double)(100 + s % 4), s % 2 == 0 ? "F" : "M", arm, parameter, visit, visit == 0 ? "Baseline" : $"Week {visit}",
                        visit == 0 ? "Y" : null, value, baseline, visit == 0 ? null : value - baseline]);
                }
            }
        }
        return rows;
    }

    // Damage that must be read row by row, put in one row (1-based data row) of a clean file.
    public static TheoryData<string, int, int, object?> Damage => new()
    {
        { "clean", -1, 0, null },
        { "subject with a trailing space", 0, 1075, "S135 " },
        { "subject with a non-breaking space", 0, 1075, "S\u00A0135" },
        { "subject missing", 0, 1100, null },
        { "subject NA", 0, 1100, "NA" },
        { "subject differing by case", 0, 1200, "s150" },
        { "subject in a second arm", 3, 1200, "Psilocybin 25 mg" },
        { "arm missing", 3, 1031, null },
        { "covariate changing within a subject", 2, 1045, "X" },
        { "covariate missing", 2, 1045, null },
        { "site missing", 1, 1045, null },
        { "visit missing", 5, 1061, null },
        { "score missing", 8, 1062, null },
        { "score out of range", 8, 1063, 99.0 },
        { "duplicate visit", 5, 1064, 1.0 },
        { "flag coded yes", 7, 1065, "yes" },
        { "flag coded 1 on a post-baseline row", 7, 1066, "1" },
        { "flag not a coding", 7, 1090, "X" },
        { "flag missing token", 7, 1090, "NA" },
        { "label missing", 6, 1091, null },
        { "label to clean", 6, 1091, " Week 1" },
        { "base disagreeing", 9, 1092, 3.0 },
        { "parameter to clean", 4, 1120, "MADRS " },
        { "parameter missing", 4, 1120, null },
        { "last row damaged", 0, 1600, "S200 " },
        { "first row damaged (read ahead)", 0, 1, " S001" },
        { "damage in the rows read ahead", 8, 990, null },
        { "first row after the rows read ahead", 0, 1001, "S126 " },
        { "last row of the group the replay ends in", 7, 1020, "X" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void ParquetLoad_IsTheCsvLoad(string what, int column, int row, object? value)
    {
        List<object?[]> rows = CleanRows();
        Assert.Equal(Subjects * 8, rows.Count);
        if (column >= 0) rows[row - 1][column] = value;
        var (csvPath, parquetPath) = Write(rows);
        string fromCsv = Outcome(csvPath).Replace("rows.csv", "rows.parquet", StringComparison.Ordinal);
        Assert.True(fromCsv.Length > 0, what);
        Assert.Equal(fromCsv, Outcome(parquetPath));
    }

    private static readonly object?[] TextDamage = [null, "", "NA", ".", " X", "S001", "s002", "Placebo", "placebo", "MADRS", "PAINNRS", "Week 1",
        "Week  6", "Y", "yes", "1", "N", "false", "X", "F", "M"];
    private static readonly object?[] NumberDamage = [null, 0.0, 1.0, 6.0, 12.0, 99.0, -1.0, 2.5, 101.0, 103.0];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    /// <summary>One to four random edits (a random column of a random row, mostly past the rows read ahead, set to a value
    /// from a pool of its kind: missing, tokens, other subjects, arms, parameters, labels, flag codings, numbers in and out
    /// of range, duplicate visits): the Parquet load is the CSV load, whichever row groups the edits send row by row.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void ParquetLoad_RandomDamage_IsTheCsvLoad(int seed)
    {
        var random = new Random(seed);
        List<object?[]> rows = CleanRows();
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            int row = random.Next(10) == 0 ? random.Next(rows.Count) : 1000 + random.Next(rows.Count - 1000);
            int column = random.Next(Header.Length);
            object?[] pool = IsNumber[column] ? NumberDamage : TextDamage;
            rows[row][column] = pool[random.Next(pool.Length)];
        }
        var (csvPath, parquetPath) = Write(rows);
        string fromCsv = Outcome(csvPath).Replace("rows.csv", "rows.parquet", StringComparison.Ordinal);
        Assert.Equal(fromCsv, Outcome(parquetPath));
    }

    [Fact]
    public void CleanRowGroup_IsTakenFromItsColumns_ADamagedOneIsDeclinedWithNothingAdded()
    {
        List<object?[]> rows = CleanRows();
        rows[40][0] = "S006 ";   // row 41: the second row group (rows 31-60) needs a subject cleaned
        var (_, parquetPath) = Write(rows);
        using ParquetTabularSource source = ParquetTabularSource.Open(parquetPath);
        var options = new CohortReadOptions();
        var builder = new CohortBuilder(source.Name, options, ["SITEID", "SEX"], "AVAL", "ABLFL", "BASE", "CHG", "USUBJID", "PARAMCD");
        var reader = new CodedRowGroupReader(builder, new SharedCodeReadings(Header.Length), new MissingTokenSet(options.MissingTokens),
            new long[BaselineFlagCoding.Count], subject: 0, arm: 3, visit: 5, label: 6, parameter: 4, value: 8, flag: 7, baseColumn: 9, change: 10,
            covariates: [1, 2], armColumn: "TRT01P", defaultParameter: null);
        long read = 0, seq = 0;
        Assert.True(source.Read());
        Assert.True(reader.TryReadRestOfGroup(source, ref read, ref seq));
        Assert.Equal(GroupRows, read);
        Assert.Equal(GroupRows + 1, source.Line);    // the group's last row
        Assert.True(source.Read());                  // the second group
        Assert.False(reader.TryReadRestOfGroup(source, ref read, ref seq));
        Assert.Equal(GroupRows, read);
        Assert.False(reader.TryReadRestOfGroup(source, ref read, ref seq));   // declined once, not examined again
        while (source.Read() && source.Group == 1) { }
        Assert.True(reader.TryReadRestOfGroup(source, ref read, ref seq));
        Assert.Equal(2 * GroupRows, read);
        Assert.False(builder.HasProblems);
    }

    // The cohort a file loads (its report and every issue, subjects, arms, values, changes, lines, covariates), or the problems that refuse it.
    private static string Outcome(string path)
    {
        try
        {
            Cohort cohort = CohortFileReader.Read(path);
            return string.Join("\n", cohort.Report.ToString(), string.Join("\n", cohort.Report.Issues), string.Join(",", cohort.Subjects), string.Join(",", cohort.Arms),
                string.Join(",", cohort.Values.ToArray()), string.Join(",", cohort.Changes.ToArray()), string.Join(",", cohort.Lines.ToArray()),
                string.Join(",", cohort.CovariateValues("SEX")!), string.Join(",", cohort.CovariateValues("SITEID")!));
        }
        catch (CohortDataException e)
        {
            return e.Message;
        }
    }

    private static (string Csv, string Parquet) Write(List<object?[]> rows)
    {
        string folder = Path.Combine(Path.GetTempPath(), "cohort-coded-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var csv = new StringBuilder(string.Join(",", Header) + "\n");
        foreach (object?[] row in rows)
            csv.AppendLine(string.Join(",", row.Select(v => v switch
            {
                null => "",
                double x => x.ToString("R", CultureInfo.InvariantCulture),
                _ => (string)v,
            })));
        string csvPath = Path.Combine(folder, "rows.csv"), parquetPath = Path.Combine(folder, "rows.parquet");
        File.WriteAllText(csvPath, csv.ToString());
        var metadata = new DatasetMetadata("rows", "", "", "",
            Header.Select((h, i) => new VariableMetadata(h, "", IsNumber[i] ? ValueKind.Number : ValueKind.Text, null, "")).ToArray());
        using (FileStream file = File.Create(parquetPath)) ParquetTableWriter.Write(file, metadata, rows, GroupRows);
        return (csvPath, parquetPath);
    }
}
