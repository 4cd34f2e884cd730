using System.Globalization;
using System.Runtime.CompilerServices;

namespace CohortAnalysis.Privacy;

/// <summary>
/// The guard's view of one column, fed one value at a time: the header rules (CDISC standard names first, then
/// <see cref="ColumnNameRules"/>), the content rules (<see cref="ContentTally"/>), and the value checks a header
/// asks for (ages over 89 in an age column, ZIP digits in a ZIP column, more than a year in a date column).
/// </summary>
internal sealed class ColumnScan
{
    /// <summary>
    /// ZIP3 areas of 20,000 people or fewer (2000 Census), which Safe Harbor requires to be written as 000;
    /// listed in HHS OCR (2012) de-identification guidance.
    /// </summary>
    internal static readonly IReadOnlySet<string> RestrictedZip3 = new HashSet<string>(StringComparer.Ordinal)
    {
        "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893",
    };

    /// <summary>Safe Harbor: ages over 89 must be aggregated into one category of 90 or older.</summary>
    internal const double AgeLimit = 90;

    private readonly int _index;
    private readonly string _column;
    private readonly NameMatch? _name;
    private readonly IReadOnlyCollection<IdentifierCategory> _headerHits;
    private readonly ContentTally _tally;
    private readonly int _limit;
    private int _given, _present;
    private int _agesOver, _zipFull, _zipRestricted, _zipOther, _dateLike, _withDigits;

    /// <param name="index">Zero-based column position.</param>
    /// <param name="header">The header as given.</param>
    /// <param name="mapped">The reader maps the column to an analysis role (weak content rules off).</param>
    /// <param name="limit">At most this many non-missing values are examined.</param>
    public ColumnScan(int index, string header, bool mapped, int limit)
    {
        _index = index;
        _limit = limit;
        // A headerless file's first data row becomes the header: never echo a header that looks like a value.
        _headerHits = ContentTally.StrongCategories(header);
        _column = _headerHits.Count > 0 ? IdentifierFinding.WithheldColumn(index) : header;
        StandardVariableKind? standard = CdiscVariables.Classify(header);
        _name = standard is { } kind ? StandardName(kind) : ColumnNameRules.Match(header);
        bool openText = standard is null or StandardVariableKind.Comment or StandardVariableKind.OpenText;
        bool ipV4 = !ColumnNameRules.NamesVersions(header);
        _tally = new ContentTally(mapped || !openText
            ? ContentRules.StrongOnly with { IpV4 = ipV4 }
            : new ContentRules(Names: standard is not null || !ColumnNameRules.NamesThings(header), FreeText: true, WeakCodes: true, IpV4: ipV4));
    }

    private static NameMatch? StandardName(StandardVariableKind kind) => kind switch
    {
        StandardVariableKind.Date => new NameMatch(IdentifierCategory.Date, ""),
        StandardVariableKind.BirthDate => new NameMatch(IdentifierCategory.Date, "birth date"),
        StandardVariableKind.DeathDate => new NameMatch(IdentifierCategory.Date, "death date"),
        StandardVariableKind.Age => new NameMatch(IdentifierCategory.Age, ""),
        StandardVariableKind.Comment => new NameMatch(IdentifierCategory.FreeText, ""),
        _ => null,
    };

    /// <summary>Counts one raw value (untrimmed; <paramref name="isNull"/> for a typed null). Missing values
    /// (empty, white space, NA, N/A, ".", NULL, NaN) count only towards "the column has rows".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> raw, bool isNull = false) => AddValue(raw, isNull, remember: true);

