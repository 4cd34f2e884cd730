namespace CohortAnalysis.Data.Xport;

/// <summary>Where one variable sits in a transport record, as its NAMESTR record says (TS-140).</summary>
internal readonly record struct XportVariable(int Index, string Name, bool IsNumeric, int Length, int Position, string FormatName, VariableMetadata Metadata)
{
    // SAS date, datetime and time formats (SAS 9.4 Formats and Informats: Reference, "Formats by Category").
    private static readonly HashSet<string> DateFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "DATE", "DAY", "DDMMYY", "DDMMYYB", "DDMMYYC", "DDMMYYD", "DDMMYYN", "DDMMYYP", "DDMMYYS", "DOWNAME", "E8601DA", "B8601DA",
        "IS8601DA", "JULDAY", "JULIAN", "MMDDYY", "MMDDYYB", "MMDDYYC", "MMDDYYD", "MMDDYYN", "MMDDYYP", "MMDDYYS", "MMYY", "MONNAME",
        "MONTH", "MONYY", "NLDATE", "QTR", "WEEKDATE", "WEEKDATX", "WEEKDAY", "WORDDATE", "WORDDATX", "YEAR", "YYMM", "YYMMDD",
        "YYMMDDB", "YYMMDDC", "YYMMDDD", "YYMMDDN", "YYMMDDP", "YYMMDDS", "YYMON", "YYQ", "MINGUO", "NENGO",
    };
    private static readonly HashSet<string> DateTimeFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "DATETIME", "DATEAMPM", "DTDATE", "E8601DT", "B8601DT", "IS8601DT", "E8601DN", "B8601DN", "NLDATM", "MDYAMPM",
    };
    private static readonly HashSet<string> TimeFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "TIME", "TIMEAMPM", "TOD", "HHMM", "HOUR", "MMSS", "E8601TM", "B8601TM", "IS8601TM", "NLTIME",
    };

    /// <summary>What a numeric variable's format says its values are.</summary>
    public static ValueKind KindOf(bool isNumeric, string formatName) =>
        !isNumeric ? ValueKind.Text
        : DateFormats.Contains(formatName) ? ValueKind.Date
        : DateTimeFormats.Contains(formatName) ? ValueKind.DateTime
        : TimeFormats.Contains(formatName) ? ValueKind.Time
        : ValueKind.Number;
}
