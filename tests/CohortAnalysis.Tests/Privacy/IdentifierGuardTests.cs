using System.Globalization;
using CohortAnalysis.Privacy;
using Xunit;

namespace CohortAnalysis.Tests.Privacy;

public sealed class IdentifierGuardTests
{
    private static readonly string[] DemoHeader = ["USUBJID", "DOB", "AVAL", "notes"];

    private static readonly string[][] DemoColumns =
    [
        ["01-017", "01-018", "01-019"],
        ["1961-04-12", "1975-11-30", "1980-02-29"],
        ["31", "28", "35"],
        [
            "Patient reported feeling much better after the second session.",
            "Missed visit because of a family emergency; rescheduled for next week.",
            "Rater noted mild anxiety during the interview, no safety concerns.",
        ],
    ];

    private static IdentifierScan ScanDemo(IdentifierGuardOptions? options = null) =>
        IdentifierGuard.Scan("demo.csv", DemoHeader, DemoColumns,
            (options ?? IdentifierGuardOptions.Default) with { MappedColumns = ["USUBJID", "AVAL"] });

    [Fact]
    public void ThrowIfRefused_DefaultPolicy_MessageListsColumnsAndCategories()
    {
        IdentifierScan scan = ScanDemo();
        var ex = Assert.Throws<IdentifiableDataException>(scan.ThrowIfRefused);
        Assert.Equal(
            "demo.csv: refusing to load identifiable data: column 'DOB' (full date: birth date) by name and content; " +
            "column 'notes' (free text) by name and content. " +
            "Drop the columns (IdentifierPolicy.DropColumns), or acknowledge with IdentifierPolicy.Allow and a reason.",
            ex.Message);
        Assert.Equal("demo.csv", ex.Source);
        Assert.Equal([1, 3], ex.Findings.Select(f => f.ColumnIndex));
    }

    [Fact]
    public void Finding_ToString_NamesEvidence()
    {
        IdentifierScan scan = IdentifierGuard.Scan("x.csv", ["BRTHDTC", "memo", "PHONE"],
            [[], ["Subject said: e-mail me at someone@example.org or call me tomorrow."], ["(617) 555-0123"]]);
        Assert.Equal(
            [
                "column 'BRTHDTC' (full date: birth date) by name",
                "column 'memo' (e-mail address) by content",
                "column 'PHONE' (telephone number) by name and content",
            ],
            scan.Findings.Select(f => f.ToString()));
        IdentifierFinding email = scan.Findings[1];
        Assert.Equal((1, 1), (email.MatchingValues, email.SampledValues));
    }

    [Fact]
    public void Messages_NeverContainAValue()
    {
        // Every value of the table, every rendering the guard produces, under every policy.
        foreach (IdentifierCase c in IdentifierCases.All)
        {
            foreach (IdentifierGuardOptions options in new[]
                     {
                         IdentifierGuardOptions.Default,
                         IdentifierGuardOptions.Default with { Policy = IdentifierPolicy.DropColumns },
                         IdentifierGuardOptions.Allow("test"),
                     })
            {
                IdentifierScan scan = IdentifierGuard.Scan("case.csv", [c.Column], [c.Values],
                    options with { MappedColumns = c.Mapped ? [c.Column] : [] });
                var texts = new List<string> { scan.ToString() };
                texts.AddRange(scan.Findings.Select(f => f.ToString()));
                texts.AddRange(scan.Findings.Select(f => f.Detail));
                texts.AddRange(scan.Findings.Select(f => f.Column));
                if (scan.Acknowledgement is { } ack) texts.Add(ack.ToString());
                try { scan.ThrowIfRefused(); }
                catch (IdentifiableDataException ex) { texts.Add(ex.Message); }

                foreach (string value in c.Values.Where(v => v.Trim().Length >= 4 && !c.Column.Contains(v.Trim(), StringComparison.Ordinal)))
                    foreach (string text in texts)
                        Assert.False(text.Contains(value.Trim(), StringComparison.OrdinalIgnoreCase),
                            $"{c.Id}: a value appears in '{text}'");
            }
        }
    }

