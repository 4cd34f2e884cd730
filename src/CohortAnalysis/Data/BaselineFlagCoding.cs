using System.Globalization;

namespace CohortAnalysis.Data;

/// <summary>The codings of a baseline flag column (ADaM ABLFL) the readers recognise, in any letter case: Y, YES, 1 and
/// TRUE mark the baseline record; N, NO, 0 and FALSE (or an empty or missing field) mark the others. Any other value is
/// an error, so a flag is never silently read as "no".</summary>
internal static class BaselineFlagCoding
{
    private static readonly string[] Codes = ["Y", "YES", "1", "TRUE", "N", "NO", "0", "FALSE"];
    private const int FirstNo = 4;

    public static int Count => Codes.Length;

    public const string Accepted = "Y, YES, 1 or TRUE mark the baseline record (any letter case); N, NO, 0, FALSE or an empty field mark the others";

    /// <summary>Index of the coding of <paramref name="field"/> (trimmed), or −1.</summary>
    public static int Find(ReadOnlySpan<char> field)
    {
        if (field.Length > 5) return -1;
        for (int i = 0; i < Codes.Length; i++)
            if (field.Equals(Codes[i], StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    public static bool IsYes(int coding) => coding < FirstNo;

    /// <summary><see cref="Read"/>'s answer for a field that marks no record and is counted as no coding: empty or a
    /// missing-value token.</summary>
    public const int NoRecord = -1;

    /// <summary><see cref="Read"/>'s answer for a field that is not a baseline flag value (an error).</summary>
    public const int Unrecognised = -2;

    /// <summary>What a flag field (untrimmed, not null) reads as: the index of its coding, <see cref="NoRecord"/> or
    /// <see cref="Unrecognised"/>.</summary>
    public static int Read(ReadOnlySpan<char> field, MissingTokenSet missing)
    {
        field = field.Trim();
        if (field.IsEmpty) return NoRecord;
        int coding = Find(field);
        return coding >= 0 ? coding : missing.Contains(field) ? NoRecord : Unrecognised;
    }

    /// <summary>A note saying which codings were seen (e.g. "baseline flag ABLFL: '1' marks the baseline record (412 rows)"), or null.</summary>
    public static string? Describe(long[] counts, string column)
    {
        var yes = Enumerable.Range(0, FirstNo).Where(i => counts[i] > 0).ToArray();
        var no = Enumerable.Range(FirstNo, Codes.Length - FirstNo).Where(i => counts[i] > 0).ToArray();
        if (yes.Length == 0 && no.Length == 0) return null;
        string Listed(int[] codings) => string.Join(", ", codings.Select(i => string.Create(CultureInfo.InvariantCulture, $"'{Codes[i]}' ({counts[i]} row{(counts[i] == 1 ? "" : "s")})")));
        string text = $"baseline flag {column} read with {(yes.Length == 0 ? "no value marking a baseline record" : Listed(yes) + " marking the baseline record")}";
        if (no.Length > 0) text += $" and {Listed(no)} marking the others";
        return text + " (letter case ignored; recognised: Y/YES/1/TRUE and N/NO/0/FALSE).";
    }
}
