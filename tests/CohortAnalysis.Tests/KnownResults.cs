using System.Globalization;

namespace CohortAnalysis.Tests;

/// <summary>Reads reference values stored under tests/known-results (CSV with a header; first column is the case id).</summary>
public static class KnownResults
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "known-results", relative);

    /// <summary>One row of a known-results CSV, by its id (first column), as name → value.</summary>
    public static KnownResult Row(string file, string id)
    {
        string[] lines = File.ReadAllLines(PathOf(file));
        string[] header = SplitLine(lines[0]);
        foreach (string line in lines.Skip(1))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string[] cells = SplitLine(line);
            if (cells[0] == id) return new KnownResult(header, cells);
        }
        throw new KeyNotFoundException($"{file}: no row '{id}'");
    }

    /// <summary>All rows of a known-results CSV.</summary>
    public static IReadOnlyList<KnownResult> Rows(string file)
    {
        string[] lines = File.ReadAllLines(PathOf(file));
        string[] header = SplitLine(lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => new KnownResult(header, SplitLine(l))).ToList();
    }

    private static string[] SplitLine(string line) => line.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
}

public sealed class KnownResult(string[] header, string[] cells)
{
    public string Id => cells[0];
    public string Text(string column) => cells[Array.IndexOf(header, column) is var i and >= 0 ? i : throw new KeyNotFoundException(column)];
    public double this[string column] => Text(column) switch
    {
        "NA" or "NaN" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        var s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
    public bool Has(string column) => Array.IndexOf(header, column) >= 0;
}
