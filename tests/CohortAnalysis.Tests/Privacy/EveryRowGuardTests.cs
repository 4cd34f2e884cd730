using System.Globalization;
using System.Text;
using CohortAnalysis.Data;
using CohortAnalysis.Privacy;
using CohortAnalysis.Tests.Cli;
using Xunit;

namespace CohortAnalysis.Tests.Privacy;

/// <summary>Issue 11: the guard reads every row, not the first rows only, and each policy acts on what it finds late.</summary>
public sealed class EveryRowGuardTests
{
    /// <summary>A clean long file of <paramref name="rows"/> rows with an extra column whose row
    /// <paramref name="at"/> (1-based data row) holds <paramref name="late"/>; every other row of it is empty.</summary>
    private static string FileWithLateValue(int rows, int at, string extraColumn, string late)
    {
        var text = new StringBuilder($"USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,{extraColumn}\n");
        for (int i = 1; i <= rows; i++)
        {
            int s = (i + 1) / 2;
            string subject = "S" + s.ToString("D5", CultureInfo.InvariantCulture);
            string visit = i % 2 == 1 ? "0" : "6";
            text.Append(CultureInfo.InvariantCulture, $"{subject},{(s % 2 == 0 ? "A" : "B")},MADRS,{visit},{20 + i % 10},{(i == at ? late : "")}\n");
        }
        return text.ToString();
    }

    private static CohortReadOptions Policy(IdentifierPolicy policy) => new()
    {
        Identifiers = policy == IdentifierPolicy.Allow ? IdentifierGuardOptions.Allow("IRB 2024-117") : IdentifierGuardOptions.Default with { Policy = policy },
    };

    [Theory]
    [InlineData("EXTRA", "call jane@example.org", "column 'EXTRA' (e-mail address) by content")]
    [InlineData("DOB", "1950-03-15", "column 'DOB' (full date: birth date) by name and content")]
    [InlineData("EXTRA", "123-45-6789", "column 'EXTRA' (social security number) by content")]
    [InlineData("EXTRA", "Patient is 95 years old", "column 'EXTRA' (age over 89: written as text) by content")]
    public void Refuse_IdentifierFirstAppearingAfterTheRowsReadAhead_IsRefused(string column, string value, string clause)
    {
        // Row 4,000 is well past the 1,000 rows read ahead for the first verdict.
        string csv = FileWithLateValue(5000, 4000, column, value);
        var e = Assert.Throws<IdentifiableDataException>(() => CohortCsvReader.Parse(csv, "late.csv"));
        Assert.Equal($"late.csv: refusing to load identifiable data: {clause}.", e.Refusal);
        Assert.DoesNotContain(value, e.Message);
    }

    [Fact]
    public void Refuse_EmptyNamedColumn_LoadsAndTheSameColumnWithOneLateValueIsRefused()
    {
        // An empty DOB column holds nothing (issue 11), but a single value anywhere in it is a birth date.
        Cohort cohort = CohortCsvReader.Parse(FileWithLateValue(2000, 0, "DOB", ""), "empty.csv");
        Assert.Equal(2000, cohort.ObservationCount);
        Assert.Throws<IdentifiableDataException>(() => CohortCsvReader.Parse(FileWithLateValue(2000, 1999, "DOB", "1950-03-15"), "late.csv"));
    }

    [Fact]
    public void DropColumns_LateIdentifierInAnUnusedColumn_IsDroppedAndReported()
    {
        Cohort cohort = CohortCsvReader.Parse(FileWithLateValue(3000, 2500, "EXTRA", "jane@example.org"), "late.csv", Policy(IdentifierPolicy.DropColumns));
        Assert.Equal(3000, cohort.ObservationCount);
        DataIssue dropped = Assert.Single(cohort.Report.Issues, i => i.Kind == DataIssueKind.IdentifierColumnDropped);
        Assert.Equal("EXTRA", dropped.Column);
        Assert.Equal("dropped by the de-identification guard: column 'EXTRA' (e-mail address) by content (found past the rows read ahead; no value of it was loaded).",
            dropped.Message);
    }

