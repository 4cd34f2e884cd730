using System.Globalization;
using System.Text;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

public class CohortCsvReaderTests
{
    [Fact]
    public void Read_SmallLongFile_HoldsSubjectsArmsVisitsAndParameters()
    {
        Cohort cohort = CsvText.Read(CsvText.Small);
        Assert.Equal(["S1", "S2", "S3", "S4"], cohort.Subjects);
        Assert.Equal(["Placebo", "Psilocybin 25 mg"], cohort.Arms);
        Assert.Equal(["MADRS"], cohort.Parameters);
        Assert.Equal([0.0, 1, 6], cohort.Visits.Select(v => v.Time));
        Assert.Equal(["Baseline", "Week 1", "Week 6"], cohort.Visits.Select(v => v.Label));
        Assert.Equal(11, cohort.ObservationCount);
        Assert.Equal(11, cohort.Report.RowsRead);
        Assert.Equal(0, cohort.Report.RowsExcluded);
    }

    [Fact]
    public void Read_DerivesChangeOnPostBaselineRowsOnly()
    {
        Cohort cohort = CsvText.Read(CsvText.Small);
        Observation[] s3 = cohort.Observations.Where(o => o.Subject == "S3").ToArray();
        Assert.All(s3, o => Assert.Equal(32, o.Baseline));
        Assert.True(double.IsNaN(s3[0].Change));        // the baseline record's CHG is missing, not 0
        Assert.Equal(-12, s3[1].Change);
        Assert.Equal(-19.5, s3[2].Change);
        Assert.Equal(100 * -19.5 / 32, s3[2].PercentChange, 15);
    }

    [Fact]
    public void Read_MissingScore_IsKeptAsMissingAndNoted()
    {
        Cohort cohort = CsvText.Read(CsvText.Small);
        Observation missing = cohort.Observations.Single(o => o.Subject == "S2" && o.Visit.Time == 1);
        Assert.True(double.IsNaN(missing.Value));
        Assert.True(double.IsNaN(missing.Change));
        DataIssue issue = Assert.Single(cohort.Report.Issues, i => i.Kind == DataIssueKind.MissingValue);
        Assert.Equal(6, issue.Line);
        Assert.Equal(DataIssueSeverity.Note, issue.Severity);
    }

    [Fact]
    public void Read_BaselineFlag_IsUsedWhenPresent()
    {
        const string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL\n" +
                           "S1,A,MADRS,-1,,31\nS1,A,MADRS,0,,40\nS1,A,MADRS,1,,20\n" +
                           "S2,A,MADRS,-1,Y,31\nS2,A,MADRS,1,,20\n";
        Cohort cohort = CsvText.Read(csv);
        // S1 has no flagged record: the flag rule leaves it without baseline (and says so); S2's baseline is the flagged screening value.
        Assert.All(cohort.Observations.Where(o => o.Subject == "S1"), o => Assert.True(double.IsNaN(o.Baseline)));
        Assert.Equal(-11, cohort.Observations.Single(o => o.Subject == "S2" && o.Visit.Time == 1).Change);
        DataIssue issue = Assert.Single(cohort.Report.Issues, i => i.Kind == DataIssueKind.MissingBaseline);
        Assert.Equal("S1", issue.Subject);
    }

    [Fact]
    public void Read_LastNonMissingAtOrBeforeBaselineVisit_SkipsMissingDayZero()
    {
        const string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,A,MADRS,-1,31\nS1,A,MADRS,0,NA\nS1,A,MADRS,1,20\n";
        Cohort cohort = CsvText.Read(csv);
        Assert.Equal(-11, cohort.Observations.Single(o => o.Visit.Time == 1).Change);
        Assert.Equal(31, cohort.Observations.First().Baseline);
    }

    [Fact]
    public void Read_ConfigurableBaselineVisit()
    {
        const string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,A,MADRS,0,31\nS1,A,MADRS,1,25\nS1,A,MADRS,2,20\n";
        Cohort cohort = CsvText.Read(csv, options: new CohortReadOptions { Baseline = BaselineRule.LastNonMissingAtOrBefore(1) });
        Observation[] rows = cohort.Observations.ToArray();
        Assert.Equal(25, rows[0].Baseline);
        Assert.True(double.IsNaN(rows[1].Change));
        Assert.Equal(-5, rows[2].Change);
    }

