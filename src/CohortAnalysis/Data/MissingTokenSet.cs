namespace CohortAnalysis.Data;

/// <summary>The missing-value spellings of <see cref="CohortReadOptions.MissingTokens"/>, matched exactly (ordinal) against a
/// trimmed field without making a string of it.</summary>
internal sealed class MissingTokenSet
{
    private readonly string[] _tokens;

    public MissingTokenSet(IEnumerable<string> tokens) => _tokens = tokens.Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The tokens as a user reads them in messages: "empty, 'NA', '.'".</summary>
    public string Listed => string.Join(", ", _tokens.Select(t => t.Length == 0 ? "empty" : $"'{t}'"));

    public bool Contains(ReadOnlySpan<char> field)
    {
        foreach (string token in _tokens)
            if (field.SequenceEqual(token)) return true;
        return false;
    }
}