    [Fact]
    public void DropColumns_LateIdentifierInAColumnTheMappingUses_IsRefused()
    {
        // The subject column is loaded row by row, so it cannot be dropped after the fact.
        string csv = FileWithLateValue(3000, 0, "X", "").Replace("S01400,", "123-45-6789,", StringComparison.Ordinal);
        var e = Assert.Throws<IdentifiableDataException>(() => CohortCsvReader.Parse(csv, "late.csv", Policy(IdentifierPolicy.DropColumns)));
        Assert.Equal("late.csv: refusing to load identifiable data: column 'USUBJID' (social security number) by content.", e.Refusal);
    }

    [Fact]
    public void Allow_LateIdentifier_JoinsTheAcknowledgement()
    {
        Cohort cohort = CohortCsvReader.Parse(FileWithLateValue(3000, 2500, "EXTRA", "jane@example.org"), "late.csv", Policy(IdentifierPolicy.Allow));
        IdentifierAcknowledgement ack = Assert.IsType<IdentifierAcknowledgement>(cohort.Report.Identifiers);
        Assert.Equal("IRB 2024-117", ack.Reason);
        Assert.Equal([(5, IdentifierCategory.Email)], ack.Findings.Select(f => (f.ColumnIndex, f.Category)));
    }

    [Fact]
    public void DataFrame_AllNullNamedColumn_HoldsNothing()
    {
        var frame = new Microsoft.Data.Analysis.DataFrame(
            new Microsoft.Data.Analysis.StringDataFrameColumn("USUBJID", ["S1", "S1"]),
            new Microsoft.Data.Analysis.StringDataFrameColumn("TRT01P", ["A", "A"]),
            new Microsoft.Data.Analysis.StringDataFrameColumn("PARAMCD", ["MADRS", "MADRS"]),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("AVISITN", [0.0, 6.0]),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("AVAL", [30.0, 25.0]),
            new Microsoft.Data.Analysis.StringDataFrameColumn("COMMENT", 2));
        Cohort cohort = DataFrameInterop.ToCohort(frame, "frame");
        Assert.Equal(2, cohort.ObservationCount);
    }

