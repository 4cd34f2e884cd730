using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace CohortAnalysis.Privacy;

/// <summary>How many values of one column matched a category's content rule.</summary>
internal readonly record struct ContentHit(int Matches, string Detail);

/// <summary>Which content rules apply to a column (see <see cref="ContentTally"/>).</summary>
/// <param name="Names">The weak person-name rule (off for mapped columns, standard CDISC names, headers that name things).</param>
/// <param name="FreeText">The weak free-text rule (off for mapped columns and standard CDISC names).</param>
/// <param name="WeakCodes">The other weak rules: bare phone numbers, dates with a 2-digit year or without separators, dotted initials.</param>
/// <param name="IpV4">The IPv4 rule (off for headers that name versions).</param>
internal readonly record struct ContentRules(bool Names, bool FreeText, bool WeakCodes, bool IpV4)
{
    public static ContentRules All { get; } = new(true, true, true, true);
    public static ContentRules StrongOnly { get; } = new(false, false, false, true);
}

/// <summary>
/// Content rules and their thresholds, one value at a time (a column of any length streams through in constant
/// memory, bar the distinct-value sets, which are capped or hold only hashes). Strong patterns (specific enough that
/// one hit is a leak) flag on a single match; weak ones need <see cref="WeakShare"/> of the values. A character
/// profile of each value decides which patterns can match at all, so most values (short numbers and codes) skip
/// every regular expression.
/// </summary>
internal sealed class ContentTally
{
    /// <summary>Share of values a weak pattern must match (a column of such values, not a stray one).</summary>
    internal const double WeakShare = 0.5;
    /// <summary>Person names: distinct matching values needed, so a few arm or site labels do not count.</summary>
    internal const int NameMinDistinct = 5;
    /// <summary>Dotted initials: distinct matching values needed.</summary>
    internal const int InitialsMinDistinct = 3;
    /// <summary>Free text: mean length in characters (longer than any ADaM label such as PARAM).</summary>
    internal const double FreeTextMinMeanLength = 30;
    /// <summary>Free text: distinct values with spaces needed, and their share of the values.</summary>
    internal const int FreeTextMinDistinct = 3;
    internal const double FreeTextMinDistinctShare = 0.5;
    /// <summary>Cap on the distinct free-text hashes kept per column (beyond it the share rule counts them as distinct).</summary>
    internal const int DistinctCap = 1 << 20;
    internal const string TimedOutDetail = "pattern check timed out";