    [Fact]
    public void Read_ZeroBaseline_PercentChangeUndefinedAndRecorded()
    {
        const string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,A,PAINNRS,0,0\nS1,A,PAINNRS,1,2\n";
        Cohort cohort = CsvText.Read(csv);
        Observation week1 = cohort.Observations.Last();
        Assert.Equal(2, week1.Change);
        Assert.True(double.IsNaN(week1.PercentChange));
        DataIssue issue = Assert.Single(cohort.Report.Issues, i => i.Kind == DataIssueKind.ZeroBaseline);
        Assert.Equal("test.csv line 2, column AVAL: subject S1 has baseline 0 for PAINNRS: percent change is undefined for its post-baseline rows.", issue.ToString());
    }

    [Fact]
    public void Read_ConstantShiftOfAllScores_LeavesChangeUnchanged()
    {
        Cohort original = CsvText.Read(CsvText.Small);
        string shifted = string.Join("\n", CsvText.Small.Split('\n').Select((line, i) =>
        {
            if (i == 0 || line.Length == 0) return line;
            string[] f = line.Split(',');
            if (f[5] != "NA") f[5] = (double.Parse(f[5], CultureInfo.InvariantCulture) + 7).ToString(CultureInfo.InvariantCulture);
            return string.Join(",", f);
        }));
        Cohort moved = CsvText.Read(shifted);
        Assert.Equal(original.Changes.ToArray(), moved.Changes.ToArray());
    }

    [Fact]
    public void Read_AdamFileWithBaseAndChg_ChecksThemAgainstDerived()
    {
        const string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVISIT,ABLFL,AVAL,BASE,CHG\n" +
                           "S1,A,MADRS,0,Baseline,Y,30,30,0\n" +
                           "S1,A,MADRS,1,Week 1,,20,30,-10\n" +
                           "S1,A,MADRS,6,Week 6,,18,31,-13\n";
        Cohort cohort = CsvText.Read(csv);
        DataIssue[] mismatches = cohort.Report.Issues.Where(i => i.Kind == DataIssueKind.DerivationMismatch).ToArray();
        Assert.Equal(2, mismatches.Length);
        Assert.Equal("test.csv line 4, column BASE: file BASE 31 differs from the derived baseline 30; the derived value is used.", mismatches[0].ToString());
        Assert.Equal("test.csv line 4, column CHG: file CHG -13 differs from the derived change -12; the derived value is used.", mismatches[1].ToString());
    }