    [Fact]
    public void Scan_HeaderThatLooksLikeAValue_IsWithheld()
    {
        // A headerless file: the first data row was read as the header.
        IdentifierScan scan = IdentifierGuard.Scan("raw.csv", ["S0001", "234-56-7890", "jane@example.org"],
            [["S0002"], ["345-67-8901"], ["john@example.org"]]);
        var ex = Assert.Throws<IdentifiableDataException>(scan.ThrowIfRefused);
        Assert.Equal(
            "raw.csv: refusing to load identifiable data: column #2 (social security number) by content; " +
            "column #3 (e-mail address) by content. " +
            "Drop the columns (IdentifierPolicy.DropColumns), or acknowledge with IdentifierPolicy.Allow and a reason.",
            ex.Message);
        Assert.DoesNotContain("234-56-7890", ex.Message);
        Assert.DoesNotContain("jane", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Allow_WithoutReason_Throws(string? reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => IdentifierGuardOptions.Allow(reason!));
        Assert.Equal("Reason", ex.ParamName);
        Assert.StartsWith("IdentifierPolicy.Allow requires a Reason", ex.Message);

        var options = new IdentifierGuardOptions { Policy = IdentifierPolicy.Allow, Reason = reason };
        Assert.Throws<ArgumentException>(() => IdentifierGuard.Scan("demo.csv", DemoHeader, DemoColumns, options));
    }

    [Fact]
    public void Allow_WithReason_CarriesAcknowledgement()
    {
        IdentifierScan scan = ScanDemo(IdentifierGuardOptions.Allow("IRB 2024-117: limited data set"));
        scan.ThrowIfRefused();   // does not throw
        Assert.Empty(scan.ColumnsToDrop);
        IdentifierAcknowledgement ack = Assert.IsType<IdentifierAcknowledgement>(scan.Acknowledgement);
        Assert.Equal("IRB 2024-117: limited data set", ack.Reason);
        Assert.Same(scan.Findings, ack.Findings);
        Assert.Equal(
            "identifiers acknowledged (IRB 2024-117: limited data set): column 'DOB' (full date: birth date) by name and content; " +
            "column 'notes' (free text) by name and content",
            ack.ToString());
    }

    [Fact]
    public void Allow_CleanFile_HasNoAcknowledgement()
    {
        IdentifierScan scan = IdentifierGuard.Scan("clean.csv", ["USUBJID", "AVAL"], [["S0001"], ["31"]],
            IdentifierGuardOptions.Allow("not needed"));
        Assert.Null(scan.Acknowledgement);
        Assert.Equal("clean.csv: no identifiers found in 2 columns", scan.ToString());
    }

    [Fact]
    public void DropColumns_ReturnsFlaggedColumnIndexesOnce()
    {
        string[] header = ["USUBJID", "remarks", "AVAL", "DOB"];
        string[][] columns =
        [
            ["S0001"],
            ["Seen by Dr Who; e-mail jane@example.org for the follow-up call about the diary."],
            ["31"],
            [],
        ];
        IdentifierScan scan = IdentifierGuard.Scan("drop.csv", header, columns,
            new IdentifierGuardOptions { Policy = IdentifierPolicy.DropColumns });
        scan.ThrowIfRefused();   // does not throw
        Assert.Equal([1, 3], scan.ColumnsToDrop);
        Assert.Equal(
            [(1, IdentifierCategory.Email), (1, IdentifierCategory.FreeText), (3, IdentifierCategory.Date)],
            scan.Findings.Select(f => (f.ColumnIndex, f.Category)));
        Assert.Null(scan.Acknowledgement);
        Assert.StartsWith("drop.csv: identifiers found (columns dropped): column 'remarks'", scan.ToString());
    }

    [Fact]
    public void Options_Defaults()
    {
        IdentifierGuardOptions o = IdentifierGuardOptions.Default;
        Assert.Equal(IdentifierPolicy.Refuse, o.Policy);
        Assert.Null(o.Reason);
        Assert.Equal(int.MaxValue, o.SampleSize);
        Assert.Empty(o.MappedColumns);
        Assert.Equal(IdentifierPolicy.Refuse, default(IdentifierPolicy));
    }

    [Fact]
    public void Scan_SampleSizeBelowOne_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            IdentifierGuard.Scan("x.csv", ["A"], [["1"]], new IdentifierGuardOptions { SampleSize = 0 }));
        Assert.Equal("SampleSize", ex.ParamName);
    }

    [Fact]
    public void Scan_ExaminesOnlyTheFirstSampleSizeNonMissingValues()
    {
        string[] values = ["NA", "", ".", "ok", "fine", "jane@example.org"];
        var small = new IdentifierGuardOptions { SampleSize = 2 };
        Assert.Empty(IdentifierGuard.Scan("x.csv", ["X"], [values], small).Findings);
        IdentifierFinding f = Assert.Single(IdentifierGuard.Scan("x.csv", ["X"], [values]).Findings);
        Assert.Equal((1, 3), (f.MatchingValues, f.SampledValues));   // missing spellings are not sampled
    }

    [Fact]
    public void Scan_FuncAndArrayOverloadsAgree()
    {
        IdentifierScan a = IdentifierGuard.Scan("demo.csv", DemoHeader, DemoColumns);
        IdentifierScan b = IdentifierGuard.Scan("demo.csv", DemoHeader, i => DemoColumns[i]);
        Assert.Equal(a.Findings, b.Findings);
    }

    [Fact]
    public void Scan_NameOnly_FlagsByNameButJudgesAgeAndZipByValue()
    {
        IdentifierScan scan = IdentifierGuard.Scan("h.csv", ["DOB", "AGE", "ZIP", "AGEGR1"], _ => []);
        Assert.Equal(
            ["column 'DOB' (full date: birth date) by name", "column 'ZIP' (ZIP code: no values to check) by name"],
            scan.Findings.Select(f => f.ToString()));
    }

    [Fact]
    public void MappedColumns_AreMatchedIgnoringCase_AndSkipWeakRules()
    {
        string[] names = ["John Smith", "Mary Jones", "Ahmed Khan", "Sofia Garcia", "Li Wei"];
        Assert.Single(IdentifierGuard.Scan("x.csv", ["RATER"], [names]).Findings);
        Assert.Empty(IdentifierGuard.Scan("x.csv", ["RATER"], [names],
            new IdentifierGuardOptions { MappedColumns = ["rater"] }).Findings);
    }

    [Fact]
    public void Scan_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => IdentifierGuard.Scan(null!, ["A"], [["1"]]));
        Assert.Throws<ArgumentNullException>(() => IdentifierGuard.Scan("x", null!, [["1"]]));
        Assert.Throws<ArgumentNullException>(() => IdentifierGuard.Scan("x", ["A"], (IReadOnlyList<IReadOnlyList<string>>)null!));
        Assert.Throws<ArgumentNullException>(() => IdentifierGuard.Scan("x", ["A"], (Func<int, IReadOnlyList<string>>)null!));
    }

    [Fact]
    public void Scan_UnderTurkishCulture_MatchesHeadersInvariantly()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            IdentifierScan scan = IdentifierGuard.Scan("x.csv", ["email", "city", "age"], [[], [], ["92,5", "91.5"]]);
            Assert.Equal(
                [IdentifierCategory.Email, IdentifierCategory.Address, IdentifierCategory.Age],
                scan.Findings.Select(f => f.Category));
            Assert.Equal(1, scan.Findings[2].MatchingValues);   // "92,5" is not a number invariantly
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    // No stopwatch here (speed targets are benchmarks: benchmarks/guard.sh times this scan and the 1M-row one). The work on
    // a hostile value is bounded by construction instead, and these tests pin the bounds: every value is cut to
    // ColumnValue.MaxValueLength characters before any pattern sees it, every pattern carries a match timeout, and a
    // value whose check times out twice is treated as a match (fail closed), never as clean.
    private static readonly string[] Hostile =
    [
        new string('a', 100_000) + "@",
        string.Concat(Enumerable.Repeat("a.", 50_000)) + "@",
        "x@" + string.Concat(Enumerable.Repeat("a.", 50_000)),
        string.Concat(Enumerable.Repeat("1.", 50_000)),
        "+" + string.Concat(Enumerable.Repeat("1 ", 50_000)),
        string.Concat(Enumerable.Repeat("12 Main ", 10_000)),
        string.Concat(Enumerable.Repeat("15 Mar ", 10_000)),
        "http://" + new string('a', 100_000),
        string.Concat(Enumerable.Repeat("Ab ", 30_000)),
    ];

    [Fact]
    public void Scan_HostileValues_AreCutToTheValueCapBeforeAnyPattern()
    {
        Assert.Equal(9, Hostile.Length);
        Assert.All(Hostile, v => Assert.True(ColumnValue.Prepare(v).Length <= ColumnValue.MaxValueLength));
        string[] header = Hostile.Select((_, i) => "C" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        IdentifierScan scan = IdentifierGuard.Scan("hostile.csv", header, Hostile.Select(v => Enumerable.Repeat(v, 200).ToArray()).ToArray());
        Assert.All(scan.Findings, f => Assert.InRange(f.ColumnIndex, 0, Hostile.Length - 1));
    }

    [Fact]
    public void EveryGuardPattern_HasAMatchTimeout()
    {
        const System.Reflection.BindingFlags Static = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        var patterns = new[] { typeof(ContentPatterns), typeof(IdentifierGuard).Assembly.GetType("CohortAnalysis.Privacy.ColumnNameRules")! }
            .SelectMany(t => t.GetMethods(Static))
            .Where(m => m.ReturnType == typeof(System.Text.RegularExpressions.Regex) && m.GetParameters().Length == 0)
            .Select(m => (m.Name, Regex: (System.Text.RegularExpressions.Regex)m.Invoke(null, null)!))
            .ToList();
        Assert.True(patterns.Count >= 40, $"{patterns.Count} patterns");
        Assert.All(patterns, p => Assert.InRange(p.Regex.MatchTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(ContentPatterns.TimeoutMs)));
    }

    [Fact]
    public void PatternThatTimesOutTwice_FailsClosed()
    {
        // (a+)+$ backtracks exponentially on a run of a's that ends in '!': 2^40 steps never finish within 1 ms.
        var catastrophic = new System.Text.RegularExpressions.Regex("^(a+)+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(1));
        string value = new string('a', 40) + "!";
        Assert.Null(PatternMatch.IsMatch(catastrophic, value));
        Assert.Throws<System.Text.RegularExpressions.RegexMatchTimeoutException>(() => PatternMatch.FirstLength(catastrophic, value));
    }
}

public sealed class IdentifierGuardAdamTests
{
    [Fact]
    public void Scan_TypicalAdqsFile_FlagsOnlyTheDateColumns()
    {
        (string Column, string[] Values)[] adqs =
        [
            ("STUDYID", ["COMP-001"]), ("USUBJID", ["COMP-001-101-0017", "COMP-001-102-0003"]), ("SUBJID", ["0017", "0003"]),
            ("SITEID", ["101", "102"]), ("AGE", ["34", "67"]), ("AGEU", ["YEARS"]), ("AGEGR1", ["18-64", ">=65"]),
            ("SEX", ["F", "M"]), ("RACE", ["WHITE", "ASIAN"]), ("ETHNIC", ["NOT HISPANIC OR LATINO"]), ("COUNTRY", ["GBR", "USA"]),
            ("INVNAM", ["Dr Placeholder"]), ("ARM", ["Psilocybin 25 mg", "Placebo"]), ("TRT01P", ["Psilocybin 25 mg", "Placebo"]),
            ("TRT01A", ["Psilocybin 25 mg", "Placebo"]), ("TRTSDT", ["23450"]), ("RFSTDTC", ["2024-03-01"]),
            ("ITTFL", ["Y"]), ("SAFFL", ["Y"]), ("PARAMCD", ["MADRS"]), ("PARAM", ["MADRS Total Score"]), ("PARAMN", ["1"]),
            ("AVISIT", ["Baseline", "Week 6"]), ("AVISITN", ["0", "6"]), ("VISIT", ["DAY 1", "WEEK 6"]), ("VISITNUM", ["2", "8"]),
            ("ADY", ["1", "43"]), ("ASTDY", ["1"]), ("ADT", ["23450", "23492"]), ("ATM", ["10:30"]), ("ADTF", ["D"]),
            ("AVAL", ["33", "12"]), ("AVALC", ["Moderate"]), ("BASE", ["33"]), ("CHG", ["-21"]), ("PCHG", ["-63.6"]),
            ("ABLFL", ["Y", ""]), ("ANL01FL", ["Y"]), ("DTYPE", ["", "LOCF"]), ("CRIT1", ["MADRS reduction >= 50%"]),
            ("CRIT1FL", ["Y", "N"]), ("QSSEQ", ["1"]), ("QSTESTCD", ["MADRS01"]), ("QSSTRESN", ["4"]), ("EPOCH", ["TREATMENT"]),
        ];
        IdentifierScan scan = IdentifierGuard.Scan("adqs.csv", adqs.Select(c => c.Column).ToArray(), adqs.Select(c => c.Values).ToArray(),
            new IdentifierGuardOptions { MappedColumns = ["USUBJID", "TRT01P", "AVISIT", "PARAMCD", "AVAL", "BASE", "CHG"] });
        Assert.Equal(["TRTSDT", "RFSTDTC", "ADT"], scan.Findings.Select(f => f.Column));
        Assert.All(scan.Findings, f => Assert.Equal(IdentifierCategory.Date, f.Category));
    }
}

public sealed class ContentTallyTests
{
    [Fact]
    public void Hit_RegexTimeout_CountsAsMatch()
    {
        // Catastrophic backtracking with a 1 ms budget: the guard must fail closed, not throw or hang.
        var evil = new System.Text.RegularExpressions.Regex("^(a+)+$", System.Text.RegularExpressions.RegexOptions.None,
            TimeSpan.FromMilliseconds(1));
        var tally = new ContentTally(ContentRules.All);
        Assert.True(tally.Hit(evil, new string('a', 40) + "!", IdentifierCategory.Email));
        Assert.Equal([IdentifierCategory.Email], tally.TimedOut);
    }

    [Fact]
    public void Finding_HeaderStartingWithHash_IsStillQuoted()
    {
        var finding = new IdentifierFinding(0, "#notes", IdentifierCategory.FreeText, IdentifierEvidence.ColumnName, "", 0, 0);
        Assert.Equal("column '#notes' (free text) by name", finding.ToString());
    }
}