    // Words that make two capitalised words a label, not a person (arms, visits, sites, scales, races, places).
    private static readonly HashSet<string> LabelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Placebo", "Arm", "Group", "Cohort", "Week", "Weeks", "Visit", "Day", "Month", "Baseline", "Screening",
        "Follow", "Up", "End", "Early", "Termination", "Unscheduled", "Total", "Score", "Scale", "Rating", "Dose",
        "Treatment", "Control", "Active", "Standard", "Care", "Low", "High", "Site", "Clinic", "Hospital", "Center",
        "Centre", "General", "Medical", "University", "College", "Institute", "Health", "Study", "Trial",
        "Depression", "Pain", "Anxiety", "Mild", "Moderate", "Severe", "Not", "Done", "Male", "Female", "Other",
        "Unknown", "White", "Black", "Asian", "American", "Indian", "Native", "Hispanic", "Latino", "United",
        "States", "Kingdom", "New", "South", "North", "East", "West", "Republic", "Responder", "Remission",
    };

    private readonly ContentRules _rules;
    private int _n, _email, _url, _ip, _ssn, _phoneStrong, _phoneBareWhole, _dateStrong, _dateWeak, _address;
    private int _ageText, _mrn, _names, _initials, _withSpaces;
    private long _totalLength;
    private readonly HashSet<ulong> _distinctSpaced = [];
    private readonly HashSet<string> _distinctNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _distinctInitials = new(StringComparer.Ordinal);
    private readonly HashSet<IdentifierCategory> _timedOut = [];

    internal ContentTally(ContentRules rules) => _rules = rules;

    /// <summary>Categories whose check timed out (and so counted as matched); the column's scan stops at the first.</summary>
    internal IReadOnlyCollection<IdentifierCategory> TimedOut => _timedOut;

    /// <summary>The strong categories a single string (a header) matches; used to withhold value-like headers.</summary>
    public static IReadOnlyCollection<IdentifierCategory> StrongCategories(string text)
    {
        var tally = new ContentTally(ContentRules.StrongOnly);
        tally.Add(text.AsSpan().Trim());
        var categories = new SortedSet<IdentifierCategory>(tally._timedOut);
        if (tally._email > 0) categories.Add(IdentifierCategory.Email);
        if (tally._url > 0) categories.Add(IdentifierCategory.Url);
        if (tally._ip > 0) categories.Add(IdentifierCategory.IpAddress);
        if (tally._ssn > 0) categories.Add(IdentifierCategory.SocialSecurityNumber);
        if (tally._phoneStrong + tally._phoneBareWhole > 0) categories.Add(IdentifierCategory.Phone);
        if (tally._dateStrong + tally._dateWeak > 0) categories.Add(IdentifierCategory.Date);
        if (tally._address > 0) categories.Add(IdentifierCategory.Address);
        if (tally._ageText > 0) categories.Add(IdentifierCategory.Age);
        if (tally._mrn > 0) categories.Add(IdentifierCategory.MedicalRecordNumber);
        return categories;
    }

    /// <summary>Sum of every count a value can move besides the number of values and their length: unchanged by a
    /// value that matched nothing.</summary>
    internal long Evidence => _email + _url + _ip + _ssn + _phoneStrong + _phoneBareWhole + _dateStrong + _dateWeak + _address
        + _ageText + _mrn + _names + _initials + _withSpaces + _timedOut.Count;

    /// <summary>Counts a value known to match nothing (one seen before whose <see cref="Add"/> left
    /// <see cref="Evidence"/> unchanged): only the number of values and their length move, as <see cref="Add"/> would.</summary>
    public void AddInert(int length)
    {
        _n++;
        _totalLength += length;
    }

    /// <summary><see cref="AddInert(int)"/> for <paramref name="count"/> values of that length.</summary>
    public void AddInert(int length, int count)
    {
        _n += count;
        _totalLength += (long)length * count;
    }

    /// <summary>Counts one non-missing, trimmed value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> v)
    {
        _n++;
        _totalLength += v.Length;

        // One pass over the characters decides which patterns can match.
        int digits = 0, letters = 0, run = 0, maxRun = 0;
        bool space = false, at = false, dot = false, colon = false, slash = false, dash = false, paren = false, plus = false;
        bool ageRun = false, numberThenSpace = false;   // a run 90–149 (an age over 89); digits then a space (12 Main St)
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
                if (++run > maxRun) maxRun = run;
                continue;
            }
            if (run is 2 or 3) ageRun |= AgeRun(v.Slice(i - run, run));
            if (run > 0 && (c == ' ' || (i + 1 < v.Length && v[i + 1] == ' ' && char.IsAsciiLetter(c)))) numberThenSpace = true;
            run = 0;
            if (char.IsLetter(c)) letters++;
            else if (c == ' ') space = true;
            else if (c == '@') at = true;
            else if (c == '.') dot = true;
            else if (c == ':') colon = true;
            else if (c == '/') slash = true;
            else if (c == '-') dash = true;
            else if (c is '(' or ')') paren = true;
            else if (c == '+') plus = true;
        }
        if (run is 2 or 3) ageRun |= AgeRun(v[^run..]);
        if (space && _rules.FreeText) CountSpaced(v);

        if (at && Hit(ContentPatterns.Email(), v, IdentifierCategory.Email)) _email++;
        if ((colon || dot) && letters > 0 && (v.Contains("://", StringComparison.Ordinal) || v.Contains("www.", StringComparison.OrdinalIgnoreCase))
            && Hit(ContentPatterns.Url(), v, IdentifierCategory.Url)) _url++;
        if ((_rules.IpV4 && dot && digits >= 4 && Hit(ContentPatterns.IpV4(), v, IdentifierCategory.IpAddress)) || (colon && IsIpV6(v))) _ip++;
        if (digits == 0)
        {
            CountName(v, dot);   // the remaining patterns all need digits
            return;
        }
        if (digits >= 9 && (dash || space) && Hit(ContentPatterns.Ssn(), v, IdentifierCategory.SocialSecurityNumber)) _ssn++;
        if (digits >= 7) CountPhone(v, digits, paren || plus);
        CountDate(v, digits, letters, maxRun, dash || slash || dot);
        if (space && letters >= 4 && (numberThenSpace || v.Contains("BOX", StringComparison.OrdinalIgnoreCase))
            && Hit(ContentPatterns.StreetAddress(), v, IdentifierCategory.Address)) _address++;
        if (ageRun && letters > 0 && SaysAge(v) && Hit(ContentPatterns.AgeText(), v, IdentifierCategory.Age)) _ageText++;
        if (letters > 0 && maxRun >= 5 && (v[0] is 'M' or 'm' || space || dash)
            && Hit(ContentPatterns.MedicalRecordNumber(), v, IdentifierCategory.MedicalRecordNumber)) _mrn++;
    }

    // 90–99 or 100–149: the numbers AgeText looks for.
    private static bool AgeRun(ReadOnlySpan<char> run) =>
        run.Length == 2 ? run[0] == '9' : run[0] == '1' && run[1] is >= '0' and <= '4';

    private void CountDate(ReadOnlySpan<char> v, int digits, int letters, int maxRun, bool separator)
    {
        bool strong = false;
        if (separator && maxRun >= 4 && digits >= 6)
            strong = Hit(ContentPatterns.DateYearFirst(), v, IdentifierCategory.Date) || Hit(ContentPatterns.DateYearLast(), v, IdentifierCategory.Date);
        if (!strong && letters >= 3 && digits >= 3 && NamesAMonth(v))
            strong = Hit(ContentPatterns.DateMonthName(), v, IdentifierCategory.Date) || Hit(ContentPatterns.DateMonthFirst(), v, IdentifierCategory.Date);
        if (strong) { _dateStrong++; return; }
        if (!_rules.WeakCodes) return;
        if ((v.Contains('/') && Hit(ContentPatterns.DateShortYear(), v, IdentifierCategory.Date))
            || (maxRun >= 8 && Hit(ContentPatterns.DateCompact(), v, IdentifierCategory.Date))) _dateWeak++;
    }

    // Both month-name patterns need a month's first three letters (JAN … DEC, any case); most codes with letters and
    // digits (DEMO-101-001, Week 12) have none, and skip both regular expressions.
    // The age pattern needs a unit starting with Y (years, yrs, y.o.) or the word AGE; subject codes such as
    // DEMO-101-001 (101 looks like an age) have neither. Non-ASCII text keeps the check, as below.
    private static bool SaysAge(ReadOnlySpan<char> v) =>
        v.ContainsAnyExceptInRange('\0', '\u007F') || v.IndexOfAny('y', 'Y') >= 0 || v.Contains("AGE", StringComparison.OrdinalIgnoreCase);

    // Non-ASCII text keeps both checks: case-insensitive matching has non-ASCII equivalents of some letters.
    private static bool NamesAMonth(ReadOnlySpan<char> v)
    {
        if (v.ContainsAnyExceptInRange('\0', '\u007F')) return true;
        for (int i = 0; i + 3 <= v.Length; i++)
        {
            if (!char.IsAsciiLetter(v[i]) || !char.IsAsciiLetter(v[i + 1]) || !char.IsAsciiLetter(v[i + 2])) continue;
            int key = (char.ToUpperInvariant(v[i]) << 16) | (char.ToUpperInvariant(v[i + 1]) << 8) | char.ToUpperInvariant(v[i + 2]);
            if (Array.IndexOf(MonthKeys, key) >= 0) return true;
        }
        return false;
    }

    private static readonly int[] MonthKeys = new[] { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" }
        .Select(m => (m[0] << 16) | (m[1] << 8) | m[2]).ToArray();

    private void CountPhone(ReadOnlySpan<char> v, int digits, bool formatted)
    {
        if (formatted && FormattedPhone(v))
        {
            _phoneStrong++;
            return;
        }
        if (!_rules.WeakCodes) return;   // subject codes such as 212-301-0001 look like bare NANP numbers
        if (digits is 10 or 11 && digits == v.Length - (v[0] == '+' ? 1 : 0))
        {
            if (Hit(ContentPatterns.PhoneDigits(), v, IdentifierCategory.Phone)) _phoneBareWhole++;
            return;
        }
        try
        {
            // Inside longer text a 3-3-4 number is a phone number; as a whole value it may be a code, so it is weak.
            if (PatternMatch.FirstLength(ContentPatterns.PhoneBare(), v) is not { } length) return;
            if (length == v.Length) _phoneBareWhole++;
            else _phoneStrong++;
        }
        catch (RegexMatchTimeoutException)
        {
            _timedOut.Add(IdentifierCategory.Phone);
            _phoneStrong++;
        }
    }

    private bool FormattedPhone(ReadOnlySpan<char> v)
    {
        // Each candidate must have 8–15 digits (E.164) unless it starts with an area code in parentheses.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                foreach (ValueMatch m in ContentPatterns.PhoneFormatted().EnumerateMatches(v))
                {
                    ReadOnlySpan<char> match = v.Slice(m.Index, m.Length);
                    int digits = 0;
                    foreach (char c in match) if (char.IsAsciiDigit(c)) digits++;
                    if (match[0] == '(' || digits is >= 8 and <= 15) return true;
                }
                return false;
            }
            catch (RegexMatchTimeoutException) when (attempt == 0)
            {
            }
            catch (RegexMatchTimeoutException)
            {
                _timedOut.Add(IdentifierCategory.Phone);
                return true;
            }
        }
    }

    private void CountName(ReadOnlySpan<char> v, bool dot)
    {
        if (_rules.WeakCodes && dot && v.Length <= 8 && Hit(ContentPatterns.Initials(), v, IdentifierCategory.Name))
        {
            _initials++;
            if (_distinctInitials.Count < InitialsMinDistinct) _distinctInitials.Add(v.ToString());
            return;
        }
        if (!_rules.Names || v.Length > 60 || !char.IsUpper(v[0]) || !Hit(ContentPatterns.PersonName(), v, IdentifierCategory.Name)) return;
        if (_timedOut.Contains(IdentifierCategory.Name)) { _names++; return; }
        string text = v.ToString();   // rare: only values shaped like two or three capitalised words get here
        foreach (string word in text.Split([' ', ',', '-', '.', '\''], StringSplitOptions.RemoveEmptyEntries))
            if (LabelWords.Contains(word)) return;
        _names++;
        if (_distinctNames.Count < NameMinDistinct) _distinctNames.Add(text);
    }

    private void CountSpaced(ReadOnlySpan<char> v)
    {
        _withSpaces++;
        if (_distinctSpaced.Count >= DistinctCap) return;
        // FNV-1a (64-bit): deterministic, and a column of comments needs no copy of its text.
        ulong hash = 14695981039346656037UL;
        foreach (char c in v)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        _distinctSpaced.Add(hash);
    }

    private static bool IsIpV6(ReadOnlySpan<char> v)
    {
        // Whole values only; "::" or 8 groups, so times (10:30:00) and ratios are not candidates.
        if (v.Length is < 3 or > 45) return false;
        int colons = v.Count(':');
        if (colons < 2 || !(colons == 7 || v.Contains("::", StringComparison.Ordinal))) return false;
        foreach (char c in v)
            if (!(char.IsAsciiHexDigit(c) || c is ':' or '.')) return false;
        return IPAddress.TryParse(v, out IPAddress? address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    internal bool Hit(Regex pattern, ReadOnlySpan<char> v, IdentifierCategory category)
    {
        if (PatternMatch.IsMatch(pattern, v) is { } matched) return matched;
        _timedOut.Add(category);   // fail closed: an unreadable value is treated as a match
        return true;
    }

    private bool Weak(int matches) => _n > 0 && matches >= WeakShare * _n;

    /// <summary>The categories the values so far flag, with match counts.</summary>
    public Dictionary<IdentifierCategory, ContentHit> Verdicts()
    {
        var hits = new Dictionary<IdentifierCategory, ContentHit>();
        void Flag(IdentifierCategory category, bool flagged, int matches, string detail = "")
        {
            if (_timedOut.Contains(category)) hits[category] = new ContentHit(Math.Max(matches, 1), TimedOutDetail);
            else if (flagged) hits[category] = new ContentHit(matches, detail);
        }

        Flag(IdentifierCategory.Email, _email > 0, _email);
        Flag(IdentifierCategory.Url, _url > 0, _url);
        Flag(IdentifierCategory.IpAddress, _ip > 0, _ip);
        Flag(IdentifierCategory.SocialSecurityNumber, _ssn > 0, _ssn);
        Flag(IdentifierCategory.Phone, _phoneStrong > 0 || Weak(_phoneBareWhole), _phoneStrong + _phoneBareWhole);
        Flag(IdentifierCategory.Date, _dateStrong > 0 || Weak(_dateWeak), _dateStrong + _dateWeak);
        Flag(IdentifierCategory.Address, _address > 0, _address);
        Flag(IdentifierCategory.Age, _ageText > 0, _ageText, "written as text");
        Flag(IdentifierCategory.MedicalRecordNumber, _mrn > 0, _mrn);
        bool initials = Weak(_initials) && _distinctInitials.Count >= InitialsMinDistinct;
        bool names = _rules.Names && Weak(_names) && _distinctNames.Count >= NameMinDistinct;
        Flag(IdentifierCategory.Name, initials || names, initials ? _initials : _names, initials ? "initials" : "");
        bool freeText = _rules.FreeText && _n > 0
            && (double)_totalLength / _n >= FreeTextMinMeanLength
            && Weak(_withSpaces)
            && _distinctSpaced.Count >= FreeTextMinDistinct
            && _distinctSpaced.Count >= FreeTextMinDistinctShare * _n;
        Flag(IdentifierCategory.FreeText, freeText, freeText ? _withSpaces : 0);
        return hits;
    }
}
