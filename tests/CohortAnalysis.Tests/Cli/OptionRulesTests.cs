using System.CommandLine;
using CohortAnalysis.Cli;
using Xunit;

namespace CohortAnalysis.Tests.Cli;

/// <summary>Every option's rule on every command that has it (run in-process: parse errors never reach the console).</summary>
public class OptionRulesTests
{
    // (option, bad value, extra arguments the rule needs to be reached)
    private static readonly (string Option, string Value, string[] Extra)[] BadValues =
    [
        ("--ci-level", "1.5", []), ("--ci-level", "0", []), ("--ci-level", "1", []), ("--ci-level", "-0.2", []), ("--ci-level", "NaN", []),
        ("--resamples", "0", ["--ci-method", "bootstrap"]), ("--resamples", "-5", ["--ci-method", "bootstrap"]),
        ("--resamples", "1", ["--ci-method", "bootstrap"]), ("--resamples", "99", ["--ci-method", "bootstrap"]),
        ("--resamples", "100000000", ["--ci-method", "bootstrap"]), ("--resamples", "2.5", ["--ci-method", "bootstrap"]),
        ("--delimiter", "", []), ("--delimiter", "ab", []), ("--delimiter", "\"", []), ("--delimiter", "\n", []), ("--delimiter", "1", []),
        ("--visit", "NaN", []), ("--visit", "Infinity", []), ("--baseline-visit", "NaN", []), ("--sustained-from", "-Infinity", []),
        ("--subjects", "0", []), ("--subjects", "-3", []), ("--subjects", "1", []), ("--subjects", "2000000000", []),
        ("--output", ".", []), ("--output", "", []), ("--output", Path.Combine("no-such-folder-7f3a", "x.csv"), []),
        ("--arms", "Placebo,Placebo", []), ("--arms", "Placebo", []), ("--arms", ",", []), ("--arms", "A,B,C", []),
        ("--subject", "", []), ("--arm", " TRT01P", []), ("--visit-column", "", []), ("--parameter", "\t", []), ("--value", "AVAL ", []),
        ("--paramcd", "", []), ("--stratify", " ", []), ("--joint", "", []), ("--x", "", []), ("--y", " PAINNRS", []),
        ("--allow-identifiers", "", []), ("--allow-identifiers", "  ", []),
        ("--comment-char", "ab", []), ("--comment-char", "", []), ("--comment-char", "A", []), ("--adsl", ".", []), ("--adsl", "", []),
        ("--analysis-flag", "", []), ("--population", " EFFFL", []), ("--reference", "", []), ("--subgroup", "", []),
        ("--covariates", "SEX,,SITEID", []), ("--continuous-covariates", "AGE,AGE", []),
        ("--seed", "7", ["--ci-method", "normal"]),
        ("--imputations", "1", []), ("--imputations", "2.5", []), ("--delta", "NaN", []), ("--deltas", "5:1:1", []), ("--deltas", "0:1:x", []),
        ("--treatment", "", []),
    ];

    public static TheoryData<string, string, string, string[]> EveryCommandAndBadValue()
    {
        var data = new TheoryData<string, string, string, string[]>();
        int rows = 0;
        foreach (Command command in CohortCli.Create().Subcommands)
            foreach (var (option, value, extra) in BadValues)
                if (command.Options.Any(o => o.Name == option) && extra.All(e => !e.StartsWith("--", StringComparison.Ordinal) || command.Options.Any(o => o.Name == e)))
                {
                    data.Add(command.Name, option, value, extra);
                    rows++;
                }
        Assert.True(rows >= 119, $"{rows} command × value rows");   // 119 when written: each command × the bad values of its options
        return data;
    }

    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CohortCli.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    internal static string Shown(string value) =>
        value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? "'" + string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "'"
            : value;

