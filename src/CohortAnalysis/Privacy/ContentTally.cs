using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CohortAnalysis.Privacy;

/// <summary>How many sampled values of one column matched a category's content rule.</summary>
internal readonly record struct ContentHit(int Matches, string Detail);

/// <summary>
/// Content rules and their thresholds. Strong patterns (specific enough that one hit is a leak) flag on a
/// single match; weak ones need <see cref="WeakShare"/> of the sample and are skipped for mapped columns.
/// </summary>
internal sealed class ContentTally
{
    /// <summary>Share of sampled values a weak pattern must match (a column of such values, not a stray one).</summary>
    internal const double WeakShare = 0.5;
    /// <summary>Person names: distinct matching values needed, so a few arm or site labels do not count.</summary>
    internal const int NameMinDistinct = 5;
    /// <summary>Free text: mean length in characters (longer than any ADaM label such as PARAM).</summary>
    internal const double FreeTextMinMeanLength = 30;
    /// <summary>Free text: distinct values needed, and their share of the sample.</summary>
    internal const int FreeTextMinDistinct = 3;
    internal const double FreeTextMinDistinctShare = 0.5;
    internal const string TimedOutDetail = "pattern check timed out";

    // Words that make two capitalised words a label, not a person (arms, visits, sites, scales, races).
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

    private readonly bool _mapped;
    private int _n, _email, _url, _ip, _ssn, _phoneStrong, _phoneBareWhole, _dateStrong, _dateShort, _address;
    private int _names, _withSpaces;
    private long _totalLength;
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private readonly HashSet<string> _distinctNames = new(StringComparer.Ordinal);
    private readonly HashSet<IdentifierCategory> _timedOut = [];

    internal ContentTally(bool mapped) => _mapped = mapped;

    /// <summary>Categories whose check timed out (and so counted as matched).</summary>
    internal IReadOnlyCollection<IdentifierCategory> TimedOut => _timedOut;

    /// <summary>Counts pattern matches over a sample; stops at the first regex timeout (failing closed).</summary>
    public static Dictionary<IdentifierCategory, ContentHit> Count(IReadOnlyList<string> sample, bool mapped)
    {
        var tally = new ContentTally(mapped);
        foreach (string value in sample)
        {
            tally.Add(value);
            if (tally._timedOut.Count > 0) break;
        }
        return tally.Verdicts();
    }

    /// <summary>The strong categories a single string (a header) matches; used to withhold value-like headers.</summary>
    public static IReadOnlyCollection<IdentifierCategory> StrongCategories(string text)
    {
        var tally = new ContentTally(mapped: false);
        tally.Add(text.Trim());
        var categories = new SortedSet<IdentifierCategory>(tally._timedOut);
        if (tally._email > 0) categories.Add(IdentifierCategory.Email);
        if (tally._url > 0) categories.Add(IdentifierCategory.Url);
        if (tally._ip > 0) categories.Add(IdentifierCategory.IpAddress);
        if (tally._ssn > 0) categories.Add(IdentifierCategory.SocialSecurityNumber);
        if (tally._phoneStrong + tally._phoneBareWhole > 0) categories.Add(IdentifierCategory.Phone);
        if (tally._dateStrong + tally._dateShort > 0) categories.Add(IdentifierCategory.Date);
        if (tally._address > 0) categories.Add(IdentifierCategory.Address);
        return categories;
    }

    private void Add(string v)
    {
        _n++;
        _totalLength += v.Length;
        _distinct.Add(v);
        if (v.Contains(' ')) _withSpaces++;

        // Cheap prefilters first: most score values are short numbers or codes and skip every regex.
        if (v.Contains('@') && Hit(ContentPatterns.Email(), v, IdentifierCategory.Email)) _email++;
        if ((v.Contains("://", StringComparison.Ordinal) || v.Contains("www.", StringComparison.OrdinalIgnoreCase))
            && Hit(ContentPatterns.Url(), v, IdentifierCategory.Url)) _url++;
        if ((v.Contains('.') && Hit(ContentPatterns.IpV4(), v, IdentifierCategory.IpAddress)) || IsIpV6(v)) _ip++;
        if (!v.Any(char.IsAsciiDigit))
        {
            CountName(v);   // the remaining patterns all need digits
            return;
        }
        if ((v.Contains('-') || v.Contains(' ')) && Hit(ContentPatterns.Ssn(), v, IdentifierCategory.SocialSecurityNumber)) _ssn++;
        CountPhone(v);
        if (Hit(ContentPatterns.DateYearFirst(), v, IdentifierCategory.Date)
            || Hit(ContentPatterns.DateYearLast(), v, IdentifierCategory.Date)
            || Hit(ContentPatterns.DateMonthName(), v, IdentifierCategory.Date)
            || Hit(ContentPatterns.DateMonthFirst(), v, IdentifierCategory.Date)) _dateStrong++;
        else if (v.Contains('/') && Hit(ContentPatterns.DateShortYear(), v, IdentifierCategory.Date)) _dateShort++;
        if (v.Contains(' ') && Hit(ContentPatterns.StreetAddress(), v, IdentifierCategory.Address)) _address++;
    }

