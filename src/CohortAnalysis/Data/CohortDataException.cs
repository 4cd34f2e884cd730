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
        : this(problems, problems.Count, null)
    {
    }

    /// <summary>Creates an exception for problems whose details were kept only up to a cap: <paramref name="totalProblems"/>
    /// counts all of them, <paramref name="rowsWithProblems"/> the distinct rows they were on.</summary>
    internal CohortDataException(IReadOnlyList<DataIssue> problems, long totalProblems, long? rowsWithProblems)
        : base(BuildMessage(problems, totalProblems, rowsWithProblems))
    {
        if (problems.Count == 0) throw new ArgumentException("At least one problem is required.", nameof(problems));
        Problems = problems;
        TotalProblems = Math.Max(totalProblems, problems.Count);
        RowsWithProblems = rowsWithProblems;
    }

    /// <summary>The problems kept in detail: all of them, unless collection stopped at a cap (then the first ones, see
    /// <see cref="TotalProblems"/>).</summary>
    public IReadOnlyList<DataIssue> Problems { get; } = [];

    /// <summary>How many problems were found in all, including those past the cap whose details were not kept.</summary>
    public long TotalProblems { get; }

    /// <summary>How many distinct rows had a problem, when known (null otherwise).</summary>
    public long? RowsWithProblems { get; }

    /// <summary>True when more problems were found than <see cref="Problems"/> holds.</summary>
    public bool Truncated => TotalProblems > Problems.Count;

    /// <summary>Source (file or data-frame name) of the first problem.</summary>
    public string SourceName => Problems[0].Source;

    /// <summary>Line of the first problem, or null.</summary>
    public long? Line => Problems[0].Line;

    /// <summary>Column of the first problem, or null.</summary>
    public string? Column => Problems[0].Column;

    /// <summary>Offending value of the first problem, or null.</summary>
    public string? Value => Problems[0].Value;

    internal static string FormatLocation(string source, long? line, string? column) => DataIssue.FormatLocation(source, line, column);

    private static string BuildMessage(IReadOnlyList<DataIssue> problems, long total, long? rows)
    {
        var text = new StringBuilder();
        foreach (DataIssue problem in problems.Take(ProblemsListed)) text.AppendLine(problem.ToString());
        total = Math.Max(total, problems.Count);
        if (total > ProblemsListed)
            text.AppendLine(CultureInfo.InvariantCulture, $"... and {total - ProblemsListed} more.");
        if (total > problems.Count)
            text.Append(CultureInfo.InvariantCulture,
                $"{total} problems{(rows is { } r ? string.Create(CultureInfo.InvariantCulture, $" on {r} rows") : "")} in all (details kept for the first {problems.Count} only: collection stopped there, counting went on); 0 rows loaded.");
        else
            text.Append(CultureInfo.InvariantCulture, $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")}; 0 rows loaded.");
        return text.ToString();
    }
}
