using System.Globalization;
using System.Text.RegularExpressions;

namespace CohortAnalysis.Data;

/// <summary>Applies <see cref="AdamOptions"/> row by row: analysis flag, population, derivation type and the ADSL merge.</summary>
internal sealed partial class AdamRecordSelector
{
    private readonly AdamOptions _options;
    private readonly string _source;
    private readonly IReadOnlyList<string> _header;
    private readonly int _subject, _flag, _population, _derivation;
    private readonly SubjectLevelTable? _adsl;
    private readonly int _adslPopulation = -1;
    private readonly (int Column, int Adsl)[] _shared = [];
    private readonly int[] _extra = [];

    private AdamRecordSelector(AdamOptions options, string source, IReadOnlyList<string> header, int subject, int flag, int population,
        int derivation, SubjectLevelTable? adsl, int adslPopulation, (int, int)[] shared, int[] extra)
    {
        _options = options;
        _source = source;
        _header = header;
        _subject = subject;
        _flag = flag;
        _population = population;
        _derivation = derivation;
        _adsl = adsl;
        _adslPopulation = adslPopulation;
        _shared = shared;
        _extra = extra;
    }

    /// <summary>Columns of the dataset the selection reads (so they are not reported as unused).</summary>
    public IEnumerable<int> Columns => new[] { _flag, _population, _derivation }.Concat(_shared.Select(s => s.Column)).Where(c => c >= 0);

    /// <summary>ADSL variables that become covariates because the dataset lacks them.</summary>
    public string[] ExtraCovariates => _extra.Select(e => _adsl!.Variables[e]).ToArray();

    /// <summary>Null when the options select nothing (the dataset's DTYPE records are still counted by the caller's notes).</summary>
    public static AdamRecordSelector Create(TabularSource source, IReadOnlyList<string> header, CohortReadOptions options, int subject,
        IEnumerable<int> covariates, List<DataIssue> headerProblems)
    {
        AdamOptions adam = options.Adam;
        int Column(string name, string role)
        {
            int index = ColumnMapping.Find(header, [name]);
            if (index < 0)
                headerProblems.Add(CsvTabularSource.Problem(source.Name, 1, name, null,
                    $"the header has no {role} column {name}; columns are: {string.Join(", ", header)}."));
            return index;
        }
        int flag = adam.AnalysisFlag is { } f ? Column(f, "analysis flag") : -1;
        SubjectLevelTable? adsl = adam.SubjectLevelFile is { } path ? SubjectLevelTable.Read(path, options) : null;
        int population = -1, adslPopulation = -1;
        if (adam.Population is { } p)
        {
            population = ColumnMapping.Find(header, [p]);
            if (population < 0 && adsl is not null) adslPopulation = Array.FindIndex(adsl.Variables, v => v.Equals(p, StringComparison.OrdinalIgnoreCase));
            if (population < 0 && adslPopulation < 0)
                headerProblems.Add(CsvTabularSource.Problem(source.Name, 1, p, null, adsl is null
                    ? $"the header has no population flag column {p}; columns are: {string.Join(", ", header)}. Give the subject-level file (ADSL) that has it."
                    : $"neither the header nor the subject-level file {adsl.Name} has the population flag {p}."));
        }
        int derivation = ColumnMapping.Find(header, [adam.DerivationType]);
        var shared = new List<(int, int)>();
        var extra = new List<int>();
        if (adsl is not null)
        {
            var covariateSet = covariates.ToHashSet();
            for (int a = 0; a < adsl.Variables.Length; a++)
            {
                int column = ColumnMapping.Find(header, [adsl.Variables[a]]);
                if (column >= 0) shared.Add((column, a));
                else extra.Add(a);
            }
        }
        return new AdamRecordSelector(adam, source.Name, header, subject, flag, population, derivation, adsl, adslPopulation, [.. shared], [.. extra]);
    }

    /// <summary>True when <see cref="Keep"/> keeps every record without reading a field or recording anything: no analysis
    /// flag, population, subject-level file or derivation-type column.</summary>
    public bool KeepsEveryRecord => _flag < 0 && _adsl is null && _options.Population is null && _derivation < 0;