    private void CountPhone(string v)
    {
        if ((v.Contains('(') || v.Contains('+')) && FormattedPhone(v))
        {
            _phoneStrong++;
            return;
        }
        if (_mapped) return;   // subject codes such as 212-301-0001 look like bare NANP numbers
        Match bare = Find(ContentPatterns.PhoneBare(), v, IdentifierCategory.Phone);
        if (!bare.Success) return;
        // Inside longer text a 3-3-4 number is a phone number; as a whole value it may be a code, so it is weak.
        if (bare.Length == v.Length) _phoneBareWhole++;
        else _phoneStrong++;
    }

    private bool FormattedPhone(string v)
    {
        Match m = Find(ContentPatterns.PhoneFormatted(), v, IdentifierCategory.Phone);
        for (; m.Success; m = NextOrTimeout(m, IdentifierCategory.Phone))
        {
            int digits = m.Value.Count(char.IsAsciiDigit);
            if (m.Value.StartsWith('(') || digits is >= 8 and <= 15) return true;
        }
        return _timedOut.Contains(IdentifierCategory.Phone);
    }

    private void CountName(string v)
    {
        if (_mapped || v.Length > 60 || !Hit(ContentPatterns.PersonName(), v, IdentifierCategory.Name)) return;
        if (_timedOut.Contains(IdentifierCategory.Name)) { _names++; return; }
        foreach (string word in v.Split([' ', ',', '-', '.', '\''], StringSplitOptions.RemoveEmptyEntries))
            if (LabelWords.Contains(word)) return;
        _names++;
        _distinctNames.Add(v);
    }

    private static bool IsIpV6(string v)
    {
        // Whole values only; "::" or 8 groups, so times (10:30:00) and ratios are not candidates.
        if (v.Length is < 3 or > 45) return false;
        int colons = v.Count(c => c == ':');
        if (colons < 2 || !(colons == 7 || v.Contains("::", StringComparison.Ordinal))) return false;
        if (!v.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')) return false;
        return IPAddress.TryParse(v, out IPAddress? address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    internal bool Hit(Regex pattern, string v, IdentifierCategory category) => Find(pattern, v, category).Success || _timedOut.Contains(category);

    private Match Find(Regex pattern, string v, IdentifierCategory category)
    {
        try
        {
            return pattern.Match(v);
        }
        catch (RegexMatchTimeoutException)
        {
            _timedOut.Add(category);   // fail closed: an unreadable value is treated as a match
            return Match.Empty;
        }
    }

    private Match NextOrTimeout(Match m, IdentifierCategory category)
    {
        try
        {
            return m.NextMatch();
        }
        catch (RegexMatchTimeoutException)
        {
            _timedOut.Add(category);
            return Match.Empty;
        }
    }

    private bool Weak(int matches) => _n > 0 && matches >= WeakShare * _n;

    private Dictionary<IdentifierCategory, ContentHit> Verdicts()
    {
        var hits = new Dictionary<IdentifierCategory, ContentHit>();
        void Flag(IdentifierCategory category, bool flagged, int matches)
        {
            if (_timedOut.Contains(category)) hits[category] = new ContentHit(Math.Max(matches, 1), TimedOutDetail);
            else if (flagged) hits[category] = new ContentHit(matches, "");
        }

        Flag(IdentifierCategory.Email, _email > 0, _email);
        Flag(IdentifierCategory.Url, _url > 0, _url);
        Flag(IdentifierCategory.IpAddress, _ip > 0, _ip);
        Flag(IdentifierCategory.SocialSecurityNumber, _ssn > 0, _ssn);
        Flag(IdentifierCategory.Phone, _phoneStrong > 0 || Weak(_phoneBareWhole), _phoneStrong + _phoneBareWhole);
        Flag(IdentifierCategory.Date, _dateStrong > 0 || Weak(_dateShort), _dateStrong + _dateShort);
        Flag(IdentifierCategory.Address, _address > 0, _address);
        Flag(IdentifierCategory.Name, !_mapped && Weak(_names) && _distinctNames.Count >= NameMinDistinct, _names);
        bool freeText = !_mapped && _n > 0
            && (double)_totalLength / _n >= FreeTextMinMeanLength
            && Weak(_withSpaces)
            && _distinct.Count >= FreeTextMinDistinct
            && _distinct.Count >= FreeTextMinDistinctShare * _n;
        Flag(IdentifierCategory.FreeText, freeText, freeText ? _withSpaces : 0);
        return hits;
    }
}
