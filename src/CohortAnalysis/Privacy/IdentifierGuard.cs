namespace CohortAnalysis.Privacy;

/// <summary>
/// The de-identification guard readers run on every load: flags columns that hold HIPAA Safe Harbor identifiers
/// (45 CFR 164.514(b)(2)) by their header and by a sample of their raw values.
/// </summary>
/// <remarks>
/// <para>By name: the header is upper-cased invariantly and stripped of separators, so <c>BRTHDTC</c>,
/// <c>birth_date</c> and <c>birthDate</c> read alike; then matched against names per category (DOB, *DT, *DTC,
/// *DTM, *DATE; NAME, FIRSTNAME, PATIENT_NAME; EMAIL; PHONE, FAX; SSN; MRN; ADDRESS, CITY; ZIP, POSTAL;
/// COMMENT, NOTES; …). ZIP and AGE columns are judged by their values: ZIP3 ("021") and ages up to 89 pass;
/// a date column holding only 4-digit years passes.</para>
/// <para>By content, over the first <see cref="IdentifierGuardOptions.SampleSize"/> non-missing values
/// (missing: empty, white space, NA, N/A, ".", NULL, NaN). Strong patterns flag a column on a single match
/// anywhere in a value: SSN (###-##-####, valid area/group/serial), e-mail, URL, IPv4/IPv6, telephone with an
/// area code in parentheses or a +country code, a full date with a 4-digit year (ISO 2024-03-15, 15/03/2024,
/// 03/15/2024, 15-Mar-2024, 15MAR2024, March 15, 2024, date-times), a street address or P.O. box, a bare
/// 3-3-4 phone number inside longer text. Weak patterns need at least half of the sampled values: dates with
/// a 2-digit year (3/15/24) and, skipped for <see cref="IdentifierGuardOptions.MappedColumns"/>, a value that is
/// just a 3-3-4 NANP number, person names (two or three capitalised words without label words such as
/// Placebo or Week, at least 5 distinct), free text (mean length ≥ 30, spaces in half the values, at least 3
/// distinct values and at least half of the sample distinct).</para>
/// <para>Not detected: dates without separators (20240315), spreadsheet serial dates, month-year without day,
/// bare 9-digit SSNs, 10-digit phone numbers without separators, names in lower case.</para>
/// <para>Patterns are source-generated regular expressions (culture-invariant, 250 ms match timeout) over
/// values cut to 4,096 characters; a timeout counts as a match (the guard fails closed) and stops the scan of
/// that column, so a hostile file cannot hang the reader. Nothing from a value reaches a finding or a message;
/// a header that itself looks like a value is replaced by the column's position (#3).</para>
/// <para>Reference: 45 CFR 164.514(b)(2); HHS OCR (2012) de-identification guidance (ZIP3 list).</para>
/// </remarks>
public static class IdentifierGuard
{
    /// <summary>Scans a file's headers and sampled raw values for identifiers.</summary>
    /// <param name="source">The file or stream name used in messages (e.g. "adqs.csv").</param>
    /// <param name="columnNames">The headers, in file order.</param>
    /// <param name="sampleValues">For a zero-based column index, raw string values of that column (missing values
    /// are skipped; the first <see cref="IdentifierGuardOptions.SampleSize"/> non-missing ones are examined).
    /// Return an empty list to check the name only.</param>
    /// <param name="options">Policy, reason, sample size and mapped columns; default <see cref="IdentifierGuardOptions.Default"/>.</param>
    /// <returns>The findings and what the policy asks of the reader; call <see cref="IdentifierScan.ThrowIfRefused"/> next.</returns>
    /// <exception cref="ArgumentException">An argument is null, or the policy is Allow without a reason.</exception>
    public static IdentifierScan Scan(string source, IReadOnlyList<string> columnNames,
        Func<int, IReadOnlyList<string>> sampleValues, IdentifierGuardOptions? options = null)
    {
        Guard.NotNull(source);
        Guard.NotNull(columnNames);
        Guard.NotNull(sampleValues);
        options ??= IdentifierGuardOptions.Default;
        options.Validate();

        var mapped = new HashSet<string>(options.MappedColumns, StringComparer.OrdinalIgnoreCase);
        var findings = new List<IdentifierFinding>();
        for (int i = 0; i < columnNames.Count; i++)
        {
            string header = columnNames[i] ?? string.Empty;
            IReadOnlyList<string> sample = ColumnSample.Take(sampleValues(i), options.SampleSize);
            findings.AddRange(ColumnScanner.Scan(i, header, sample, mapped.Contains(header)));
        }
        return new IdentifierScan(source, columnNames.Count, findings.ToArray(), options);
    }

    /// <summary>Scans a file's headers and sampled raw values, given column by column.</summary>
    /// <param name="source">The file or stream name used in messages.</param>
    /// <param name="columnNames">The headers, in file order.</param>
    /// <param name="columns">Raw values per column, in the order of <paramref name="columnNames"/>; a
    /// <c>string[][]</c> works. Missing columns (shorter list) are checked by name only.</param>
    /// <param name="options">Policy, reason, sample size and mapped columns; default <see cref="IdentifierGuardOptions.Default"/>.</param>
    /// <returns>The findings and what the policy asks of the reader.</returns>
    /// <exception cref="ArgumentException">An argument is null, or the policy is Allow without a reason.</exception>
    public static IdentifierScan Scan(string source, IReadOnlyList<string> columnNames,
        IReadOnlyList<IReadOnlyList<string>> columns, IdentifierGuardOptions? options = null)
    {
        Guard.NotNull(columns);
        return Scan(source, columnNames, i => i < columns.Count ? columns[i] ?? [] : [], options);
    }
}