    [Fact]
    public void Cli_Refusal_NamesTheFlagsNotTheLibraryTypes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"guard-cli-{Environment.ProcessId}.csv");
        File.WriteAllText(path, "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,DOB\nS1,A,MADRS,0,30,1950-03-15\nS1,A,MADRS,6,25,1950-03-15\n");
        try
        {
            var (code, _, error) = CohortCommand.Run("describe", path);
            Assert.True(code == 2, $"exit {code}: {error}");
            Assert.Equal(
                $"{Path.GetFileName(path)}: refusing to load identifiable data: column 'DOB' (full date: birth date) by name and content. " +
                "Drop the columns with --drop-identifiers, or load them anyway with --allow-identifiers REASON (the reason is recorded in the report).",
                error.Trim());
            Assert.DoesNotContain("IdentifierPolicy", error);
            var dropped = CohortCommand.Run("describe", path, "--drop-identifiers");
            Assert.True(dropped.ExitCode == 0, dropped.Err);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Library_Refusal_KeepsTheApiAdvice()
    {
        var e = Assert.Throws<IdentifiableDataException>(() =>
            CohortCsvReader.Parse("USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,DOB\nS1,A,MADRS,0,30,1950-03-15\n", "x.csv"));
        Assert.Equal(e.Refusal + " " + IdentifiableDataException.LibraryAdvice, e.Message);
        Assert.Contains("IdentifierPolicy.DropColumns", e.Message);
    }

    /// <summary>Issue 16: rows are scanned in blocks on a second thread and repeated values are remembered; neither may
    /// change the verdict. An identifier in the first, a middle or the last (partial) block is found, and a value that
    /// matched is counted every time it recurs.</summary>
    [Theory]
    [InlineData(20_000, 1_500)]     // blocks of 8 192 rows: the first
    [InlineData(20_000, 9_000)]     // a middle one
    [InlineData(20_000, 19_999)]    // the last, partial block
    [InlineData(20_000, 20_000)]
    public void Refuse_IdentifierInAnyBlock_IsRefused(int rows, int at)
    {
        string csv = FileWithLateValue(rows, at, "EXTRA", "call jane@example.org");
        var e = Assert.Throws<IdentifiableDataException>(() => CohortCsvReader.Parse(csv, "late.csv"));
        Assert.Contains("e-mail address", e.Refusal);
    }

    [Fact]
    public void Scanner_RecurringValues_MatchedOnesCountedEveryTime_InertOnesOnlyAsValues()
    {
        var scanner = new IdentifierScanner("recurring.csv", ["EXTRA"], IdentifierGuardOptions.Default);
        for (int i = 1; i <= 6_000; i++) scanner.Add(0, i % 3 == 0 ? "jane@example.org" : "DEMO-101-001");
        IdentifierFinding email = Assert.Single(scanner.Result().Findings);
        Assert.Equal(IdentifierCategory.Email, email.Category);
        Assert.Equal(2_000, email.MatchingValues);
        Assert.Equal(6_000, email.SampledValues);
    }

    [Theory]
    [InlineData("15-Mar-2024")]
    [InlineData("visit on March 15 2024")]
    [InlineData("15MAR2024:10:30:00")]
    [InlineData("patient aged 93")]
    [InlineData("101-year-old")]
    public void Refuse_MonthAndAgeTextsStillFlagged_AfterTheCheapPreChecks(string value)
    {
        var e = Assert.Throws<IdentifiableDataException>(() => CohortCsvReader.Parse(FileWithLateValue(3000, 2500, "EXTRA", value), "late.csv"));
        Assert.Matches("full date|age over 89", e.Refusal);
    }

    // Columns whose name rules differ: none, age, ZIP, date, free text, a mapped subject column.
    public static TheoryData<string> ColumnKinds => ["EXTRA", "AGE", "ZIP", "VISITDT", "NOTES", "USUBJID"];

    [Theory]
    [MemberData(nameof(ColumnKinds))]
    public void Scanner_RepeatedValues_CountedAsRepeats_SameVerdictAsCountingEachOne(string column)
    {
        // A run of equal values counted as repeats (the load's fast path) must give the findings counting each one gives,
        // whatever the value (missing, matching nothing, matching a rule) and the column's name rules.
        string[] values = ["DEMO-101-001", "", "NA", "jane@example.org", "93", "02139", "2024-03-15", "Week 12", "Jane Smith lives here", "7", "  7  "];
        var random = new Random(16);
        var one = new IdentifierScanner("repeats.csv", [column], IdentifierGuardOptions.Default);
        var repeats = new IdentifierScanner("repeats.csv", [column], IdentifierGuardOptions.Default);
        string? previous = null;
        for (int i = 0; i < 20_000; i++)
        {
            string value = random.Next(4) == 0 || previous is null ? values[random.Next(values.Length)] : previous;
            one.Add(0, value);
            if (value == previous) repeats.AddRepeat(0, value);
            else repeats.Add(0, value);
            previous = value;
        }
        Assert.Equal(one.Result().Findings.Select(f => f.ToString() + f.MatchingValues + "/" + f.SampledValues),
            repeats.Result().Findings.Select(f => f.ToString() + f.MatchingValues + "/" + f.SampledValues));
    }

    [Theory]
    [MemberData(nameof(ColumnKinds))]
    public void Scanner_SharedValues_CountedByTheirCodes_SameVerdictAsCountingEachOne(string column)
    {
        // Values a typed source shares under a code (TabularSource.SharedField), mixed with plain ones and repeats, as
        // the load's blocks give them: the same findings as counting each value. A text gets a new code now and then,
        // as a source's cache forgets it, and codes pass the per-column limit of remembered outcomes.
        string[] values = ["DEMO-101-001", "", "NA", "jane@example.org", "93", "02139", "2024-03-15", "Week 12", "Jane Smith lives here", "7", "  7  ", "555-123-4567"];
        var random = new Random(17);
        var one = new IdentifierScanner("shared.csv", [column], IdentifierGuardOptions.Default);
        var shared = new IdentifierScanner("shared.csv", [column], IdentifierGuardOptions.Default);
        var codes = new int[values.Length];
        for (int k = 0; k < values.Length; k++) codes[k] = k;
        int next = values.Length;
        string? previous = null;
        for (int i = 0; i < 30_000; i++)
        {
            int k = random.Next(values.Length);
            string value = values[k];
            if (i % 997 == 0) codes[k] = next++;
            if (i == 20_000) for (int j = 0; j < values.Length; j++) codes[j] = CodeTable<int>.Limit + j;
            one.Add(0, value);
            switch (random.Next(3))
            {
                case 0: shared.AddShared(0, value, codes[k]); break;
                case 1 when value == previous: shared.AddRepeat(0, value); break;
                default: shared.Add(0, value); break;
            }
            previous = value;
        }
        Assert.Contains(one.Result().Findings, f => f.MatchingValues > 0);
        Assert.Equal(one.Result().Findings.Select(f => f.ToString() + f.MatchingValues + "/" + f.SampledValues),
            shared.Result().Findings.Select(f => f.ToString() + f.MatchingValues + "/" + f.SampledValues));
    }

    [Theory]
    [InlineData("EXTRA", 0)]
    [InlineData("AGE", 0)]
    [InlineData("ZIP", 0)]
    [InlineData("VISITDT", 0)]
    [InlineData("NOTES", 0)]
    [InlineData("USUBJID", 0)]
    [InlineData("EXTRA", 7_000)]   // the sample limit falls within a run
    [InlineData("NOTES", 12_345)]
    public void Scanner_CodedRuns_CountedInBulk_SameVerdictAsCountingEachOne(string column, int sampleSize)
    {
        // Runs of coded values as a Parquet row group holds them (a code per row into the group's distinct texts, -1 for
        // a null, codes numbered from the group's base), between values counted one by one: the same findings, matches
        // and values sampled as counting each value, whatever the value and the column's name rules.
        string[] values = ["DEMO-101-001", "", "NA", "jane@example.org", "93", "02139", "2024-03-15", "Week 12", "Jane Smith lives here", "7", "  7  ", "555-123-4567",
            "a longer remark written by the site, with several words in it"];
        IdentifierGuardOptions options = sampleSize > 0 ? IdentifierGuardOptions.Default with { SampleSize = sampleSize } : IdentifierGuardOptions.Default;
        var random = new Random(18 + sampleSize);
        var one = new IdentifierScanner("coded.parquet", [column], options);
        var coded = new IdentifierScanner("coded.parquet", [column], options);
        int codeBase = 0, runs = 0;
        for (int i = 0; i < 40_000;)
        {
            if (random.Next(4) == 0)
            {
                string value = values[random.Next(values.Length)];
                one.Add(0, value);
                coded.Add(0, value);
                i++;
                continue;
            }
            // A run: its own distinct texts (a subset, in its own order), each numbered from the run's base.
            string[] distinct = values.OrderBy(_ => random.Next()).Take(1 + random.Next(values.Length)).ToArray();
            var codes = new int[1 + random.Next(3_000)];
            for (int r = 0; r < codes.Length; r++)
            {
                codes[r] = random.Next(12) == 0 ? -1 : (r > 0 && random.Next(3) == 0 ? codes[r - 1] : random.Next(distinct.Length));
                if (codes[r] < 0) one.Add(0, "", isNull: true);
                else one.Add(0, distinct[codes[r]]);
            }
            coded.AddCoded(0, codes, distinct, codeBase);
            codeBase += distinct.Length;
            i += codes.Length;
            runs++;
        }
        Assert.True(runs > 10);
        Assert.Contains(one.Result().Findings, f => f.MatchingValues > 0);
        Assert.Equal(one.Result().Findings.Select(f => f.ToString() + f.MatchingValues + "/" + f.SampledValues),
            coded.Result().Findings.Select(f => f.ToString() + f.MatchingValues + "/" + f.SampledValues));
    }
}