    // Add; remember: keep a value that matches nothing in the memo of such values (a value counted by its code need not
    // be: the code's outcome is remembered instead, and the memo would only cost a copy of each new code's text).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddValue(ReadOnlySpan<char> raw, bool isNull, bool remember)
    {
        _previous = Outcome.Examined;
        _given++;
        if (isNull || _present >= _limit) return;
        ReadOnlySpan<char> v = ColumnValue.Prepare(raw);
        if (ColumnValue.IsMissing(v))
        {
            _previous = Outcome.Missing;
            return;
        }
        _present++;
        bool inert = _tally.TimedOut.Count == 0 && Tally(v, remember);   // a timeout flags the column; later values add nothing
        if (_name is not { } named)
        {
            if (inert) (_previous, _previousLength) = (Outcome.Inert, v.Length);
            return;
        }
        switch (named.Category)
        {
            case IdentifierCategory.Age:
                if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double age) && age >= AgeLimit) _agesOver++;
                break;
            case IdentifierCategory.ZipCode:
                // A pattern that times out twice counts as the identifying outcome (fail closed).
                if (PatternMatch.IsMatch(ContentPatterns.Zip3(), v) is true) { if (RestrictedZip3.Contains(v[..3].ToString())) _zipRestricted++; }
                else if (PatternMatch.IsMatch(ContentPatterns.Zip5(), v) is not false) _zipFull++;
                else _zipOther++;
                break;
            case IdentifierCategory.Date:
                // A date column holding only years (or no digits at all: "UNKNOWN", flags) keeps no more than the year.
                if (v.ContainsAny(Digits) && PatternMatch.IsMatch(ContentPatterns.YearOnly(), v) is not true) _dateLike++;
                break;
            default:
                if (v.ContainsAny(Digits)) _withDigits++;
                break;
        }
    }

    /// <summary>Counts the same raw value as the one counted just before (the previous row's, in this column): as
    /// <see cref="Add"/> would, without examining it again when it was missing or matched nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRepeat(ReadOnlySpan<char> raw)
    {
        switch (_previous)
        {
            case Outcome.Missing:
                _given++;
                return;
            case Outcome.Inert:
                _given++;
                if (_present >= _limit) return;
                _present++;
                if (_tally.TimedOut.Count == 0) _tally.AddInert(_previousLength);
                return;
            default:
                Add(raw);
                return;
        }
    }

    /// <summary>Counts a raw value its source shares under <paramref name="code"/> (one code, one text): as
    /// <see cref="Add"/> would, without examining it again when a value of that code was missing or matched nothing
    /// (the outcome <see cref="AddRepeat"/> reuses for the previous row's value, remembered here for every code).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddShared(string raw, int code)
    {
        int known = _byCode.Find(code);
        if (known != Unknown)
        {
            if (known == MissingCode) _previous = Outcome.Missing;
            else (_previous, _previousLength) = (Outcome.Inert, known - 1);
            AddRepeat(raw);
            return;
        }
        AddValue(raw, isNull: false, remember: (uint)code >= CodeTable<int>.Limit);
        if (_previous == Outcome.Missing) _byCode.Set(code, MissingCode);
        else if (_previous == Outcome.Inert) _byCode.Set(code, _previousLength + 1);
    }

    /// <summary>Counts a run of rows whose values its source holds as codes: row <c>r</c> holds
    /// <paramref name="texts"/>[<paramref name="codes"/>[r]], shared under code <paramref name="codeBase"/> + that index
    /// (−1 for a typed null). The same counts as <see cref="AddShared"/> (<see cref="Add"/> for a null) row by row: a value
    /// examined for the first time, or one that matched a rule, is added in its row's turn; the rows of a code already
    /// known to be missing or to match nothing are counted together, as they would be one by one (only the number of
    /// values and their length move, and those are added before any value is next examined, so a rule that times out
    /// stops the counts at the same row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddCoded(ReadOnlySpan<int> codes, ReadOnlySpan<string> texts, int codeBase)
    {
        if ((long)_present + codes.Length > _limit)
        {
            // The sample limit may fall within the run: row by row.
            foreach (int code in codes)
                if (code < 0) Add([], isNull: true);
                else AddShared(texts[code], codeBase + code);
            return;
        }
        if (_runState.Length < texts.Length)
        {
            _runState = new int[Math.Max(texts.Length, 2 * _runState.Length)];
            _runCount = new int[_runState.Length];
            _runTouched = new int[_runState.Length];
        }
        Span<int> state = _runState.AsSpan(0, texts.Length);
        state.Clear();
        int[] count = _runCount;
        int nulls = 0, last = -1;
        foreach (int code in codes)
        {
            last = code;
            if (code < 0)
            {
                nulls++;
                continue;
            }
            int known = state[code];
            if (known == Unknown) state[code] = known = _byCode.Find(codeBase + code) is var k && k != Unknown ? k : Examined;
            if (known == Examined)
            {
                // Examined in its turn, with every earlier row counted first.
                CountRun(state);
                AddShared(texts[code], codeBase + code);
                if (_byCode.Find(codeBase + code) is var outcome && outcome != Unknown) state[code] = outcome;
                continue;
            }
            if (count[code]++ == 0) _runTouched[_touched++] = code;
        }
        CountRun(state);
        _given += nulls;
        if (last < 0) _previous = Outcome.Examined;
        else if (state[last] == MissingCode) _previous = Outcome.Missing;
        else if (state[last] != Examined) (_previous, _previousLength) = (Outcome.Inert, state[last] - 1);
    }

    // Adds the rows AddCoded has counted for codes known to be missing or to match nothing, and clears the counts.
    private void CountRun(ReadOnlySpan<int> state)
    {
        for (int t = 0; t < _touched; t++)
        {
            int code = _runTouched[t], n = _runCount[code];
            _runCount[code] = 0;
            _given += n;
            if (state[code] == MissingCode) continue;
            _present += n;
            if (_tally.TimedOut.Count == 0) _tally.AddInert(state[code] - 1, n);
        }
        _touched = 0;
    }

    // AddCoded's working space, per code of a run: what is known of it (Unknown, MissingCode, 1 + length, or Examined),
    // rows counted and not yet added, and the codes with such rows.
    private int[] _runState = [], _runCount = [], _runTouched = [];
    private int _touched;
    private const int Examined = int.MinValue;

    // Per code (AddShared): Unknown, MissingCode, or 1 + the prepared length of a value that matched nothing. Codes past
    // CodeTable.Limit are examined each time.
    private readonly CodeTable<int> _byCode = new();
    private const int Unknown = 0;
    private const int MissingCode = -1;

    // What the last value counted came to, so that the same value again (AddRepeat) costs nothing to count.
    private enum Outcome { Examined, Missing, Inert }

    private Outcome _previous;
    private int _previousLength;

    // Codes repeat (a subject on every visit row, an arm on every row): a value whose first count matched nothing
    // matches nothing again, so it is counted without re-running the rules. Values that matched are always re-run.
    // True when the value matched nothing.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Tally(ReadOnlySpan<char> v, bool remember)
    {
        if (remember && _inert.Contains(v))
        {
            _tally.AddInert(v.Length);
            return true;
        }
        long before = _tally.Evidence;
        _tally.Add(v);
        if (_tally.Evidence != before) return false;
        if (remember && _inert.Count < InertMemoLimit) _inert.Intern(v);
        return true;
    }

    /// <summary>Distinct values remembered per column as matching nothing; past this, new values are examined each time.</summary>
    internal const int InertMemoLimit = 1 << 20;

    private readonly InternedCodes _inert = new();

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>The findings for the values counted so far, one per category.</summary>
    public IEnumerable<IdentifierFinding> Findings()
    {
        Dictionary<IdentifierCategory, ContentHit> content = _tally.Verdicts();
        var findings = new SortedDictionary<IdentifierCategory, IdentifierFinding>();
        const IdentifierEvidence both = IdentifierEvidence.ColumnName | IdentifierEvidence.Content;

        IdentifierFinding Make(IdentifierCategory category, IdentifierEvidence evidence, string detail, int matches) =>
            new(_index, _column, category, evidence, detail, matches, _present);

        if (_name is { } named)
        {
            bool noValues = _given == 0;      // checked by name only
            bool holdsNothing = _given > 0 && _present == 0;
            ContentHit hit = content.TryGetValue(named.Category, out ContentHit found) ? found : new ContentHit(0, "");
            IdentifierFinding? finding = named.Category switch
            {
                IdentifierCategory.ZipCode when noValues => Make(named.Category, IdentifierEvidence.ColumnName, "no values to check", 0),
                IdentifierCategory.ZipCode => ZipFinding(Make),
                IdentifierCategory.Age when _agesOver + hit.Matches > 0 => Make(named.Category, both, hit.Detail, _agesOver + hit.Matches),
                IdentifierCategory.Age => null,
                _ when holdsNothing => null,
                IdentifierCategory.Date when !noValues && _dateLike == 0 && hit.Matches == 0 => null,
                IdentifierCategory.SocialSecurityNumber or IdentifierCategory.MedicalRecordNumber or IdentifierCategory.HealthPlanNumber
                    or IdentifierCategory.AccountNumber or IdentifierCategory.CertificateOrLicenseNumber
                    or IdentifierCategory.VehicleOrDeviceIdentifier or IdentifierCategory.Phone or IdentifierCategory.Fax
                    when !noValues && _withDigits == 0 && hit.Matches == 0 => null,   // "Private", "None": not a number
                _ => hit.Matches > 0
                    ? Make(named.Category, both, hit.Detail.Length > 0 ? hit.Detail : named.Detail, hit.Matches)
                    : Make(named.Category, IdentifierEvidence.ColumnName, named.Detail, 0),
            };
            if (finding is not null) findings[finding.Category] = finding;
        }

        foreach (var (category, hit) in content)
            if (!findings.ContainsKey(category))
                findings[category] = Make(category, IdentifierEvidence.Content, hit.Detail, hit.Matches);

        foreach (IdentifierCategory category in _headerHits)
            if (!findings.ContainsKey(category))
                findings[category] = Make(category, IdentifierEvidence.Content, "header row looks like data", 0);

        return findings.Values;
    }

    private IdentifierFinding? ZipFinding(Func<IdentifierCategory, IdentifierEvidence, string, int, IdentifierFinding> make)
    {
        const IdentifierCategory zip = IdentifierCategory.ZipCode;
        const IdentifierEvidence both = IdentifierEvidence.ColumnName | IdentifierEvidence.Content;
        if (_zipFull > 0) return make(zip, both, "5-digit or ZIP+4", _zipFull);
        if (_zipRestricted > 0) return make(zip, both, "ZIP3 of an area with 20,000 people or fewer", _zipRestricted);
        if (_zipOther > 0) return make(zip, both, "not a 3-digit ZIP", _zipOther);
        return null;
    }
}
