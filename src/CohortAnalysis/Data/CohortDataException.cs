using System.Globalization;
using System.Text;

namespace CohortAnalysis.Data;

/// <summary>Bad input data: names the source, line, column and value of each problem.</summary>
/// <remarks>Readers collect every problem and throw once, so a file can be fixed in one pass. The message lists the
/// first 20 problems, then the count: <c>adqs.csv line 42, column AVAL: 'n/a' is not a number (missing values are NA, '.' or empty).</c></remarks>
public sealed class CohortDataException : Exception
{
    /// <summary>How many problems the message lists before it only counts.</summary>
    public const int ProblemsListed = 20;

    /// <summary>Creates an exception for a set of problems (at least one).</summary>
    public CohortDataException(IReadOnlyList<DataIssue> problems)
        : base(BuildMessage(problems))
    {
        if (problems.Count == 0) throw new ArgumentException("At least one problem is required.", nameof(problems));
        Problems = problems;
    }

    /// <summary>All problems found.</summary>
    public IReadOnlyList<DataIssue> Problems { get; } = [];

    /// <summary>Source (file or data-frame name) of the first problem.</summary>
    public string SourceName => Problems[0].Source;

    /// <summary>Line of the first problem, or null.</summary>
    public long? Line => Problems[0].Line;

    /// <summary>Column of the first problem, or null.</summary>
    public string? Column => Problems[0].Column;

    /// <summary>Offending value of the first problem, or null.</summary>
    public string? Value => Problems[0].Value;

    internal static string FormatLocation(string source, long? line, string? column)
    {
        var text = new StringBuilder(source);
        if (line is { } l) text.Append(CultureInfo.InvariantCulture, $" line {l}");
        if (column is not null) text.Append(line is null ? " column " : ", column ").Append(column);
        return text.Append(": ").ToString();
    }

    private static string BuildMessage(IReadOnlyList<DataIssue> problems)
    {
        var text = new StringBuilder();
        foreach (DataIssue problem in problems.Take(ProblemsListed)) text.AppendLine(problem.ToString());
        if (problems.Count > ProblemsListed)
            text.AppendLine(CultureInfo.InvariantCulture, $"... and {problems.Count - ProblemsListed} more.");
        text.Append(CultureInfo.InvariantCulture, $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")}; 0 rows loaded.");
        return text.ToString();
    }
}
