using System.Text.RegularExpressions;

namespace CohortAnalysis.Privacy;

/// <summary>
/// Value patterns, source-generated (no run-time compilation), culture-invariant, with a match timeout so a
/// hostile value cannot hang a reader. Lookbehinds anchor each match at a token start, which keeps the
/// backtracking engine linear on long runs of letters or digits. [0-9] rather than \d: \d matches any
/// Unicode digit.
/// </summary>
internal static partial class ContentPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const RegexOptions OptionsIgnoreCase = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    internal const int TimeoutMs = 250;

    private const string Months =
        "JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?";

    [GeneratedRegex(@"(?<![A-Z0-9._%+-])[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}(?![A-Z0-9-])", OptionsIgnoreCase, TimeoutMs)]
    internal static partial Regex Email();

    [GeneratedRegex(@"(?<![A-Z0-9])(?:https?|ftp)://[^\s/?#]+|(?<![A-Z0-9.])www\.[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}(?![A-Z0-9-])", OptionsIgnoreCase, TimeoutMs)]
    internal static partial Regex Url();

    // Not after "v", "ver", "version", "build" or "release": v1.2.3.4 and "version 10.0.19041.1" are versions.
    [GeneratedRegex(@"(?<![0-9.])(?<!(?i:V|VER|VERSION|BUILD|RELEASE|REV)[ .:]?)(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}(?!\.?[0-9])", Options, TimeoutMs)]
    internal static partial Regex IpV4();

    // Area 000, 666 and 900–999, group 00 and serial 0000 are never issued (SSA), so codes using them pass.
    [GeneratedRegex(@"(?<![0-9A-Z-])(?!000|666|9[0-9]{2})[0-9]{3}(?<sep>[- ])(?!00)[0-9]{2}\k<sep>(?!0000)[0-9]{4}(?![0-9A-Z-])", OptionsIgnoreCase, TimeoutMs)]
    internal static partial Regex Ssn();

    // (555) 123-4567, or +country code and 2–5 groups; the digit count (8–15, E.164) is checked in code.
    [GeneratedRegex(@"(?<![0-9])\([2-9][0-9]{2}\)[ .-]?[2-9][0-9]{2}[ .-][0-9]{4}(?![0-9])|(?<![0-9A-Z+])\+[1-9][0-9]{0,2}(?:[ .-]?\(?[0-9]{1,4}\)?){2,5}(?![0-9])", OptionsIgnoreCase, TimeoutMs)]
    internal static partial Regex PhoneFormatted();

    // NANP 3-3-4 with one separator throughout; area code and exchange start with 2–9, which rules out
    // most STUDY-SITE-SUBJECT codes (101-001-0001).
    [GeneratedRegex(@"(?<![0-9A-Z-])(?:\+?1[ .-])?[2-9][0-9]{2}(?<sep>[ .-])[2-9][0-9]{2}\k<sep>[0-9]{4}(?![0-9A-Z-])", OptionsIgnoreCase, TimeoutMs)]
    internal static partial Regex PhoneBare();

    // 2024-03-15, 2024/3/15, 2024-03-15T10:30 (year first).
    [GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?<sep>[-/.])(?:0?[1-9]|1[0-2])\k<sep>(?:0[1-9]|[12][0-9]|3[01]|[1-9])(?![0-9])", Options, TimeoutMs)]
    internal static partial Regex DateYearFirst();

    // 15/03/2024, 03/15/2024, 15.03.2024, 15-03-2024 (4-digit year last).
    [GeneratedRegex(@"(?<![0-9./-])(?:0?[1-9]|[12][0-9]|3[01])(?<sep>[-/.])(?:0?[1-9]|[12][0-9]|3[01])\k<sep>(?:19|20)[0-9]{2}(?![0-9])", Options, TimeoutMs)]
    internal static partial Regex DateYearLast();

    // 15-Mar-2024, 15MAR2024 (SAS DATE9), 15MAR2024:10:30:00 (DATETIME), 15 March 2024, 15-MAR-24.
    [GeneratedRegex(@"(?<![0-9A-Z])(?:0?[1-9]|[12][0-9]|3[01])[ /-]?(?:" + Months + @")(?![A-Z])\.?[ ,/-]*(?:(?:19|20)[0-9]{2}|[0-9]{2})(?![0-9])", OptionsIgnoreCase, TimeoutMs)]
    internal static partial Regex DateMonthName();

    // March 15, 2024; Mar 15 2024; March 15th, 2024.
    [GeneratedRegex(@"(?<![A-Z])(?:" + Months + @")\.? +(?:0?[1-9]|[12][0-9]|3[01])(?:ST|ND|RD|TH)?,? +(?:19|20)[0-9]{2}(?![0-9])", OptionsIgnoreCase, TimeoutMs)]
    internal static partial Regex DateMonthFirst();

    // 3/15/24 as a whole value: weak, a share rule, since "1/2/10" can be a fraction or a dose schedule.
    [GeneratedRegex(@"^(?:0?[1-9]|[12][0-9]|3[01])/(?:0?[1-9]|[12][0-9]|3[01])/[0-9]{2}(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$", Options, TimeoutMs)]
    internal static partial Regex DateShortYear();

    [GeneratedRegex(@"^(?:1[89]|20)[0-9]{2}$", Options, TimeoutMs)]
    internal static partial Regex YearOnly();

    // 12 Main Street, 221B Baker St., P.O. Box 42. Street words must be capitalised (case-sensitive).
    [GeneratedRegex(@"(?<![0-9])[0-9]{1,6}[A-Z]? +(?:[A-Z][A-Za-z'.-]* +){1,4}(?i:STREET|ST|AVENUE|AVE|ROAD|RD|BOULEVARD|BLVD|LANE|LN|DRIVE|DR|COURT|CT|TERRACE|TER|PLACE|PL|WAY|HIGHWAY|HWY|SQUARE|SQ|PARKWAY|PKWY)(?![A-Za-z])|(?i:(?<![A-Z])P\.? ?O\.? BOX +[0-9]+)", Options, TimeoutMs)]
    internal static partial Regex StreetAddress();

    // John Smith, Mary-Ann O'Neil, John Q. Public, Smith, John (weak: needs a share and distinct values).
    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?:['-]\p{Lu}?\p{Ll}+)?(?: \p{Lu}\.?)?(?: \p{Lu}\p{Ll}+(?:['-]\p{Lu}?\p{Ll}+)?){1,2}$|^\p{Lu}\p{Ll}+(?:['-]\p{Lu}?\p{Ll}+)?, ?\p{Lu}\p{Ll}+$", Options, TimeoutMs)]
    internal static partial Regex PersonName();

    // 19500315, 20240315T1030: a whole value of 8 digits that is a valid YYYYMMDD (weak: 8-digit codes exist).
    [GeneratedRegex(@"^(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:T?[0-2][0-9][0-5][0-9](?:[0-5][0-9])?)?$", Options, TimeoutMs)]
    internal static partial Regex DateCompact();

    // 6175550123, 16175550123, +16175550123 as a whole value: a NANP number without separators (weak).
    [GeneratedRegex(@"^(?:\+?1)?[2-9][0-9]{2}[2-9][0-9]{6}$", Options, TimeoutMs)]
    internal static partial Regex PhoneDigits();

    // "95 years", "92 yrs", "101-year-old", "90 y.o.", "aged 93": an age over 89 written as text (strong).
    [GeneratedRegex(@"(?<![0-9.,])(?:9[0-9]|1[0-4][0-9])(?:\.[0-9]+)?[ -]?(?:YEARS?|YRS?|Y\.?O\.?|Y)(?:[ -]OLD)?(?![A-Z])|(?<![A-Z])AGED? +(?:9[0-9]|1[0-4][0-9])(?![0-9.])", OptionsIgnoreCase, TimeoutMs)]
    internal static partial Regex AgeText();

    // MR0012345, MRN 1234567, MRN#00123456: a medical record number with its prefix (strong).
    [GeneratedRegex(@"(?<![A-Z0-9])MRN?[ #:-]{0,2}[0-9]{5,12}(?![0-9])", OptionsIgnoreCase, TimeoutMs)]
    internal static partial Regex MedicalRecordNumber();

    // J.S., J.Q.S., J. S. (weak; undotted JS is left alone: ISO country codes, sex and flag codes look the same).
    [GeneratedRegex(@"^\p{Lu}\. ?\p{Lu}\.(?: ?\p{Lu}\.)?$", Options, TimeoutMs)]
    internal static partial Regex Initials();

    [GeneratedRegex(@"^[0-9]{3}(?:[X*]{2})?$", OptionsIgnoreCase, TimeoutMs)]
    internal static partial Regex Zip3();

    [GeneratedRegex(@"^[0-9]{5}(?:-?[0-9]{4})?$", Options, TimeoutMs)]
    internal static partial Regex Zip5();
}
