using System.Text;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>tests/data/bad: each NAME.csv (with optional NAME.options, CLI-style) is paired with NAME.expected, whose
/// first line is "error" (then the exact exception message) or "loaded" (then "rows-loaded: N", "rows-excluded: N" and
/// every issue of the report except the routine notes (missing values, unknown instruments, unused columns), exactly). Set COHORT_WRITE_EXPECTED=1 to rewrite the expected files after a
/// deliberate change, then review the diff.</summary>
public class BadInputCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data", "bad");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(Folder, "*.csv").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Select(n => new object[] { n! });

    [Fact]
    public void Corpus_HasAtLeastThirtyCases() => Assert.True(Cases().Count() >= 30);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_BadInput_GivesTheExpectedErrorOrAccountedExclusion(string name)
    {
        string actual = Outcome(name);
        string expectedPath = Path.Combine(Folder, name + ".expected");
        if (Environment.GetEnvironmentVariable("COHORT_WRITE_EXPECTED") == "1")
        {
            string source = Path.Combine(RepositoryFolder.Root, "tests", "data", "bad", name + ".expected");
            File.WriteAllText(source, actual, new UTF8Encoding(false));
            return;
        }
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void Read_SingleFieldOfSeveralMegabytes_IsAClearErrorNotACrash()
    {
        var text = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,AVAL,QSORRES\nS1,A,MADRS,0,30,\"");
        text.Append('x', 8 * 1024 * 1024).Append("\"\nS1,A,MADRS,6,abc,ok\n");
        var e = Assert.Throws<CohortDataException>(() => CohortCsvReader.Parse(text.ToString(), "big.csv"));
        Assert.Equal("big.csv line 3, column AVAL: 'abc' is not a number (decimals use '.'; missing values are empty, 'NA', '.').\n1 problem; 0 rows loaded.",
            e.Message.ReplaceLineEndings("\n"));
    }

    internal static CohortReadOptions OptionsFor(string name)
    {
        string path = Path.Combine(Folder, name + ".options");
        var options = CohortReadOptions.Default;
        if (!File.Exists(path)) return options;
        string[] words = File.ReadAllText(path).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            options = words[i] switch
            {
                "--exclude-invalid" => options with { OutOfRangeScores = InvalidRowPolicy.Exclude, DuplicateVisits = InvalidRowPolicy.Exclude },
                "--delimiter" => options with { Delimiter = words[++i][0] },
                "--layout" when words[++i] == "wide" => options with { Wide = WideLayout.Default },
                "--comment-char" => options with { CommentCharacter = words[++i][0] },
                "--case-variants" => options with { CaseVariants = Enum.Parse<CaseVariantPolicy>(words[++i].Replace("-", ""), ignoreCase: true) },
                "--drop-identifiers" => options with { Identifiers = options.Identifiers with { Policy = CohortAnalysis.Privacy.IdentifierPolicy.DropColumns } },
                _ => throw new InvalidOperationException($"unknown option {words[i]} in {path}"),
            };
        }
        return options;
    }

    private static string Outcome(string name)
    {
        string path = Path.Combine(Folder, name + ".csv");
        try
        {
            Cohort cohort = CohortCsvReader.Read(path, OptionsFor(name));
            var text = new StringBuilder("loaded\n");
            text.Append($"rows-loaded: {cohort.Report.RowsLoaded}\nrows-excluded: {cohort.Report.RowsExcluded}\n");
            foreach (DataIssue issue in cohort.Report.Issues.Where(i => i.Severity != DataIssueSeverity.Note || i.Kind is DataIssueKind.Other or DataIssueKind.IdentifierColumnDropped or DataIssueKind.BaselineFlag or DataIssueKind.NormalisedValue))
                text.Append(issue).Append('\n');
            return text.ToString();
        }
        catch (Exception e) when (e is CohortDataException or CohortAnalysis.Privacy.IdentifiableDataException)
        {
            return "error\n" + e.Message.ReplaceLineEndings("\n") + "\n";
        }
    }
}
