using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data;

/// <summary>What each code of a source's shared text columns (<see cref="TabularSource.SharedField"/>) was read as: the
/// code as it stands (a value that needed no cleaning and is not a missing-value token), so that the same code on a
/// later row is taken without cleaning or interning its text again. A value that needed cleaning is never remembered:
/// reading it counts the change, and so it is read each time.</summary>
/// <remarks>At most <see cref="CodeTable{T}.Limit"/> codes per column are remembered; larger codes are read as usual.</remarks>
internal sealed class SharedCodeReadings
{
    private readonly CodeTable<string?>?[] _byColumn;

    public SharedCodeReadings(int columns) => _byColumn = new CodeTable<string?>?[columns];

    /// <summary>What code <paramref name="code"/> of <paramref name="column"/> was read as, or null when not known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string? Find(int column, int code) => _byColumn[column]?.Find(code);

    /// <summary>What a shared string reads as without cleaning it: the reading remembered for its code, or the string
    /// itself when it is plain, not empty and not a missing-value token (then remembered). Null when the text must be
    /// cleaned or is missing: the caller reads the field the long way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string? Reading(int column, string shared, int code, MissingTokenSet missing)
    {
        if (Find(column, code) is { } known) return known;
        if (!ColumnCodeCleaner.IsPlain(shared) || shared.Length == 0 || missing.Contains(shared)) return null;
        // A shared string that needs no cleaning is the code itself: Clean would return (and intern) its text.
        Remember(column, code, shared);
        return shared;
    }

    /// <summary>Remembers that code <paramref name="code"/> of <paramref name="column"/> reads as <paramref name="text"/>.</summary>
    public void Remember(int column, int code, string text) => (_byColumn[column] ??= new CodeTable<string?>()).Set(code, text);
}