    /// <summary>False when the record is set aside (listed in the report) or has a problem (recorded in the builder).</summary>
    public bool Keep(TabularSource source, long line, CohortBuilder builder, Span<string?> extraCovariates)
    {
        // Most records are kept without a word: the subject is spelled out only for a note, a problem or the ADSL look-up.
        string? subjectId = null;
        string Subject() => subjectId ??= source.Field(_subject, out _).Trim().ToString();
        if (_flag >= 0)
        {
            ReadOnlySpan<char> flag = source.Field(_flag, out _).Trim();
            if (!flag.Equals("Y", StringComparison.OrdinalIgnoreCase))
            {
                string value = flag.ToString();
                builder.Note(new DataIssue(DataIssueKind.NotAnalysisRecord, DataIssueSeverity.Excluded, _source, line, _header[_flag], value, Subject(),
                    $"{_header[_flag]} is '{value}', not 'Y': not an analysis record; set aside."));
                return false;
            }
        }
        string?[]? adslValues = null;
        long adslLine = 0;
        if (_adsl is not null && Subject().Length > 0 && !_adsl.TryGet(Subject(), out adslLine, out adslValues))
        {
            builder.Problem(line, _header[_subject], Subject(), $"subject {Subject()} is not in the subject-level file {_adsl.Name}.");
            return false;
        }
        if (_options.Population is { } population)
        {
            string? value = _population >= 0 ? source.Field(_population, out _).Trim().ToString() : adslValues?[_adslPopulation];
            if (!string.Equals(value, "Y", StringComparison.OrdinalIgnoreCase))
            {
                string where = _population >= 0 ? "" : $" in {_adsl!.Name}";
                builder.Note(new DataIssue(DataIssueKind.OutsidePopulation, DataIssueSeverity.Excluded, _source, line,
                    _population >= 0 ? _header[_population] : population, value ?? "", Subject(),
                    $"subject {Subject()} is not in the {population} population ({population} = '{value ?? ""}'{where}); record set aside."));
                return false;
            }
        }
        if (adslValues is not null)
        {
            foreach (var (column, a) in _shared)
            {
                string here = source.Field(column, out bool isNull).Trim().ToString();
                string? there = adslValues[a];
                if (!string.Equals(isNull || here.Length == 0 ? null : here, there, StringComparison.Ordinal))
                {
                    builder.Problem(line, _header[column], here, string.Create(CultureInfo.InvariantCulture,
                        $"subject {Subject()} has {_header[column]} '{here}' here but '{there ?? ""}' in {_adsl!.Name} (line {adslLine}); the datasets disagree."));
                    return false;
                }
            }
            for (int e = 0; e < _extra.Length; e++) extraCovariates[e] = adslValues[_extra[e]];
        }
        if (_derivation >= 0)
        {
            ReadOnlySpan<char> derived = source.Field(_derivation, out _).Trim();
            if (derived.Length > 0)
            {
                string type = derived.ToString();
                builder.Note(new DataIssue(DataIssueKind.DerivedRecord, DataIssueSeverity.Note, _source, line, _header[_derivation], type, Subject(),
                    $"derived record ({_header[_derivation]} = {type}), not an observed one; used for analysis."));
            }
        }
        return true;
    }

    /// <summary>The advice added to a duplicate-visit error when the dataset looks like an ADaM BDS dataset with
    /// derived records or analysis flags and no analysis flag was chosen; empty otherwise.</summary>
    public static string DuplicateHint(IReadOnlyList<string> header, AdamOptions options)
    {
        if (options.AnalysisFlag is not null) return "";
        string[] flags = header.Where(h => AnalysisFlagName().IsMatch(h)).ToArray();
        bool derived = ColumnMapping.Find(header, [options.DerivationType]) >= 0;
        if (flags.Length == 0 && !derived) return "";
        string what = derived && flags.Length > 0 ? $"derived records ({options.DerivationType}) and analysis flags ({string.Join(", ", flags)})"
            : derived ? $"derived records ({options.DerivationType})" : $"analysis flags ({string.Join(", ", flags)})";
        string flag = flags.FirstOrDefault() ?? "ANL01FL";
        return $" This looks like an ADaM BDS dataset with {what}: several records per subject × parameter × visit are expected there; choose the analysis records with an ANLzzFL flag (CLI --analysis-flag {flag}; library AdamOptions.AnalysisFlag = \"{flag}\").";
    }

    [GeneratedRegex("^ANL[0-9]{2}FL$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AnalysisFlagName();
}
