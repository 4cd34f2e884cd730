namespace CohortAnalysis.Data;

/// <summary>The missing-value spellings of <see cref="CohortReadOptions.MissingTokens"/>, matched exactly (ordinal) against a
/// trimmed field without making a string of it.</summary>
internal sealed class MissingTokenSet
{
    private readonly string[] _tokens;

    public MissingTokenSet(IEnumerable<string> tokens)
    {
        _tokens = tokens.Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        HasPlainDecimal = _tokens.Any(t => PlainDecimal.TryParse(t, out _));
    }

    /// <summary>True when a token is itself a plain decimal (a '-99' or '999' code): only then can a field that parses as
    /// one be a missing value, so a reader may parse a number before looking for the tokens when this is false.</summary>
    public bool HasPlainDecimal { get; }

    /// <summary>The tokens as a user reads them in messages: "empty, 'NA', '.'".</summary>
    public string Listed => string.Join(", ", _tokens.Select(t => t.Length == 0 ? "empty" : $"'{t}'"));

    public bool Contains(ReadOnlySpan<char> field)
    {
        foreach (string token in _tokens)
            if (field.SequenceEqual(token)) return true;
        return false;
    }
}