    [Theory]
    [MemberData(nameof(EveryCommandAndBadValue))]
    public void BadValue_OnEveryCommand_ExitsOneNamingOptionAndValue(string command, string option, string value, string[] extra)
    {
        var (code, output, error) = Run([command, .. extra, option, value]);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith($"{option} {Shown(value)}: ", error);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Description:", error);   // the message alone, not the help text
    }

    [Theory]
    [InlineData("effect-size --ci-level 1.5", "--ci-level 1.5: a confidence level lies strictly between 0 and 1 (e.g. 0.95 for 95%).")]
    [InlineData("effect-size --ci-method bootstrap --resamples 1", "--resamples 1: must be from 100 to 1000000 (fewer leave the interval's tails nearly empty, more only cost time and memory; default 2000).")]
    [InlineData("demo --subjects 2000000000", "--subjects 2000000000: must be from 2 to 1000000 (default 120).")]
    [InlineData("describe --delimiter ab", "--delimiter ab: must be one character (e.g. ';' or '|'), or 'tab'.")]
    [InlineData("effect-size --arms Placebo,Placebo", "--arms Placebo,Placebo: the treatment and reference arms must differ.")]
    [InlineData("effect-size --resamples 500", "--resamples 500: applies only with a bootstrap --ci-method (bootstrap, bootstrap-bca, bootstrap-percentile, bootstrap-basic).")]
    [InlineData("effect-size --seed 7", "--seed 7: applies only with a bootstrap --ci-method (bootstrap, bootstrap-bca, bootstrap-percentile, bootstrap-basic).")]
    [InlineData("effect-size --comment-char ab", "--comment-char ab: must be one character (e.g. '#').")]
    [InlineData("effect-size --measure rank-biserial --ci-method bootstrap", "--ci-method bootstrap: --measure rank-biserial takes normal.")]
    [InlineData("effect-size --measure d-ppc2 --ci-method noncentral-t", "--ci-method noncentral-t: --measure d-ppc2 takes normal, bootstrap, bootstrap-bca, bootstrap-percentile, bootstrap-basic.")]
    [InlineData("effect-size --measure cohens-h --on value", "--on value: does not apply to --measure cohens-h, which uses responders.")]
    [InlineData("effect-size --measure d-z --on value", "--on value: does not apply to --measure d-z, which uses each subject's baseline and visit values.")]
    [InlineData("ancova --covariates SEX,SEX", "--covariates SEX,SEX: names a column twice.")]
    [InlineData("responders --joint-rule remission", "--joint-rule remission: applies only with --joint.")]
    [InlineData("responders --paramcd MADRS --joint MADRS", "--joint MADRS: is the --paramcd parameter itself; name a second parameter.")]
    [InlineData("responders --visit 6 --sustained-from 12", "--sustained-from 12: comes after the analysis visit --visit 6; response is sustained from an earlier visit through --visit.")]
    [InlineData("correlate --x MADRS --y MADRS", "--y MADRS: is the same parameter as --x; correlating a parameter with itself gives 1.")]
    [InlineData("change --drop-identifiers --allow-identifiers audit", "--allow-identifiers audit: contradicts --drop-identifiers; choose one.")]
    [InlineData("responders --sustained-from 99", "--sustained-from 99: MADRS has no visit 99; its visits are 0, 1, 3, 6, 12.")]
    [InlineData("responders --sustained-from 0", "--sustained-from 0: is the baseline visit; give a post-baseline visit (1, 3, 6, 12).")]
    [InlineData("change --visit 99", "--visit 99: MADRS has no visit 99; its visits are 0, 1, 3, 6, 12.")]
    [InlineData("correlate --visit 2", "--visit 2: MADRS has no visit 2; its visits are 0, 1, 3, 6, 12.")]
    [InlineData("effect-size --visit 99", "MADRS has no visit 99; its visits are 0 (Baseline), 1 (Week 1), 3 (Week 3), 6 (Week 6), 12 (Week 12).")]
    public void Refusal_HasItsExactMessage(string commandLine, string message)
    {
        var (code, output, error) = Run(commandLine.Split(' '));
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal(message, error.TrimEnd());
    }

