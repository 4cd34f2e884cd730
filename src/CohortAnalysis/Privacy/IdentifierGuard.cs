namespace CohortAnalysis.Privacy;

/// <summary>
/// The de-identification guard readers run on every load: flags columns that hold HIPAA Safe Harbor identifiers
/// (45 CFR 164.514(b)(2)) by their header and by every raw value (readers scan every row while loading).
/// </summary>
/// <remarks>
/// <para>By name. A CDISC standard variable name (SDTMIG v3.4, ADaMIG v1.3; see <c>CdiscVariables</c>) says what
/// the column holds: its dates (--DTC, --STDTC, *DT, *DTM, BRTHDTC) are Safe Harbor dates, AGE is judged by value,
/// COVAL is free text, and every other standard name (COUNTRY, CMDECOD, QSTEST, DATEST, INVNAM, …) is not an
/// identifier. Other headers are upper-cased invariantly and matched whole (separators removed) and word by word
/// (split at separators and camelCase), never as substrings: DOB, BIRTH_DATE, *DATE, *DT; NAME, FIRSTNAME,
/// INITIALS; EMAIL; PHONE, FAX; SSN; MRN, RECORD_NO, CHART; ADDRESS, CITY; ZIP, POSTAL; AGE, PT_AGE, AGE_BL;
/// COMMENT, NOTES; …. A named column holding only missing values holds nothing and passes; ZIP and AGE columns are
/// judged by their values (ZIP3 "021" and ages up to 89 pass), a date column holding only 4-digit years (or no
/// digits) passes, and a number column (SSN, MRN, account, plan, license, device, phone, fax) without a digit passes.</para>
/// <para>By content (missing: empty, white space, NA, N/A, ".", NULL, NaN). Strong patterns flag a column on a
/// single match anywhere in a value: SSN (###-##-####, valid area/group/serial), e-mail, URL, IPv4 (not after
/// "v" or "version", nor in a column named for versions)/IPv6, telephone with an area code in parentheses or a
/// +country code, a full date with a 4-digit year (ISO 2024-03-15, 15/03/2024, 03/15/2024, 15-Mar-2024, 15MAR2024,
/// March 15, 2024, date-times), a street address or P.O. box, a 3-3-4 phone number inside longer text, an age
/// over 89 written as text ("95 years", "aged 93"), a medical record number with its prefix (MR0012345).
/// Weak patterns need at least half of the values and are off for <see cref="IdentifierGuardOptions.MappedColumns"/>
/// and standard CDISC names: dates with a 2-digit year (3/15/24) or without separators (19500315), a value that
/// is just a NANP number (617-555-0123, 6175550123), dotted initials (J.S., at least 3 distinct), person names
/// (two or three capitalised words without label words such as Placebo or Week, at least 5 distinct; also off
/// when the header names things: SITENAME, COUNTRY_NAME, DRUG, TESTNAME), free text (mean length ≥ 30, spaces
/// in half the values, at least 3 distinct values with spaces and at least half of the values distinct).</para>
/// <para>Not detected: spreadsheet serial dates, month-year without day, DDMMYYYY without separators, bare
/// 9-digit SSNs, undotted initials (JS: indistinguishable from ISO codes), names in lower case.</para>
/// <para>Patterns are source-generated regular expressions (culture-invariant, 250 ms match timeout) over
/// values cut to 4,096 characters; a timeout counts as a match (the guard fails closed) and stops the scan of
/// that column, so a hostile file cannot hang the reader. Nothing from a value reaches a finding or a message;
/// a header that itself looks like a value is replaced by the column's position (#3).</para>
/// <para>Reference: 45 CFR 164.514(b)(2); HHS OCR (2012) de-identification guidance (ZIP3 list); CDISC SDTMIG
/// v3.4 and ADaMIG v1.3 (standard variable names).</para>
/// </remarks>
public static class IdentifierGuard
{
    /// <summary>Scans a file's headers and raw values for identifiers.</summary>
    /// <param name="source">The file or stream name used in messages (e.g. "adqs.csv").</param>
    /// <param name="columnNames">The headers, in file order.</param>
    /// <param name="sampleValues">For a zero-based column index, raw string values of that column (missing values
    /// are skipped; at most <see cref="IdentifierGuardOptions.SampleSize"/> non-missing ones, by default all, are
    /// examined). Return an empty list to check the name only; a list of missing values is a column holding nothing.</param>
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
        var scanner = new IdentifierScanner(source, columnNames, options);
        for (int i = 0; i < columnNames.Count; i++)
            foreach (string? value in sampleValues(i) ?? [])
                scanner.Add(i, value, isNull: value is null);
        return scanner.Result();
    }

    /// <summary>Scans a file's headers and raw values, given column by column.</summary>
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
