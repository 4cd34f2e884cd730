using System.CommandLine;
using System.Globalization;
using CohortAnalysis.Data;

namespace CohortAnalysis.Cli;

/// <summary>The options every command shares: the file, the column mapping, the output format.</summary>
internal sealed class CliOptions
{
    public Argument<string?> File { get; } = new("file")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "Data file: CSV/TSV, SAS transport (.xpt), CDISC Dataset-JSON (.json, .ndjson) or Apache Parquet (.parquet); long ADaM BDS layout by default. Omit it to use the bundled synthetic demo trial.",
    };
    public Option<string?> Subject { get; } = new("--subject") { Description = "Subject column (default USUBJID)." };
    public Option<string?> Arm { get; } = new("--arm") { Description = "Arm column (default TRT01P, TRTP or ARM)." };
    public Option<string?> Visit { get; }
    public Option<string?> Parameter { get; } = new("--parameter") { Description = "Parameter column (default PARAMCD)." };
    public Option<string?> Value { get; } = new("--value") { Description = "Score column (default AVAL)." };
    public Option<double?> BaselineVisit { get; } = new("--baseline-visit")
    {
        Description = "Baseline = last non-missing value at or before this visit (default: ABLFL when present, else visit 0).",
    };
    public Option<string> Layout { get; } = new("--layout") { Description = "long (default) or wide (one row per subject, columns like MADRS_W6).", DefaultValueFactory = _ => "long" };
    public Option<string> Delimiter { get; } = new("--delimiter") { Description = "Field delimiter (default ','; use 'tab' for tabs).", DefaultValueFactory = _ => "," };
    public Option<bool> ExcludeInvalid { get; } = new("--exclude-invalid")
    {
        Description = "Exclude out-of-range scores and duplicate visits (each listed in the report) instead of stopping.",
    };
    public Option<string?> CommentChar { get; } = new("--comment-char") { Description = "Skip lines starting with this character as comments (default: none; a data file has no comments)." };
    public Option<string> CaseVariants { get; } = new("--case-variants") { Description = "Codes differing only by letter case (Placebo/PLACEBO): reject (default), merge, or keep-distinct.", DefaultValueFactory = _ => "reject" };
    public Option<bool> DropIdentifiers { get; } = new("--drop-identifiers")
    {
        Description = "Drop columns that look like personal identifiers (HIPAA Safe Harbor) instead of refusing the file.",
    };
    public Option<string?> AllowIdentifiers { get; } = new("--allow-identifiers")
    {
        Description = "Load identifiable columns anyway; the REASON given is recorded in the report.",
    };
    public Option<string> InputFormat { get; } = new("--input-format")
    {
        Description = "auto (default: by extension .csv .tsv .xpt .json .ndjson .parquet), csv, tsv, xpt, json, ndjson or parquet.",
        DefaultValueFactory = _ => "auto",
    };
    public Option<string?> AnalysisFlag { get; } = new("--analysis-flag")
    {
        Description = "ADaM analysis flag (e.g. ANL01FL): use only records where it is Y; the others are set aside and listed in the report.",
    };
    public Option<string?> Population { get; } = new("--population")
    {
        Description = "ADaM population flag (EFFFL, ITTFL, SAFFL, ...): use only subjects where it is Y (from the file or from --adsl).",
    };
    public Option<string?> Adsl { get; } = new("--adsl")
    {
        Description = "Subject-level file (ADSL; .xpt, .json, .ndjson, .parquet or .csv) merged by USUBJID: TRT01P, SITEGR1, AGEGR1, SEX, population flags and the command's --covariates; values must agree with the file's.",
    };
    public Option<string> Format { get; } = new("--format") { Description = "text (default), json, or csv (tidy: one row per estimate, for R and SAS).", DefaultValueFactory = _ => "text" };
    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Show stack traces on errors." };

    /// <param name="analysisVisit">True for analysis commands, where <c>--visit N</c> is the analysis visit and the visit
    /// column is <c>--visit-column</c>; false for describe, where <c>--visit</c> names the column.</param>
    public CliOptions(bool analysisVisit = true)
    {
        Visit = analysisVisit
            ? new Option<string?>("--visit-column") { Description = "Numeric visit column (default AVISITN)." }
            : new Option<string?>("--visit", "--visit-column") { Description = "Numeric visit column (default AVISITN)." };
        Format.AcceptOnlyFromAmong("text", "json", "csv");
        Layout.AcceptOnlyFromAmong("long", "wide");
        InputFormat.AcceptOnlyFromAmong("auto", "csv", "tsv", "xpt", "json", "ndjson", "parquet");
        CaseVariants.AcceptOnlyFromAmong("reject", "merge", "keep-distinct");
    }

    /// <param name="command">The command.</param>
    /// <param name="format">False for a command whose output has one format of its own (report: HTML).</param>
    public void AddTo(Command command, bool format = true)
    {
        command.Arguments.Add(File);
        foreach (Option option in new Option[] { Subject, Arm, Visit, Parameter, Value, BaselineVisit, Layout, Delimiter, InputFormat, AnalysisFlag, Population, Adsl, ExcludeInvalid, CommentChar, CaseVariants, DropIdentifiers, AllowIdentifiers, Format, Verbose })
            if (format || option != Format) command.Options.Add(option);
    }

    public bool Json(ParseResult result) => result.GetValue(Format) == "json";

    /// <summary>"text", "json" or "csv".</summary>
    public string OutputFormat(ParseResult result) => result.GetValue(Format) ?? "text";

    /// <param name="result">The parsed command line.</param>
    /// <param name="covariates">Subject covariate columns the command needs beyond the ADaM defaults (e.g. AGE).</param>
    public Cohort ReadCohort(ParseResult result, IReadOnlyList<string>? covariates = null)
    {
        ColumnMapping mapping = ColumnMapping.AdamBds;
        if (covariates is { Count: > 0 })
            mapping = mapping with { Covariates = [.. mapping.Covariates, .. covariates.Where(c => !mapping.Covariates.Contains(c, StringComparer.OrdinalIgnoreCase))] };
        if (result.GetValue(Subject) is { } subject) mapping = mapping with { Subject = [subject] };
        if (result.GetValue(Arm) is { } arm) mapping = mapping with { Arm = [arm] };
        if (result.GetValue(Visit) is { } visit) mapping = mapping with { Visit = [visit] };
        if (result.GetValue(Parameter) is { } parameter) mapping = mapping with { Parameter = [parameter] };
        if (result.GetValue(Value) is { } value) mapping = mapping with { Value = [value] };
        // --paramcd also names the score of a long file that has no parameter column (one score per file); where the
        // file has one, the reader does not use DefaultParameter and the command selects that parameter.
        if (ParameterCode(result) is { } code) mapping = mapping with { DefaultParameter = code };
        string delimiter = result.GetValue(Delimiter) ?? ",";
        var options = new CohortReadOptions
        {
            Mapping = mapping,
            Delimiter = delimiter.Equals("tab", StringComparison.OrdinalIgnoreCase) || delimiter == "\\t" ? '\t' : delimiter[0],
            Wide = result.GetValue(Layout) == "wide" ? WideLayout.Default : null,
            InputFormat = FormatOption(result),
        };
        if (result.GetValue(AnalysisFlag) is not null || result.GetValue(Population) is not null || result.GetValue(Adsl) is not null)
            options = options with
            {
                Adam = new AdamOptions
                {
                    AnalysisFlag = result.GetValue(AnalysisFlag), Population = result.GetValue(Population), SubjectLevelFile = result.GetValue(Adsl),
                    // The command's covariates come from ADSL too when it has them (e.g. a pooled site group SITEGR1P).
                    SubjectLevelVariables = [.. AdamOptions.None.SubjectLevelVariables,
                        .. (covariates ?? []).Where(c => !AdamOptions.None.SubjectLevelVariables.Contains(c, StringComparer.OrdinalIgnoreCase))],
                },
            };
        if (result.GetValue(BaselineVisit) is { } baselineVisit) options = options with { Baseline = BaselineRule.LastNonMissingAtOrBefore(baselineVisit) };
        if (result.GetValue(ExcludeInvalid))
            options = options with { OutOfRangeScores = InvalidRowPolicy.Exclude, DuplicateVisits = InvalidRowPolicy.Exclude };
        if (result.GetValue(CommentChar) is { } comment)
            options = options with { CommentCharacter = comment.Length == 1 ? comment[0] : throw new ArgumentException("--comment-char takes one character, e.g. '#'.") };
        options = options with
        {
            CaseVariants = result.GetValue(CaseVariants) switch
            {
                "merge" => CaseVariantPolicy.Merge,
                "keep-distinct" => CaseVariantPolicy.KeepDistinct,
                "reject" or null => CaseVariantPolicy.Reject,
                var other => throw new ArgumentException($"--case-variants takes reject, merge or keep-distinct, not '{other}'."),
            },
        };
        if (result.GetValue(DropIdentifiers))
            options = options with { Identifiers = options.Identifiers with { Policy = Privacy.IdentifierPolicy.DropColumns } };
        if (result.GetValue(AllowIdentifiers) is { } reason)
            options = options with { Identifiers = Privacy.IdentifierGuardOptions.Allow(reason) };
        string? file = result.GetValue(File);
        return file is null ? DemoTrial.Load(options) : CohortFileReader.Read(file, options);
    }

    /// <summary>The command's --paramcd value, when it has that option and it was given.</summary>
    private static string? ParameterCode(ParseResult result) =>
        result.CommandResult.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == "--paramcd") is { } option
            ? result.GetValue(option)
            : null;

    /// <summary>The dataset name, label and variable labels of the file; null for the demo trial.</summary>
    public DatasetMetadata? Metadata(ParseResult result)
    {
        string? file = result.GetValue(File);
        if (file is null) return null;
        return CohortFileReader.ReadMetadata(file, CohortReadOptions.Default with { InputFormat = FormatOption(result) });
    }

    private Data.InputFormat FormatOption(ParseResult result) => result.GetValue(InputFormat) switch
    {
        "csv" => Data.InputFormat.Csv,
        "tsv" => Data.InputFormat.Tsv,
        "xpt" => Data.InputFormat.Xport,
        "json" => Data.InputFormat.DatasetJson,
        "ndjson" => Data.InputFormat.DatasetNdjson,
        "parquet" => Data.InputFormat.Parquet,
        _ => Data.InputFormat.Auto,
    };

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
