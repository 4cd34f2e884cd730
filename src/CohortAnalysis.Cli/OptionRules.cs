using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CohortAnalysis.Change;
using CohortAnalysis.Resampling;

namespace CohortAnalysis.Cli;

/// <summary>Every option's rule, in one place: an option obeys the same rule on every command that has it.</summary>
/// <remarks>
/// <para>Value rules are checked while parsing, before any file is read: a bad value stops the command with exit code 1
/// and a message naming the option and the value (<c>--ci-level 1.5: …</c>). Rules between options refuse an option
/// that does not apply to the rest of the command line rather than ignoring it. Rules that need the data (does visit 99
/// exist?) are the <c>Require…</c> methods, called by the commands once the cohort is read.</para>
/// <para><see cref="ApplyTo"/> fails at start-up if an option has no rule, so a new option cannot slip through unchecked.</para>
/// </remarks>
internal static class OptionRules
{
    /// <summary>The most subjects <c>cohort demo</c> simulates: 1 000 000 (about 9 million rows, 600 MB of CSV).</summary>
    public const int MaxDemoSubjects = 1_000_000;

    private static readonly Dictionary<string, Action<OptionResult>> ValueRules = new()
    {
        // shared by every command that reads a cohort
        ["--subject"] = Name, ["--arm"] = Name, ["--visit-column"] = Name, ["--parameter"] = Name, ["--value"] = Name,
        ["--baseline-visit"] = VisitTime, ["--layout"] = Choice, ["--delimiter"] = Delimiter,
        ["--exclude-invalid"] = Flag, ["--drop-identifiers"] = Flag, ["--allow-identifiers"] = Reason,
        ["--format"] = Choice, ["--verbose"] = Flag, ["--input-format"] = Choice, ["--analysis-flag"] = Name, ["--population"] = Name,
        ["--adsl"] = SubjectLevelFile, ["--comment-char"] = CommentCharacter, ["--case-variants"] = Choice,
        // shared by the analysis commands
        ["--visit"] = VisitTime, ["--paramcd"] = Name, ["--missing"] = Choice, ["--ci-level"] = ConfidenceLevel, ["--reference"] = Name,
        // change
        ["--quantiles"] = Choice,
        // responders
        ["--rule"] = Choice, ["--sustained-from"] = VisitTime, ["--observed-cases"] = Flag, ["--stratify"] = Name,
        ["--joint"] = Name, ["--joint-rule"] = Choice, ["--proportion-ci"] = Choice,
        // correlate
        ["--x"] = Name, ["--y"] = Name,
        // effect-size
        ["--measure"] = Choice, ["--ci-method"] = Choice, ["--seed"] = Seed, ["--resamples"] = Resamples, ["--on"] = Choice,
        ["--arms"] = ArmPair,
        // ancova
        ["--covariates"] = NameList, ["--continuous-covariates"] = NameList, ["--subgroup"] = Name, ["--weights"] = Choice,
        ["--robust"] = Choice, ["--no-baseline"] = Flag,
        // mmrm
        ["--covariance"] = Choice, ["--group-covariance"] = Flag, ["--df"] = Choice, ["--method"] = Choice, ["--fallback"] = NameList,
        ["--empirical"] = Flag, ["--compare-structures"] = Flag, ["--structures"] = NameList,
        // multiple imputation (ancova, mmrm, tipping-point)
        ["--impute"] = Choice, ["--imputation-method"] = Choice, ["--imputations"] = Imputations, ["--delta"] = FiniteNumber,
        ["--deltas"] = DeltaGrid, ["--treatment"] = Name,
        // demo
        ["--subjects"] = DemoSubjects, ["--output"] = OutputFile,
        // report
        ["--mood"] = Name, ["--pain"] = Name, ["--quiet"] = Flag,
    };

