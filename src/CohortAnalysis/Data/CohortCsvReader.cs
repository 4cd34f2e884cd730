namespace CohortAnalysis.Data;

/// <summary>Reads a cohort from a CSV file in long (one row per observation) or wide (one row per subject) layout.</summary>
/// <remarks>
/// <para>Thread-safe (no shared state). Parsing is culture-invariant: decimals are always '.', whatever the machine's
/// culture. UTF-8 with or without a byte-order mark; RFC 4180 quoting; CRLF or LF; blank lines are skipped. A data file has no
/// comment lines unless <see cref="CohortReadOptions.CommentCharacter"/> says so: a subject <c>#101-001</c> is data.
/// Missing values are empty, <c>NA</c> or <c>.</c> by default (<see cref="CohortReadOptions.MissingTokens"/>).</para>
/// <para>Every problem (text in a numeric column, a ragged row, a subject in two arms, a duplicate subject × visit ×
/// parameter, a score outside its instrument's range, a missing mapped column) is collected and thrown together as one
/// <see cref="CohortDataException"/> naming file, line, column and value. Rows excluded by an
/// <see cref="InvalidRowPolicy.Exclude"/> policy, missing baselines and other findings are listed in
/// <see cref="Cohort.Report"/>.</para>
/// </remarks>
public static class CohortCsvReader
{
    /// <summary>Reads a CSV file.</summary>
    /// <exception cref="CohortDataException">The file has problems; the message lists them.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static Cohort Read(string path, CohortReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= CohortReadOptions.Default;
        using CsvTabularSource source = CsvTabularSource.Open(path, options.Delimiter, options.CommentCharacter);
        return CohortTableReader.Read(source, options);
    }

    /// <summary>Reads CSV text from a reader; <paramref name="sourceName"/> names it in messages and in the report.</summary>
    /// <exception cref="CohortDataException">The text has problems; the message lists them.</exception>
    public static Cohort Read(TextReader reader, string sourceName, CohortReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        options ??= CohortReadOptions.Default;
        int first;
        try
        {
            first = reader.Peek();
        }
        catch (System.Text.DecoderFallbackException)
        {
            // A strict UTF-8 reader decodes its first block on Peek: a bad byte there is the same error as further on.
            throw CsvTabularSource.NotUtf8(sourceName, null, null);
        }
        if (first < 0)
            throw new CohortDataException([CsvTabularSource.Problem(sourceName, null, null, null, "the file is empty: a header line is required.")]);
        using var source = new CsvTabularSource(reader, sourceName, options.Delimiter, comment: options.CommentCharacter);
        return CohortTableReader.Read(source, options);
    }

    /// <summary>Reads CSV content held in a string (handy in tests and notebooks).</summary>
    public static Cohort Parse(string csv, string sourceName = "text", CohortReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Read(new StringReader(csv), sourceName, options);
    }
}
