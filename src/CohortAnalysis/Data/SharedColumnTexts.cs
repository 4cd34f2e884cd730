namespace CohortAnalysis.Data;

/// <summary>The texts of one column of a text source shared as one string per distinct text, numbered in the order first
/// met (<see cref="TabularSource.SharedField"/>), so that readers work out what a code column's text reads as once per
/// distinct text instead of once per row. Used by the thread that reads the source.</summary>
internal sealed class SharedColumnTexts
{
    /// <summary>Distinct texts shared per column; past this, new texts are not shared (read as plain fields).</summary>
    public const int Limit = CodeTable<int>.Limit;

    private readonly InternedCodes _texts = new();
    private string? _last;
    private int _lastCode;

    /// <summary>The one string kept for <paramref name="field"/>'s text and its code; null past <see cref="Limit"/>.</summary>
    public string? Share(ReadOnlySpan<char> field, out int code)
    {
        // A code column's text is mostly the previous row's (a subject's arm on each of its visits).
        if (_last is not null && field.SequenceEqual(_last))
        {
            code = _lastCode;
            return _last;
        }
        if (_texts.Count >= Limit)
        {
            code = -1;
            return null;
        }
        _last = _texts.Intern(field, out code);
        _lastCode = code;
        return _last;
    }
}
