namespace CohortAnalysis.Privacy;

/// <summary>How the guard sees one raw value: trimmed, length-capped, and missing or not.</summary>
internal static class ColumnValue
{
    /// <summary>Longer values are cut: identifiers are short, and it bounds regex work on hostile input.</summary>
    public const int MaxValueLength = 4096;

    /// <summary>The value as examined: at most <see cref="MaxValueLength"/> characters, then trimmed.</summary>
    public static ReadOnlySpan<char> Prepare(ReadOnlySpan<char> raw) =>
        (raw.Length > MaxValueLength ? raw[..MaxValueLength] : raw).Trim();

    /// <summary>The missing-value spellings of R, SAS and spreadsheets, so they do not dilute shares.</summary>
    public static bool IsMissing(ReadOnlySpan<char> trimmed) =>
        trimmed.Length == 0
        || trimmed is "."
        || trimmed.Equals("NA", StringComparison.OrdinalIgnoreCase)
        || trimmed.Equals("N/A", StringComparison.OrdinalIgnoreCase)
        || trimmed.Equals("NULL", StringComparison.OrdinalIgnoreCase)
        || trimmed.Equals("NaN", StringComparison.OrdinalIgnoreCase);
}
