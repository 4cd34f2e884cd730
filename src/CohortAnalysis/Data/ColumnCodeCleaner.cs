using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CohortAnalysis.Data;

/// <summary>Cleans the codes of one text column (subject, arm, parameter, visit label, covariate) and counts what it changed.</summary>
/// <remarks>Cleaning removes what cannot be seen and cannot be meant: surrounding white space, invisible characters
/// (Unicode categories Cf and Cc: zero-width space U+200B, byte-order mark U+FEFF, soft hyphen, direction marks), runs of
/// spaces or non-breaking spaces inside a code (made one space), and composes the text to Unicode NFC (so an "é" typed as
/// e + U+0301 equals a precomposed one). Letter case is never changed here (see <see cref="CaseVariantPolicy"/>). A field
/// of printable ASCII with no surrounding or doubled space, the common case, is returned as is; other fields are cleaned
/// once per distinct text.</remarks>
internal sealed class ColumnCodeCleaner
{
    [Flags]
    private enum Change { None = 0, Trimmed = 1, Invisible = 2, Spaces = 4, Composed = 8 }

    private const int CacheLimit = 1 << 16;

    private readonly string _column;
    private readonly Dictionary<string, (string Clean, Change Change)> _cache = new(StringComparer.Ordinal);
    private readonly SortedSet<int> _invisibleSeen = [];
    private readonly InternedCodes _codes = new();
    private string? _previous;                 // the last code that needed no cleaning (its text is the raw field)
    private long _trimmed, _invisible, _spaces, _composed, _changedRows, _firstLine;
    private string? _exampleRaw, _exampleClean;
    private long _exampleLine;
    private bool _exampleIsTrimOnly = true;

    public ColumnCodeCleaner(string column) => _column = column;

    /// <summary>The last code returned as it was read (it needed no cleaning, so nothing was counted for it).</summary>
    public string? LastPlain => _previous;

    /// <summary>The cleaned text of <paramref name="raw"/> (the untrimmed field) on <paramref name="line"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Clean(ReadOnlySpan<char> raw, long line)
    {
        // Rows of a long file come in runs (a subject's visits, an arm's subjects): the previous row's code again.
        if (_previous is { } previous && raw.SequenceEqual(previous)) return previous;
        if (IsPlain(raw)) return _previous = _codes.Intern(raw);
        string text = raw.ToString();
        if (!_cache.TryGetValue(text, out var cleaned))
        {
            cleaned = Normalise(text);
            if (_cache.Count < CacheLimit) _cache[text] = cleaned;
        }
        if (cleaned.Change != Change.None) Tally(cleaned.Change, text, cleaned.Clean, line);
        return cleaned.Clean;
    }

    /// <summary>True when <paramref name="raw"/> needs no cleaning: printable ASCII with no surrounding or doubled space
    /// (<see cref="Clean"/> then returns its text as it is, and counts nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPlain(ReadOnlySpan<char> raw) =>
        !raw.ContainsAnyExceptInRange(' ', '~') && (raw.Length == 0 || (raw[0] != ' ' && raw[^1] != ' ' && !raw.Contains("  ", StringComparison.Ordinal)));

    /// <summary>One issue summing up what was changed in this column, or null when nothing was.</summary>
    public DataIssue? Issue(string source)
    {
        if (_changedRows == 0) return null;
        var parts = new List<string>();
        if (_trimmed > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_trimmed} trimmed of surrounding spaces"));
        if (_invisible > 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{_invisible} with invisible characters removed ({string.Join(", ", _invisibleSeen.Select(c => $"U+{c:X4}"))})"));
        if (_spaces > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_spaces} with repeated or non-breaking spaces made one space"));
        if (_composed > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_composed} composed to Unicode NFC"));
        bool trimOnly = _invisible == 0 && _spaces == 0 && _composed == 0;
        string message = string.Create(CultureInfo.InvariantCulture,
            $"{_changedRows} value{(_changedRows == 1 ? "" : "s")} cleaned before use: {string.Join("; ", parts)}; e.g. line {_exampleLine}: '{Visible(_exampleRaw!)}' read as '{Visible(_exampleClean!)}'.");
        return new DataIssue(DataIssueKind.NormalisedValue, trimOnly ? DataIssueSeverity.Note : DataIssueSeverity.Warning, source, _firstLine, _column,
            null, null, message);
    }

    private void Tally(Change change, string raw, string clean, long line)
    {
        if (_changedRows++ == 0) _firstLine = line;
        if ((change & Change.Trimmed) != 0) _trimmed++;
        if ((change & Change.Invisible) != 0)
        {
            _invisible++;
            foreach (char c in raw)
                if (IsInvisible(c)) _invisibleSeen.Add(c);
        }
        if ((change & Change.Spaces) != 0) _spaces++;
        if ((change & Change.Composed) != 0) _composed++;
        // The example shows the most telling change: the first one that is more than trimming, else the first trim.
        bool trimOnly = change == Change.Trimmed;
        if (_exampleRaw is null || (_exampleIsTrimOnly && !trimOnly))
        {
            _exampleRaw = raw; _exampleClean = clean; _exampleLine = line; _exampleIsTrimOnly = trimOnly;
        }
    }

    private static (string Clean, Change Change) Normalise(string raw)
    {
        var change = Change.None;
        var text = new StringBuilder(raw.Length);
        int run = 0;             // white-space characters since the last visible one
        bool oddRun = false;     // the run holds something other than one plain space
        foreach (char c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                run++;
                oddRun |= c != ' ' || run > 1;
                continue;
            }
            if (IsInvisible(c)) { change |= Change.Invisible; continue; }
            if (run > 0)
            {
                if (text.Length == 0) change |= Change.Trimmed;
                else
                {
                    text.Append(' ');
                    if (oddRun) change |= Change.Spaces;
                }
            }
            run = 0; oddRun = false;
            text.Append(c);
        }
        if (run > 0) change |= Change.Trimmed;
        string clean = text.ToString();
        if (!clean.IsNormalized(NormalizationForm.FormC))
        {
            clean = clean.Normalize(NormalizationForm.FormC);
            change |= Change.Composed;
        }
        return (clean, change);
    }

    // Control characters that are not white space (white space is handled above) and format characters (Cf).
    private static bool IsInvisible(char c) =>
        !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control;

    /// <summary>The text with invisible and unusual space characters spelled out as &lt;U+XXXX&gt;, for messages.</summary>
    internal static string Visible(string text)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange(' ', '~')) return text;
        var shown = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (IsInvisible(c) || (char.IsWhiteSpace(c) && c != ' ')) shown.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            else shown.Append(c);
        }
        return shown.ToString();
    }
}
