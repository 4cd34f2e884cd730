using System.Text;
using CohortAnalysis.Data;
using Microsoft.Data.Analysis;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>One test (or theory) per class of silent loss from issue 11: each case must load with a counted issue or stop
/// with an error naming the rows; none may vanish or split quietly.</summary>
public class SilentLossTests
{
    private const string Header = "USUBJID,TRT01P,SEX,PARAMCD,AVISITN,AVISIT,AVAL";

    private static string Row(string subject = "S1", string arm = "Placebo", string sex = "F", string parameter = "MADRS", int visit = 0, string? label = null, string value = "30") =>
        $"{subject},{arm},{sex},{parameter},{visit},{label ?? (visit == 0 ? "Baseline" : $"Week {visit}")},{value}\n";

    [Fact]
    public void LineStartingWithHash_IsDataByDefault()
    {
        Cohort cohort = CsvText.Read(Header + "\n" + Row("#101-001") + Row("#101-001", visit: 6, value: "25"));
        Assert.Equal(["#101-001"], cohort.Subjects);
        Assert.Equal(2, cohort.ObservationCount);
    }

    [Fact]
    public void CommentCharacter_SkipsLinesAndCountsThemWithLineNumbers()
    {
        string csv = "# export of 2026-01-01\n" + Header + "\n" + Row() + "# note\n" + Row(visit: 6, value: "x25");
        var options = CohortReadOptions.Default with { CommentCharacter = '#' };
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(csv, options: options));
        Assert.Equal(5, e.Line);   // physical line: the comment lines are counted
        Cohort cohort = CsvText.Read(csv.Replace("x25", "25"), options: options);
        DataIssue note = Assert.Single(cohort.Report.Issues, i => i.Message.Contains("comment line"));
        Assert.Contains("2 comment lines", note.Message);
        Assert.Contains("lines 1, 4", note.Message);
    }

    [Fact]
    public void CommentCharacter_OnADataFrame_IsRefused()
    {
        var frame = new DataFrame(new StringDataFrameColumn("USUBJID", ["S1"]), new StringDataFrameColumn("TRT01P", ["A"]),
            new StringDataFrameColumn("PARAMCD", ["MADRS"]), new DoubleDataFrameColumn("AVISITN", [0.0]), new DoubleDataFrameColumn("AVAL", [3.0]));
        Assert.Throws<ArgumentException>(() => DataFrameInterop.ToCohort(frame, "f", CohortReadOptions.Default with { CommentCharacter = '#' }));
    }

    [Fact]
    public void UnbalancedQuote_TwelveRowsWritten_IsAnErrorNamingTheSwallowedLines()
    {
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,QSORRES\n");
        for (int i = 0; i < 12; i++)
            csv.Append($"S{i / 4 + 1},{(i < 4 ? "Placebo" : "Drug")},MADRS,{2 * (i % 4)},{30 - i},{(i == 2 ? "\"felt better" : i == 6 ? "tired\"" : "ok")}\n");
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(csv.ToString()));
        DataIssue problem = Assert.Single(e.Problems);
        Assert.Equal(4, problem.Line);
        Assert.Contains("lines 4–8 were read as one row", problem.Message);
        Assert.Contains("4 lines were swallowed", problem.Message);
    }

    [Fact]
    public void QuotedTextSpanningLines_IsReadAndLaterLinesKeepTheirPhysicalNumbers()
    {
        string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,QSORRES\nS1,A,MADRS,0,30,\"two\r\nlines\"\nS1,A,MADRS,6,abc,ok\n";
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(csv));
        Assert.Equal(4, e.Line);
        Cohort cohort = CsvText.Read(csv.Replace("abc", "25"));
        Assert.Contains(cohort.Report.Issues, i => i.Line == 2 && i.Message.Contains("spans lines 2–3"));
    }

    public static TheoryData<string, string> LookAlikes() => new()
    {
        { "zero-width space", "MADRS\u200B" },
        { "byte-order mark", "\uFEFFMADRS" },
        { "soft hyphen", "MAD\u00ADRS" },
        { "surrounding spaces", "  MADRS " },
        { "no-break space", "MADRS\u00A0" },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void InvisibleOrSurroundingCharacters_InAParameter_AreCleanedCountedAndRangeChecked(string _, string code)
    {
        Cohort cohort = CsvText.Read(Header + "\n" + Row() + Row(parameter: code, visit: 6, value: "25"));
        Assert.Equal(["MADRS"], cohort.Parameters);
        DataIssue issue = Assert.Single(cohort.Report.Issues, i => i.Kind == DataIssueKind.NormalisedValue);
        Assert.Equal("PARAMCD", issue.Column);
        Assert.Equal(3, issue.Line);
        Assert.StartsWith("1 value cleaned", issue.Message);
        // Cleaned codes reach the instrument: an impossible MADRS score is still refused.
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(Header + "\n" + Row() + Row(parameter: code, visit: 6, value: "99")));
        Assert.Contains("above the MADRS range", e.Message);
    }

    public static TheoryData<string> Roles() => new() { "subject", "arm", "parameter", "covariate", "visit label" };

    private static string TwoSpellings(string role, string first, string second) => role switch
    {
        "subject" => Header + "\n" + Row(subject: first) + Row(subject: second, visit: 6, value: "25"),
        "arm" => Header + "\n" + Row(arm: first) + Row(subject: "S2", arm: second),
        "parameter" => Header + "\n" + Row(parameter: first) + Row(parameter: second, visit: 6, value: "25"),
        "covariate" => Header + "\n" + Row(sex: first) + Row(subject: "S2", sex: second),
        _ => Header + "\n" + Row(visit: 6, label: first) + Row(subject: "S2", visit: 6, label: second),
    };

    private static IReadOnlyList<string> Codes(Cohort cohort, string role) => role switch
    {
        "subject" => cohort.Subjects,
        "arm" => cohort.Arms,
        "parameter" => cohort.Parameters,
        "covariate" => cohort.CovariateValues("SEX")!.Distinct().ToList()!,
        _ => cohort.Visits.Select(v => v.Label!).ToList(),
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public void NfdAndNfcSpellings_AreOneCode(string role)
    {
        Cohort cohort = CsvText.Read(TwoSpellings(role, "Caf\u00E9", "Cafe\u0301"));
        Assert.Equal(["Caf\u00E9"], Codes(cohort, role));
        Assert.Contains(cohort.Report.Issues, i => i.Kind == DataIssueKind.NormalisedValue && i.Severity == DataIssueSeverity.Warning && i.Message.Contains("NFC"));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void CaseVariants_AreRejectedByDefault_MergedOrKeptOnRequest_NeverSilent(string role)
    {
        string csv = TwoSpellings(role, "Placebo", "PLACEBO");
        if (role == "visit label")
        {
            // Visits are identified by number: two labels for one number are a reported conflict, not a second visit.
            Cohort labelled = CsvText.Read(csv);
            Assert.Single(labelled.Visits);
            Assert.Contains(labelled.Report.Issues, i => i.Kind == DataIssueKind.VisitLabelConflict && i.Line == 3);
            return;
        }
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(csv));
        Assert.Contains("'PLACEBO' (line 3)", e.Message);
        Assert.Contains("'Placebo' (line 2) differ only by letter case", e.Message);

        Cohort merged = CsvText.Read(csv, options: CohortReadOptions.Default with { CaseVariants = CaseVariantPolicy.Merge });
        Assert.Equal(["Placebo"], Codes(merged, role));
        Assert.Single(merged.Report.Issues, i => i.Kind == DataIssueKind.CaseVariant && i.Severity == DataIssueSeverity.Warning);

        Cohort kept = CsvText.Read(csv, options: CohortReadOptions.Default with { CaseVariants = CaseVariantPolicy.KeepDistinct });
        Assert.Equal(["Placebo", "PLACEBO"], Codes(kept, role));
        Assert.Single(kept.Report.Issues, i => i.Kind == DataIssueKind.CaseVariant && i.Severity == DataIssueSeverity.Warning);
    }

    [Fact]
    public void CaseVariants_FromADataFrame_AreRejectedToo()
    {
        var frame = new DataFrame(new StringDataFrameColumn("USUBJID", ["S1", "S2"]), new StringDataFrameColumn("TRT01P", ["Placebo", "PLACEBO\u200B"]),
            new StringDataFrameColumn("PARAMCD", ["MADRS", "MADRS"]), new DoubleDataFrameColumn("AVISITN", [0.0, 0.0]), new DoubleDataFrameColumn("AVAL", [3.0, 4.0]));
        var e = Assert.Throws<CohortDataException>(() => DataFrameInterop.ToCohort(frame, "frame"));
        Assert.Contains("differ only by letter case", e.Message);
    }

    [Theory]
    [InlineData("Y", "'Y'")]
    [InlineData("y", "'Y'")]
    [InlineData("1", "'1'")]
    [InlineData("TRUE", "'TRUE'")]
    [InlineData("true", "'TRUE'")]
    [InlineData("Yes", "'YES'")]
    public void BaselineFlag_CommonCodingsAreRecognisedAndReported(string yes, string reported)
    {
        string csv = "USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL\n" +
                     $"S1,A,MADRS,-1,,40\nS1,A,MADRS,0,{yes},30\nS1,A,MADRS,6,,25\n";
        Cohort cohort = CsvText.Read(csv);
        Assert.Equal(-5, cohort.Observations.Single(o => o.Visit.Time == 6).Change);
        DataIssue note = Assert.Single(cohort.Report.Issues, i => i.Kind == DataIssueKind.BaselineFlag);
        Assert.Contains(reported + " (1 row) marking the baseline record", note.Message);
    }

    [Theory]
    [InlineData("X")]
    [InlineData("Baseline")]
    [InlineData("2")]
    public void BaselineFlag_UnknownCoding_IsAnError(string flag)
    {
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read($"USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL\nS1,A,MADRS,0,{flag},30\n"));
        Assert.Equal("ABLFL", e.Column);
        Assert.Contains("is not a baseline flag value", e.Message);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(6, true)]
    public void BaselineFlag_AfterPostBaselineVisits_IsWarned(int flaggedVisit, bool warned)
    {
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL\n");
        foreach (int v in new[] { 0, 2, 6, 8 }) csv.Append($"S1,A,MADRS,{v},{(v == flaggedVisit ? "Y" : "")},{30 - v}\n");
        Cohort cohort = CsvText.Read(csv.ToString());
        DataIssue[] warnings = cohort.Report.Issues.Where(i => i.Kind == DataIssueKind.BaselineFlag && i.Severity == DataIssueSeverity.Warning).ToArray();
        Assert.Equal(warned ? 1 : 0, warnings.Length);
        if (warned)
        {
            Assert.Equal(4, warnings[0].Line);
            Assert.Contains("after post-baseline visit 2 (line 3)", warnings[0].Message);
            Assert.Contains("the last value at or before visit 0 is on visit 0 (line 2)", warnings[0].Message);
        }
    }

    [Fact]
    public void VisitLabelConflict_NamesTheRowsAndKeepsTheMostFrequentLabel()
    {
        string csv = CsvText.Header + "\nS1,A,MADRS,0,Baseline,30\nS1,A,MADRS,6,Week 6,25\nS2,A,MADRS,0,Baseline,31\nS2,A,MADRS,6,Week 8,20\nS3,A,MADRS,6,Week 6,20\n";
        Cohort cohort = CsvText.Read(csv);
        Assert.Equal("Week 6", cohort.VisitAt(6).Label);
        DataIssue issue = Assert.Single(cohort.Report.Issues, i => i.Kind == DataIssueKind.VisitLabelConflict);
        Assert.Equal(5, issue.Line);
        Assert.Contains("'Week 8' on 1 row (line 5)", issue.Message);
    }

    [Fact]
    public void ProblemsPastTheDetailCap_AreCountedAndTheMessageSaysCollectionStopped()
    {
        const int bad = CohortBuilder.MaxProblems + 2_345;
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\n");
        for (int i = 0; i < bad; i++) csv.Append("S").Append(i).Append(",A,MADRS,0,oops\n");
        csv.Append("S-last,A,MADRS,0,30\n");
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read(csv.ToString()));
        Assert.Equal(CohortBuilder.MaxProblems, e.Problems.Count);
        Assert.Equal(bad, e.TotalProblems);
        Assert.Equal(bad, e.RowsWithProblems);
        Assert.True(e.Truncated);
        Assert.EndsWith($"{bad} problems on {bad} rows in all (details kept for the first {CohortBuilder.MaxProblems} only: collection stopped there, counting went on); 0 rows loaded.",
            e.Message.ReplaceLineEndings("\n"));
    }
}
