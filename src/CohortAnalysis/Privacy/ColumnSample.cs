namespace CohortAnalysis.Privacy;

/// <summary>Picks the values the guard examines: the first n non-missing ones, trimmed and length-capped.</summary>
internal static class ColumnSample
{
    /// <summary>Longer values are cut: identifiers are short, and it bounds regex work on hostile input.</summary>
    public const int MaxValueLength = 4096;

    public static IReadOnlyList<string> Take(IReadOnlyList<string>? values, int sampleSize)
    {
        if (values is null) return [];
        var sample = new List<string>(Math.Min(values.Count, sampleSize));
        foreach (string? raw in values)
        {
            if (sample.Count == sampleSize) break;
            if (raw is null) continue;
            string value = raw.Length > MaxValueLength ? raw[..MaxValueLength] : raw;
            value = value.Trim();
            if (!IsMissing(value)) sample.Add(value);
        }
        return sample;
    }

    /// <summary>The missing-value spellings of R, SAS and spreadsheets, so they do not dilute shares.</summary>
    public static bool IsMissing(string trimmed) =>
        trimmed.Length == 0
        || trimmed == "."
        || trimmed.Equals("NA", StringComparison.OrdinalIgnoreCase)
        || trimmed.Equals("N/A", StringComparison.OrdinalIgnoreCase)
        || trimmed.Equals("NULL", StringComparison.OrdinalIgnoreCase)
        || trimmed.Equals("NaN", StringComparison.OrdinalIgnoreCase);
}