    [Fact]
    public void Ancova_Reference_IsHonoured()
    {
        // ancova declared --reference twice; the second copy, the one it read, never got the value, so any arm was accepted.
        var (code, _, error) = Run("ancova", "--paramcd", "MADRS", "--visit", "6", "--reference", "NoSuchArm");
        Assert.NotEqual(0, code);
        Assert.Contains("NoSuchArm", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_AsFile_IsRefused()
    {
        var (code, _, error) = Run("describe", ".");
        Assert.Equal(1, code);
        Assert.Equal("FILE .: is a directory; give a data file (CSV, .xpt, .json, .ndjson, .parquet).", error.TrimEnd());
    }

    [Fact]
    public void EveryOptionOfEveryCommand_HasARule()
    {
        RootCommand root = CohortCli.Create();   // ApplyTo throws for an option without a rule
        var names = root.Subcommands.SelectMany(c => c.Options).Select(o => o.Name).Distinct().ToList();
        Assert.All(names, n => Assert.Contains(n, OptionRules.Names));
        Assert.True(names.Count >= 35, $"{names.Count} options");
    }

    // Bad options, some refused while parsing and some only once the data are read, on every command: never a stack trace.
    public static TheoryData<string[]> BadCommandLines()
    {
        var data = new TheoryData<string[]>();
        string[][] bad =
        [
            ["--delimiter", ""], ["--ci-level", "2"], ["--visit", "99"], ["--paramcd", "NOPE"], ["no-such-file.csv"], ["."],
            ["--delimiter", ";"], ["--subject", "NOPE"], ["--arms", "A,B"], ["--x", "NOPE"], ["--stratify", "NOPE"], ["--joint", "NOPE"],
            ["--baseline-visit", "99"], ["--subjects", "0"], ["--output", "."], ["--format", "xml"], ["--nonsense"],
        ];
        foreach (string command in new[] { "describe", "demo", "change", "responders", "correlate", "effect-size", "ancova", "mmrm", "tipping-point" })
            foreach (string[] args in bad) data.Add([command, .. args]);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void BadCommandLine_NeverPrintsAStackTrace(string[] args)
    {
        var (code, _, error) = Run(args);
        if (code == 0) return;   // an option that is fine on this command (e.g. --visit 99 is a column name for describe)
        Assert.InRange(code, 1, 2);
        Assert.NotEqual("", error.Trim());
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public void Verbose_ShowsTheStackTrace()
    {
        var (code, _, error) = Run("change", "--visit", "99", "--verbose");
        Assert.Equal(1, code);
        Assert.Contains("   at ", error);
    }

    [Fact]
    public void Unexpected_Exception_IsNamedAsAnInternalError()
    {
        string message = CommandRunner.MessageOf(new IndexOutOfRangeException("Index was outside the bounds of the array."));
        Assert.Equal("Internal error (IndexOutOfRangeException): Index was outside the bounds of the array. Please report it; --verbose shows the details.", message);
        Assert.Equal("Resamples = 1 must lie between 100 and 1000000 (default 2000).",
            CommandRunner.MessageOf(new ArgumentOutOfRangeException("Resamples", 1, "Resamples = 1 must lie between 100 and 1000000 (default 2000).")));
    }
}

/// <summary>The crashes of issue 11, through the real tool in a child process.</summary>
public class OptionCrashRegressionTests
{
    [Theory]
    [InlineData("describe", "--delimiter", "")]
    [InlineData("demo", "--subjects", "0")]
    [InlineData("demo", "--subjects", "-3")]
    [InlineData("demo", "--subjects", "2000000000")]
    [InlineData("demo", "--output", ".")]
    public void FormerCrash_IsAOneLineRefusal(string command, string option, string value)
    {
        var (code, output, error) = CohortCommand.Run(command, option, value);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith($"{option} {OptionRulesTests.Shown(value)}: ", error);
        Assert.Single(error.Trim().Split('\n'));
    }
}