    [Fact]
    public void Read_WideLayout_GivesTheSameCohortAsLong()
    {
        const string wide = "USUBJID,TRT01P,MADRS_W0,MADRS_W1,MADRS_W6\n" +
                            "S1,Placebo,30,28,25\nS2,Placebo,34,NA,30\nS3,Psilocybin 25 mg,32,20,12.5\nS4,Psilocybin 25 mg,28,14,NA\n";
        Cohort fromWide = CsvText.Read(wide, options: new CohortReadOptions { Wide = WideLayout.Default });
        Cohort fromLong = CsvText.Read(CsvText.Small);
        Assert.Equal(4, fromWide.Report.RowsRead);
        Assert.Equal(fromLong.Subjects, fromWide.Subjects);
        Assert.Equal(["Baseline", "Week 1", "Week 6"], fromWide.Visits.Select(v => v.Label));
        // The wide file carries S4 week 6 as NA where the long file has no row; observed values and changes agree.
        var longRows = fromLong.Observations.Select(o => (o.Subject, o.Visit.Time, o.Value, o.Change)).ToHashSet();
        Assert.All(fromWide.Observations.Where(o => !double.IsNaN(o.Value) || o.Subject == "S2"), o => Assert.Contains((o.Subject, o.Visit.Time, o.Value, o.Change), longRows));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("fr-FR")]
    public void Read_UnderAnyCulture_GivesTheSameNumbers(string culture)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Cohort cohort = CsvText.Read(CsvText.Small);
            Assert.Equal(12.5, cohort.Observations.Single(o => o.Subject == "S3" && o.Visit.Time == 6).Value);
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void Read_FileWithBomCrlfAndQuotes_Loads()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cohort-bom-{Guid.NewGuid():N}.csv");
        string text = "\"USUBJID\",TRT01P,PARAMCD,AVISITN,AVAL\r\n\"S,1\",\"Psilocybin 25 mg\",MADRS,0,30\r\n\r\n\"S,1\",\"Psilocybin 25 mg\",MADRS,1,\"21\"\r\n";
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            Cohort cohort = CohortCsvReader.Read(path);
            Assert.Equal(["S,1"], cohort.Subjects);
            Assert.Equal(-9, cohort.Observations.Last().Change);
            Assert.Equal(2, cohort.Report.RowsRead); // the blank line is not a row
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_ManyProblems_AreReportedTogetherWithLineColumnAndValue()
    {
        const string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\n" +
                           "S1,A,MADRS,0,30\n" +
                           "S1,A,MADRS,1,abc\n" +
                           "S2,B,MADRS,0,30\n" +
                           "S2,A,MADRS,1,20\n" +
                           "S3,B,MADRS,0,70\n" +
                           "S4,B,MADRS,0,\"6,5\"\n" +
                           "S5,B,MADRS,0,NaN\n" +
                           "S6,B,MADRS\n";
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(csv, "t.csv"));
        Assert.Equal(
            "t.csv line 3, column AVAL: 'abc' is not a number (decimals use '.'; missing values are empty, 'NA', '.').\n" +
            "t.csv line 5, column TRT01P: subject S2 appears in arms B (line 4) and A.\n" +
            "t.csv line 6, column AVAL: '70' is above the MADRS range 0–60.\n" +
            "t.csv line 7, column AVAL: '6,5' is not a number (decimals use '.'; missing values are empty, 'NA', '.'); it looks like a decimal comma: CohortAnalysis reads '.' decimals only.\n" +
            "t.csv line 8, column AVAL: 'NaN' is not a finite number.\n" +
            "t.csv line 9: the row has 3 fields but the header has 5.\n" +
            "6 problems; 0 rows loaded.", e.Message.ReplaceLineEndings("\n"));
        Assert.Equal("t.csv", e.SourceName);
        Assert.Equal(3, e.Line);
        Assert.Equal("AVAL", e.Column);
        Assert.Equal("abc", e.Value);
    }

    [Fact]
    public void Read_DuplicateVisit_RejectedByDefault()
    {
        const string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,A,MADRS,0,30\nS1,A,MADRS,1,20\nS1,A,MADRS,1,22\n";
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(csv));
        Assert.Equal("test.csv line 4: duplicate visit: subject S1, MADRS at visit 1 already on line 3.\n1 problem; 0 rows loaded.", e.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_DuplicateVisitAndOutOfRange_ExcludedAndCountedWhenAsked()
    {
        const string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,A,MADRS,0,30\nS1,A,MADRS,1,20\nS1,A,MADRS,1,22\nS1,A,MADRS,6,71\n";
        Cohort cohort = CsvText.Read(csv, options: new CohortReadOptions { DuplicateVisits = InvalidRowPolicy.Exclude, OutOfRangeScores = InvalidRowPolicy.Exclude });
        Assert.Equal(2, cohort.ObservationCount);
        Assert.Equal(4, cohort.Report.RowsRead);
        Assert.Equal(2, cohort.Report.RowsExcluded);
        Assert.Equal(20, cohort.Observations.Last().Value); // the first row in file order is kept
        Assert.Equal(["test.csv line 4: duplicate visit: subject S1, MADRS at visit 1 already on line 3; row excluded.",
                      "test.csv line 5, column AVAL: '71' is above the MADRS range 0–60; row excluded."],
            cohort.Report.Issues.Where(i => i.Severity == DataIssueSeverity.Excluded).Select(i => i.ToString()));
    }

    [Fact]
    public void Read_MissingMappedColumn_NamesTheRoleAndTheHeader()
    {
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read("USUBJID,TRT01P,PARAMCD,AVAL\nS1,A,MADRS,30\n"));
        Assert.Equal("test.csv line 1, column AVISITN or VISITNUM: the header has no visit column (AVISITN or VISITNUM); columns are: USUBJID, TRT01P, PARAMCD, AVAL.\n1 problem; 0 rows loaded.",
            e.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_SemicolonFile_SuggestsTheDelimiter()
    {
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read("USUBJID;TRT01P;PARAMCD;AVISITN;AVAL\nS1;A;MADRS;0;30,5\n"));
        Assert.Equal("test.csv line 1: the header has a single column 'USUBJID;TRT01P;PARAMCD;AVISITN;AVAL'. The header looks ';'-delimited: set the delimiter to ';'.\n1 problem; 0 rows loaded.",
            e.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_SemicolonDelimiterOption_ThenDecimalCommaIsNamed()
    {
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read("USUBJID;TRT01P;PARAMCD;AVISITN;AVAL\nS1;A;MADRS;0;30,5\n", options: new CohortReadOptions { Delimiter = ';' }));
        Assert.Contains("line 2, column AVAL: '30,5' is not a number", e.Message);
        Assert.Contains("it looks like a decimal comma", e.Message);
    }

    [Fact]
    public void Read_EmptyAndHeaderOnlyFiles_AreClearErrors()
    {
        Assert.Equal("test.csv: the file is empty: a header line is required.\n1 problem; 0 rows loaded.",
            Assert.Throws<CohortDataException>(() => CsvText.Read("")).Message.ReplaceLineEndings("\n"));
        Assert.Equal("test.csv line 1: the file has a header but no data rows.\n1 problem; 0 rows loaded.",
            Assert.Throws<CohortDataException>(() => CsvText.Read(CsvText.Header + "\n")).Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_UnterminatedQuote_IsAClearError()
    {
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(CsvText.Header + "\nS1,A,MADRS,0,Baseline,\"30\n"));
        Assert.StartsWith("test.csv line 2: malformed CSV near here (an unterminated quote?)", e.Message);
    }

    [Fact]
    public void Read_SubjectCovariates_MustBeConstant()
    {
        const string csv = "USUBJID,SITEID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,101,A,MADRS,0,30\nS1,102,A,MADRS,1,20\n";
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(csv));
        Assert.Equal("test.csv line 3, column SITEID: subject S1 has SITEID '101' on line 2 but '102' here; a covariate must be constant within a subject.\n1 problem; 0 rows loaded.",
            e.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_UnknownParameterAndUnusedColumn_AreNoted()
    {
        const string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,QSSEQ\nS1,A,GAD7,0,12,1\n";
        Cohort cohort = CsvText.Read(csv);
        Assert.Contains(cohort.Report.Issues, i => i.Kind == DataIssueKind.UnknownInstrument && i.Value == "GAD7");
        Assert.Contains(cohort.Report.Issues, i => i.Kind == DataIssueKind.UnusedColumn && i.Column == "QSSEQ");
    }

    [Fact]
    public void Read_CustomColumnNamesAndDefaultParameter()
    {
        const string csv = "id,group,week,score\n1,A,0,6\n1,A,4,3\n";
        var options = new CohortReadOptions
        {
            Mapping = ColumnMapping.AdamBds with { Subject = ["id"], Arm = ["group"], Visit = ["week"], Value = ["score"], DefaultParameter = "PAINNRS" },
        };
        Cohort cohort = CsvText.Read(csv, options: options);
        Assert.Equal(["PAINNRS"], cohort.Parameters);
        Assert.Equal(-50, cohort.Observations.Last().PercentChange);
    }

    [Fact]
    public void Read_SingleVeryLongField_IsReportedWithAShortenedValue()
    {
        string huge = new('x', 5_000_000);
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(CsvText.Header + $"\nS1,A,MADRS,0,Baseline,{huge}\n"));
        Assert.Contains("column AVAL: 'xxxxxxxxx", e.Message);
        Assert.True(e.Message.Length < 400);
    }
}

public class IdentifierGuardOnLoadTests
{
    private const string WithBirthDate = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,BRTHDT\nS1,A,MADRS,0,30,1961-04-02\nS1,A,MADRS,6,25,1961-04-02\n";

    [Fact]
    public void Read_IdentifiableColumn_RefusedByDefaultWithoutEchoingValues()
    {
        var e = Assert.Throws<CohortAnalysis.Privacy.IdentifiableDataException>(() => CsvText.Read(WithBirthDate));
        Assert.DoesNotContain("1961", e.Message);
        Assert.Contains("column 'BRTHDT' (full date: birth date)", e.Message);
    }

    [Fact]
    public void Read_AllowWithReason_LoadsAndRecordsTheReason()
    {
        var options = new CohortReadOptions { Identifiers = CohortAnalysis.Privacy.IdentifierGuardOptions.Allow("IRB 2024-117 limited data set") };
        Cohort cohort = CsvText.Read(WithBirthDate, options: options);
        Assert.Equal("IRB 2024-117 limited data set", cohort.Report.Identifiers!.Reason);
        Assert.Contains("identifiable columns loaded by acknowledgement (IRB 2024-117 limited data set)", cohort.Report.ToString());
    }

    [Fact]
    public void Read_DropColumns_RecordsTheDroppedColumn()
    {
        var options = new CohortReadOptions { Identifiers = CohortAnalysis.Privacy.IdentifierGuardOptions.Default with { Policy = CohortAnalysis.Privacy.IdentifierPolicy.DropColumns } };
        Cohort cohort = CsvText.Read(WithBirthDate, options: options);
        DataIssue dropped = Assert.Single(cohort.Report.Issues, i => i.Kind == DataIssueKind.IdentifierColumnDropped);
        Assert.Equal("BRTHDT", dropped.Column);
        Assert.Equal(2, cohort.ObservationCount);
    }

    [Fact]
    public void Read_RelativeStudyDaysAndVisitLabels_AreNotFlagged()
    {
        Cohort cohort = CsvText.Read("USUBJID,TRT01P,PARAMCD,AVISITN,AVISIT,ADY,AVAL\nS0001,A,MADRS,0,Baseline,1,30\nS0001,A,MADRS,6,Week 6,43,25\n");
        Assert.Equal(2, cohort.ObservationCount);
    }
}
