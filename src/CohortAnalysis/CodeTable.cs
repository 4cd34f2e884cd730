using System.Runtime.CompilerServices;

namespace CohortAnalysis;

/// <summary>A value per code (a number a source gives each distinct text of a column, <see cref="Data.TabularSource.SharedField"/>),
/// for codes below <see cref="Limit"/>: kept in pages of <see cref="PageSize"/> made when first written, so the table
/// grows with the codes met without copying what it holds. Codes not written, and codes past the limit, read as
/// <c>default</c>.</summary>
/// <remarks>Not thread-safe: one per reader thread.</remarks>
internal sealed class CodeTable<T>
{
    /// <summary>Codes kept: a column of more distinct values than this is read as usual past it.</summary>
    public const int Limit = 1 << 20;

    /// <summary>Codes per page.</summary>
    public const int PageSize = 1 << 12;

    private readonly T[]?[] _pages = new T[]?[Limit / PageSize];

    /// <summary>The value written for <paramref name="code"/>, or <c>default</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T? Find(int code) =>
        (uint)code < Limit && _pages[code / PageSize] is { } page ? page[code % PageSize] : default;

    /// <summary>Keeps <paramref name="value"/> for <paramref name="code"/> (nothing past <see cref="Limit"/>).</summary>
    public void Set(int code, T value)
    {
        if ((uint)code >= Limit) return;
        (_pages[code / PageSize] ??= new T[PageSize])[code % PageSize] = value;
    }
}
