using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data;

/// <summary>A text column of a <see cref="RowBlock"/>, as its readings: one string per distinct text, shared by the rows
/// holding it (so equal texts are the same string), and null for a missing value.</summary>
internal readonly struct RowTexts
{
    private readonly int[]? _codes;      // per row, the code of its text (−1 for missing); null when not coded
    private readonly string?[]? _texts;  // per code, or per row when not coded; null for a constant
    private readonly string? _constant;

    private RowTexts(int[]? codes, string?[]? texts, string? constant) => (_codes, _texts, _constant) = (codes, texts, constant);

    /// <summary>Rows that hold a code (−1 for missing) into <paramref name="byCode"/>.</summary>
    public static RowTexts Coded(int[] codes, string?[] byCode) => new(codes, byCode, null);

    /// <summary>Rows whose reading is held per row.</summary>
    public static RowTexts PerRow(string?[] byRow) => new(null, byRow, null);

    /// <summary>The same text on every row (a parameter the mapping names when the file has no such column).</summary>
    public static RowTexts Constant(string? text) => new(null, null, text);

    /// <summary>Row <paramref name="row"/>'s reading.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string? At(int row)
    {
        if (_codes is not null)
        {
            int code = _codes[row];
            return code < 0 ? null : _texts![code];
        }
        return _texts is null ? _constant : _texts[row];
    }
}
