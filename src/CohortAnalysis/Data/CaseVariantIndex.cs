namespace CohortAnalysis.Data;

/// <summary>The first spelling of each code of one role (arm, subject, parameter, a covariate) up to letter case, so a
/// later spelling that differs only by case (<c>PLACEBO</c> after <c>Placebo</c>) is caught when it first appears.</summary>
internal sealed class CaseVariantIndex
{
    private readonly Dictionary<string, (string Spelling, long Line)> _first = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sizes the index for about <paramref name="codes"/> codes.</summary>
    public void EnsureCapacity(int codes) => _first.EnsureCapacity(codes);

    /// <summary>Registers a code seen for the first time. Returns the earlier spelling and its line when one differs from
    /// <paramref name="code"/> only by case, else null.</summary>
    public (string Spelling, long Line)? Register(string code, long line)
    {
        if (_first.TryGetValue(code, out var first))
            return string.Equals(first.Spelling, code, StringComparison.Ordinal) ? null : first;
        _first[code] = (code, line);
        return null;
    }
}