    /// <summary>Adds every option's rule and the rules between options to each command under <paramref name="root"/>.</summary>
    /// <exception cref="InvalidOperationException">An option has no rule here.</exception>
    public static void ApplyTo(Command root)
    {
        foreach (Command command in root.Subcommands)
        {
            // Two options of one name: the parser gives the value to one and the other stays at its default, silently.
            if (command.Options.GroupBy(o => o.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new InvalidOperationException($"Option {twice.Key} is declared {twice.Count()} times on '{command.Name}'.");
            foreach (Option option in command.Options)
            {
                if (!ValueRules.TryGetValue(option.Name, out Action<OptionResult>? rule))
                    throw new InvalidOperationException($"Option {option.Name} of '{command.Name}' has no rule in {nameof(OptionRules)}.");
                option.Validators.Add(rule);
            }
            foreach (Argument argument in command.Arguments)
            {
                if (argument.Name != "file") throw new InvalidOperationException($"Argument {argument.Name} of '{command.Name}' has no rule in {nameof(OptionRules)}.");
                argument.Validators.Add(InputFile);
            }
            command.Validators.Add(BetweenOptions);
            ApplyTo(command);
        }
    }

    /// <summary>The names of the options that have a rule.</summary>
    public static IReadOnlyCollection<string> Names => ValueRules.Keys;

    // ---- value rules -------------------------------------------------------------------------------------------

    private static void Flag(OptionResult result) { }

    // Any whole number of the option's type (int for demo, unsigned 64-bit for the bootstrap); the parser checks the type.
    private static void Seed(OptionResult result) { }

    // Choices are declared with AcceptOnlyFromAmong beside the option, which lists them in --help and refuses others.
    private static void Choice(OptionResult result) { }

    private static void Name(OptionResult result)
    {
        if (Token(result) is not { } token) return;
        if (token.Trim().Length == 0) Refuse(result, "must not be empty.");
        else if (token.Trim() != token) Refuse(result, "has spaces around it; give the name exactly as it appears in the file.");
        else if (token.Any(char.IsControl)) Refuse(result, "contains a control character.");
    }

    // A comma-separated list of column names: each one a name.
    private static void NameList(OptionResult result)
    {
        if (Token(result) is not { } token) return;
        string[] names = token.Split(',');
        if (names.Any(n => n.Trim().Length == 0)) Refuse(result, "has an empty name; give column names separated by commas (e.g. SEX,SITEID).");
        else if (names.Any(n => n.Trim() != n)) Refuse(result, "has spaces around a name; give the names exactly as they appear in the file.");
        else if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length) Refuse(result, "names a column twice.");
    }

    private static void CommentCharacter(OptionResult result)
    {
        if (Token(result) is not { } token) return;
        if (token.Length != 1) Refuse(result, "must be one character (e.g. '#').");
        else if (char.IsLetterOrDigit(token[0]) || char.IsWhiteSpace(token[0]) || token[0] is '"' or '.' or '-' or '+')
            Refuse(result, "cannot be a letter, digit, space, quote, '.', '-' or '+' (they begin ordinary values).");
    }

    // --adsl FILE: a directory is refused here; a missing file is reported when it is opened.
    private static void SubjectLevelFile(OptionResult result)
    {
        if (Token(result) is not { } token) return;
        if (token.Trim().Length == 0) Refuse(result, "must name a file.");
        else if (Directory.Exists(token)) Refuse(result, "is a directory; give the subject-level file.");
    }

    private static void Reason(OptionResult result)
    {
        if (Token(result) is { } token && token.Trim().Length == 0) Refuse(result, "needs a reason (it is recorded in the report).");
    }

    private static void VisitTime(OptionResult result)
    {
        if (Token(result) is not { } token || !TryNumber(token, out double value)) return;
        if (!double.IsFinite(value)) Refuse(result, "must be a finite visit time (e.g. 6 for week 6).");
    }

    private static void ConfidenceLevel(OptionResult result)
    {
        if (Token(result) is not { } token || !TryNumber(token, out double value)) return;
        if (!(value > 0 && value < 1)) Refuse(result, "a confidence level lies strictly between 0 and 1 (e.g. 0.95 for 95%).");
    }

    private static void Resamples(OptionResult result) => Count(result, BootstrapOptions.MinResamples, BootstrapOptions.MaxResamples,
        Invariant($"fewer leave the interval's tails nearly empty, more only cost time and memory; default {BootstrapOptions.Default.Resamples}"));

    private static void Imputations(OptionResult result) => Count(result, 2, 100_000, "default 100");

    private static void FiniteNumber(OptionResult result)
    {
        if (Token(result) is not { } token || !TryNumber(token, out double value)) return;
        if (!double.IsFinite(value)) Refuse(result, "must be a finite number.");
    }

    private static void DeltaGrid(OptionResult result)
    {
        if (Token(result) is not { } token) return;
        try { TippingPointCommand.Grid(token); }
        catch (ArgumentException e) { result.AddError(e.Message); }
    }

    private static void DemoSubjects(OptionResult result) => Count(result, 2, MaxDemoSubjects, "default 120");

    private static void Count(OptionResult result, int minimum, int maximum, string what)
    {
        if (Token(result) is not { } token) return;
        if (!long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            if (TryNumber(token, out _)) Refuse(result, Invariant($"must be a whole number from {minimum} to {maximum}."));
            return;   // not a number: the parser's own message names it
        }
        if (value < minimum || value > maximum) Refuse(result, Invariant($"must be from {minimum} to {maximum} ({what})."));
    }

    private static void Delimiter(OptionResult result)
    {
        if (Token(result) is not { } token) return;
        if (token.Equals("tab", StringComparison.OrdinalIgnoreCase) || token == "\\t") return;
        if (token.Length != 1) Refuse(result, "must be one character (e.g. ';' or '|'), or 'tab'.");
        else if (token[0] is '"' or '\r' or '\n') Refuse(result, "cannot be a quote or a line break.");
        else if (char.IsLetterOrDigit(token[0]) || token[0] is '.' or '-' or '+') Refuse(result, "cannot be a letter, digit, '.', '-' or '+' (they occur inside values).");
    }

    private static void OutputFile(OptionResult result)
    {
        if (Token(result) is not { } token) return;
        if (token.Trim().Length == 0) { Refuse(result, "must name a file."); return; }
        if (Directory.Exists(token)) { Refuse(result, "is a directory; give a file name."); return; }
        string? folder = Path.GetDirectoryName(Path.GetFullPath(token));
        if (folder is not null && !Directory.Exists(folder)) Refuse(result, $"the folder {folder} does not exist.");
    }

    // FILE: a missing file is reported when it is opened (with the reader's message); a directory is refused here.
    private static void InputFile(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return;
        string token = result.Tokens[^1].Value;
        if (token.Trim().Length == 0) result.AddError("FILE '': give a file name, or none for the demo trial.");
        else if (Directory.Exists(token)) result.AddError($"FILE {Shown(token)}: is a directory; give a data file (CSV, .xpt, .json, .ndjson, .parquet).");
    }

    private static void ArmPair(OptionResult result)
    {
        if (Token(result) is not { } token) return;
        string[] arms = token.Split(',', StringSplitOptions.TrimEntries);
        if (arms.Length != 2 || arms.Any(a => a.Length == 0)) Refuse(result, "takes two arm names separated by a comma: TREATMENT,REFERENCE.");
        else if (arms[0] == arms[1]) Refuse(result, "the treatment and reference arms must differ.");
    }

    // ---- rules between options ---------------------------------------------------------------------------------

    private static void BetweenOptions(CommandResult command)
    {
        // Which interval and which --on each measure takes are the library's rules (EffectSizeAnalysis.SupportedCiMethods,
        // UsesOn), asked here so the refusal names the flags and comes before the file is read.
        if (Option(command, "--ci-method") is not null)
        {
            string method = Value(command, "--ci-method") ?? "";
            foreach (string name in new[] { "--resamples", "--seed" })
                if (Given(command, name) is { } given && !method.StartsWith("bootstrap", StringComparison.Ordinal))
                    Refuse(given, "applies only with a bootstrap --ci-method (bootstrap, bootstrap-bca, bootstrap-percentile, bootstrap-basic).");
            string measureName = Value(command, "--measure") ?? "cohens-d";
            if (EffectSizeCommand.Measures.TryGetValue(measureName, out EffectSizes.EffectSizeMeasure measure))
            {
                IReadOnlyList<CiMethod> supported = EffectSizes.EffectSizeAnalysis.SupportedCiMethods(measure);
                if (Given(command, "--ci-method") is { } explicitMethod && EffectSizeCommand.CiMethodNames.TryGetValue(method, out CiMethod asked) && !supported.Contains(asked))
                    Refuse(explicitMethod, $"--measure {measureName} takes {string.Join(", ", EffectSizeCommand.CiMethodNames.Where(kv => supported.Contains(kv.Value)).Select(kv => kv.Key))}.");
                if (Given(command, "--on") is { } on && !EffectSizes.EffectSizeAnalysis.UsesOn(measure))
                    Refuse(on, $"does not apply to --measure {measureName}, which uses {(measure == EffectSizes.EffectSizeMeasure.CohensH ? "responders" : "each subject's baseline and visit values")}.");
            }
        }
        if (command.Command.Name == "describe" && Given(command, "--format") is { } format && Value(command, "--format") == "csv")
            Refuse(format, "describe prints a description (text or json), not estimates; the analysis commands write csv.");
        if (Given(command, "--joint-rule") is { } jointRule && Given(command, "--joint") is null)
            Refuse(jointRule, "applies only with --joint.");
        if (Given(command, "--joint") is { } joint && Value(command, "--joint") == Value(command, "--paramcd"))
            Refuse(joint, "is the --paramcd parameter itself; name a second parameter.");
        if (Given(command, "--y") is { } y && Value(command, "--y") == Value(command, "--x"))
            Refuse(y, "is the same parameter as --x; correlating a parameter with itself gives 1.");
        if (Given(command, "--allow-identifiers") is { } allow && Given(command, "--drop-identifiers") is not null)
            Refuse(allow, "contradicts --drop-identifiers; choose one.");
        if (Given(command, "--sustained-from") is { } from && Number(command, "--sustained-from") is { } start && Number(command, "--visit") is { } visit && start > visit)
            Refuse(from, Invariant($"comes after the analysis visit --visit {visit}; response is sustained from an earlier visit through --visit."));
    }

    // ---- rules that need the data ------------------------------------------------------------------------------

    /// <summary>Checks that <paramref name="time"/>, given with <paramref name="option"/>, is one of the visits of
    /// <paramref name="trajectories"/>; post-baseline when <paramref name="postBaseline"/>.</summary>
    /// <exception cref="ArgumentException">No such visit; the message names the option, the value and the visits there are.</exception>
    public static void RequireVisit(string option, double time, Trajectories trajectories, bool postBaseline = false)
    {
        var visits = trajectories.Visits.Select(v => v.Time).ToList();
        if (visits.Contains(time) && !(postBaseline && time == visits[0])) return;
        throw new ArgumentException(visits.Contains(time)
            ? Invariant($"{option} {time}: is the baseline visit; give a post-baseline visit ({string.Join(", ", visits.Skip(1))}).")
            : Invariant($"{option} {time}: {trajectories.Parameter} has no visit {time}; its visits are {string.Join(", ", visits)}."));
    }

    /// <summary>Checks that <paramref name="time"/>, given with <paramref name="option"/>, is a visit of the cohort.</summary>
    /// <exception cref="ArgumentException">No such visit.</exception>
    public static void RequireVisit(string option, double time, Cohort cohort)
    {
        if (cohort.Visits.Any(v => v.Time == time)) return;
        throw new ArgumentException(Invariant($"{option} {time}: the cohort has no visit {time}; its visits are {string.Join(", ", cohort.Visits.Select(v => v.Time))}."));
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private static string? Token(OptionResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;

    private static bool TryNumber(string token, out double value) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static void Refuse(OptionResult result, string reason) =>
        result.AddError($"{result.Option.Name} {Shown(Token(result) ?? "")}: {reason}");

    // A value as the user typed it, quoted when it would be invisible or ambiguous.
    private static string Shown(string token) =>
        token.Length == 0 || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || token.Contains('\'')
            ? "'" + string.Concat(token.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "'"
            : token;

    private static Option? Option(CommandResult command, string name) => command.Command.Options.FirstOrDefault(o => o.Name == name);

    // The option's result when the user gave it on the command line (not a default).
    private static OptionResult? Given(CommandResult command, string name) =>
        Option(command, name) is { } option && command.GetResult(option) is { Implicit: false } result ? result : null;

    private static string? Value(CommandResult command, string name) =>
        Option(command, name) is { } option && command.GetResult(option) is { } result ? Token(result) ?? DefaultText(option) : null;

    private static string? DefaultText(Option option) =>
        option.HasDefaultValue ? Convert.ToString(option.GetDefaultValue(), CultureInfo.InvariantCulture) : null;

    private static double? Number(CommandResult command, string name) =>
        Value(command, name) is { } text && TryNumber(text, out double value) ? value : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
