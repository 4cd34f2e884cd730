using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CohortAnalysis.Data.ApacheParquet;

namespace CohortAnalysis.Data;

/// <summary>Turns a <see cref="TabularSource"/> (long or wide) into a <see cref="Cohort"/>, collecting every problem.</summary>
/// <remarks>The methods this reader, the builder, the code cleaners and the identifier guard run once per row are marked
/// <see cref="MethodImplOptions.AggressiveOptimization"/>: a load runs them a million times within a second of the
/// process starting, when tiered compilation would still be running them as unoptimised tier-0 code (its promotion
/// waits while start-up keeps compiling new methods).</remarks>
internal static class CohortTableReader
{
    /// <summary>Rows read ahead for the de-identification guard's content sample.</summary>
    internal const int GuardSampleRows = 1000;

    public static Cohort Read(TabularSource rawSource, CohortReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> rawHeader = rawSource.Header;
        if (rawHeader.Count == 0 || rawHeader.All(h => h.Length == 0))
            throw new CohortDataException([CsvTabularSource.Problem(rawSource.Name, 1, null, null, "the header line is empty.")]);
        string hint = DelimiterHint(rawHeader, options.Delimiter);
        if (hint.Length > 0)
            throw new CohortDataException([CsvTabularSource.Problem(rawSource.Name, 1, null, rawHeader[0],
                $"the header has a single column '{rawHeader[0]}'.{hint}")]);

        // A columnar source decodes ahead itself; any other is read a block ahead on a second thread.
        using TabularSource ahead = rawSource.ReadsAheadItself ? rawSource : new ReadAheadTabularSource(rawSource);
        using var source = new BufferedTabularSource(ahead, GuardSampleRows);
        var (header, dropped, acknowledgement, everyRow) = Guard(source, options);
        using LoadTimeIdentifierScan scanning = everyRow;
        ahead.ScanWith(everyRow);
        ColumnMapping map = options.Mapping;
        var headerProblems = new List<DataIssue>();

        int Required(IReadOnlyList<string> names, string role)
        {
            int index = ColumnMapping.Find(header, names);
            if (index < 0)
                headerProblems.Add(CsvTabularSource.Problem(source.Name, 1, string.Join(" or ", names), null,
                    $"the header has no {role} column ({string.Join(" or ", names)}); columns are: {string.Join(", ", rawHeader)}."));
            return index;
        }

        foreach (var group in rawHeader.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            headerProblems.Add(group.Key.Length == 0
                ? CsvTabularSource.Problem(source.Name, 1, null, null,
                    $"the header has {group.Count()} empty column names (columns {string.Join(", ", group.Select(x => x.i + 1))}); every column needs a name.")
                : CsvTabularSource.Problem(source.Name, 1, group.Key, null, $"column name '{group.Key}' appears {group.Count()} times in the header."));

        int subject = Required(map.Subject, "subject");
        int arm = Required(map.Arm, "arm");
        bool wide = options.Wide is not null;
        int visit = -1, parameter = -1, value = -1;
        if (!wide)
        {
            visit = Required(map.Visit, "visit");
            value = Required(map.Value, "value");
            parameter = ColumnMapping.Find(header, map.Parameter);
            if (parameter < 0 && map.DefaultParameter is null)
                headerProblems.Add(CsvTabularSource.Problem(source.Name, 1, string.Join(" or ", map.Parameter), null,
                    $"the header has no parameter column ({string.Join(" or ", map.Parameter)}); columns are: {string.Join(", ", rawHeader)}. " +
                    "Name the column (CLI --parameter COLUMN; library ColumnMapping.Parameter) or, for a file with a single score, " +
                    "the score itself (CLI --paramcd NAME, e.g. --paramcd MADRS; library ColumnMapping.DefaultParameter = \"MADRS\")."));
        }
        int label = wide ? -1 : ColumnMapping.Find(header, map.VisitLabel);
        int flag = wide ? -1 : ColumnMapping.Find(header, map.BaselineFlag);
        int baseColumn = wide ? -1 : ColumnMapping.Find(header, map.Baseline);
        int changeColumn = wide ? -1 : ColumnMapping.Find(header, map.Change);
        int[] covariates = map.Covariates.Select(c => ColumnMapping.Find(header, [c])).Where(i => i >= 0).Distinct().ToArray();

        List<(int Column, string Parameter, double Visit, string Label)> wideColumns = [];
        if (wide)
        {
            Regex pattern = options.Wide!.CreateRegex();
            int matched = 0;
            for (int c = 0; c < header.Count; c++)
            {
                Match match;
                try
                {
                    match = pattern.Match(header[c]);
                }
                catch (RegexMatchTimeoutException e)
                {
                    // Only a custom pattern can backtrack this far; one report is enough, and stopping bounds the wait.
                    headerProblems.Add(CsvTabularSource.Problem(source.Name, 1, Shown(header[c]), null, string.Create(CultureInfo.InvariantCulture,
                        $"matching the column name against the score-column pattern took over {e.MatchTimeout.TotalSeconds:0.#} s; simplify the pattern.")));
                    matched++;
                    break;
                }
                if (!match.Success || c == subject || c == arm) continue;
                matched++;
                // The pattern's \d also matches non-ASCII digits ('٣'), which invariant parsing refuses, and a long run of
                // digits overflows to infinity: both are header problems, not crashes.
                string visitText = match.Groups["visit"].Value;
                if (!double.TryParse(visitText, NumberStyles.Float, CultureInfo.InvariantCulture, out double time) || !double.IsFinite(time))
                {
                    headerProblems.Add(CsvTabularSource.Problem(source.Name, 1, Shown(header[c]), Shown(visitText),
                        $"the score column's visit '{Shown(visitText)}' is not a finite number (digits 0-9, '.' decimals)."));
                    continue;
                }
                string text = time == 0 ? "Baseline" : string.Create(CultureInfo.InvariantCulture, $"{options.Wide.VisitLabelPrefix} {time:0.###}");
                wideColumns.Add((c, match.Groups["parameter"].Value.ToUpperInvariant(), time, text));
            }
            if (matched == 0)
                headerProblems.Add(CsvTabularSource.Problem(source.Name, 1, null, null,
                    $"no column of the wide header matches the score-column pattern {options.Wide.ColumnPattern} (e.g. MADRS_W0); columns are: {string.Join(", ", rawHeader)}."));
        }
        AdamRecordSelector adam = AdamRecordSelector.Create(source, header, options, subject, covariates, headerProblems);
        if (headerProblems.Count > 0) throw new CohortDataException(headerProblems);

        var used = new HashSet<int>([subject, arm, visit, parameter, value, label, flag, baseColumn, changeColumn, .. covariates, .. wideColumns.Select(w => w.Column), .. dropped.Keys, .. adam.Columns]);
        string[] extraCovariates = adam.ExtraCovariates;
        var builder = new CohortBuilder(source.Name, options, [.. covariates.Select(c => header[c]), .. extraCovariates], wide ? "score" : header[value],
            flag >= 0 ? header[flag] : null, baseColumn >= 0 ? header[baseColumn] : null, changeColumn >= 0 ? header[changeColumn] : null,
            header[subject], parameter >= 0 ? header[parameter] : "parameter")
        {
            DuplicateHint = AdamRecordSelector.DuplicateHint(header, options.Adam),
        };
        // The code columns' texts are read once per distinct text where the source can share them (a CSV's, by the
        // thread that reads ahead).
        source.ShareTexts([subject, arm, parameter, label, .. covariates]);
        if (source.EstimatedRows is { } estimate) builder.Reserve(wide ? estimate * Math.Max(1, wideColumns.Count) : estimate, exact: !wide && source.RowCountIsExact);
        foreach (var (column, finding) in dropped)
            builder.Note(new DataIssue(DataIssueKind.IdentifierColumnDropped, DataIssueSeverity.Note, source.Name, 1, rawHeader[column], null, null,
                $"dropped by the de-identification guard: {finding}."));
        for (int c = 0; c < header.Count; c++)
            if (!used.Contains(c))
                builder.Note(new DataIssue(DataIssueKind.UnusedColumn, DataIssueSeverity.Note, source.Name, 1, header[c], null, null,
                    "column not used by the mapping; ignored."));

        var missing = new MissingTokenSet(options.MissingTokens);
        string missingList = missing.Listed;
        var covariateValues = new string?[covariates.Length + extraCovariates.Length];
        // One cleaner per text column, indexed by column (null for numeric and unused columns).
        var cleaners = new ColumnCodeCleaner?[header.Count];
        foreach (int c in new[] { subject, arm, parameter, label }.Concat(covariates).Where(c => c >= 0))
            cleaners[c] = new ColumnCodeCleaner(header[c]);
        var flagCodings = new long[BaselineFlagCoding.Count];
        var memo = new FieldMemo[header.Count];
        var readings = new SharedCodeReadings(header.Count);
        long rows = 0, seq = 0;
        // A Parquet row group whose rows all read as they stand goes to the builder from its columns (same rows, same result).
        CodedRowGroupReader? coded = !wide && adam.KeepsEveryRecord && extraCovariates.Length == 0 && rawSource is ParquetTabularSource
            ? new CodedRowGroupReader(builder, readings, missing, flagCodings, subject, arm, visit, label, parameter, value, flag, baseColumn, changeColumn,
                covariates, header[arm], map.DefaultParameter)
            : null;
        while (source.Read())
        {
            // Past the rows read ahead, the fields come straight from the file's reader.
            TabularSource row = source.Row;
            if (coded is not null && row is ParquetTabularSource columnar && coded.TryReadRestOfGroup(columnar, ref rows, ref seq))
                continue;
            rows++;
            seq++;
            long line = row.Line;
            if (row.EndLine > line && SpansRows(row, used, options.Delimiter, builder))
                continue;
            if (IsBlank(row))
            {
                rows--;
                if (row.FieldCount > 1)
                    builder.Note(new DataIssue(DataIssueKind.Other, DataIssueSeverity.Note, row.Name, line, null, null, null,
                        "a row of empty fields was skipped."));
                continue;
            }
            if (row.FieldCount != header.Count)
            {
                builder.Problem(line, null, null, string.Create(CultureInfo.InvariantCulture,
                    $"the row has {row.FieldCount} fields but the header has {header.Count}."));
                continue;
            }
            long before = builder.ProblemCount;
            if (!adam.Keep(row, line, builder, covariateValues.AsSpan(covariates.Length)))
                continue;
            string? subjectId = Text(row, subject, cleaners, missing, builder, line, required: true, memo, readings, seq);
            string? armName = Text(row, arm, cleaners, missing, builder, line, required: true, memo, readings, seq);
            for (int c = 0; c < covariates.Length; c++) covariateValues[c] = Text(row, covariates[c], cleaners, missing, builder, line, required: false, memo, readings, seq);

            if (!wide)
            {
                double time = Number(row, visit, missing, missingList, builder, line, required: true, memo, seq);
                string? visitLabel = label >= 0 ? Text(row, label, cleaners, missing, builder, line, required: false, memo, readings, seq) : null;
                string? parameterCode = parameter >= 0 ? Text(row, parameter, cleaners, missing, builder, line, required: true, memo, readings, seq) : map.DefaultParameter;
                double score = Number(row, value, missing, missingList, builder, line, required: false, memo, seq);
                bool isBaseline = flag >= 0 && Flag(row, flag, missing, builder, line, flagCodings);
                double fileBase = baseColumn >= 0 ? Number(row, baseColumn, missing, missingList, builder, line, required: false, memo, seq) : double.NaN;
                double fileChange = changeColumn >= 0 ? Number(row, changeColumn, missing, missingList, builder, line, required: false, memo, seq) : double.NaN;
                if (builder.ProblemCount == before)
                    builder.Add(line, subjectId!, armName!, header[arm], time, visitLabel, parameterCode!, score, isBaseline, fileBase, fileChange, covariateValues);
            }
            else
            {
                var scores = new double[wideColumns.Count];
                for (int w = 0; w < wideColumns.Count; w++)
                    scores[w] = Number(row, wideColumns[w].Column, missing, missingList, builder, line, required: false, memo, seq);
                if (builder.ProblemCount == before)
                    for (int w = 0; w < wideColumns.Count; w++)
                        builder.Add(line, subjectId!, armName!, header[arm], wideColumns[w].Visit, wideColumns[w].Label, wideColumns[w].Parameter,
                            scores[w], false, double.NaN, double.NaN, covariateValues);
            }
        }
        foreach (DataIssue finding in source.Findings())
        {
            if (finding.Severity == DataIssueSeverity.Excluded) builder.Problem(finding);
            else builder.Note(finding);
        }
        foreach (ColumnCodeCleaner? cleaner in cleaners)
            if (cleaner?.Issue(source.Name) is { } cleaned) builder.Note(cleaned);
        if (flag >= 0 && BaselineFlagCoding.Describe(flagCodings, header[flag]) is { } coding)
            builder.Note(new DataIssue(DataIssueKind.BaselineFlag, DataIssueSeverity.Note, source.Name, null, header[flag], null, null, coding));
        builder.RowsRead = rows;
        builder.Identifiers = everyRow.Finish(used, builder, acknowledgement);
        if (rows == 0 && !builder.HasProblems)
            builder.Problem(1, null, null, "the file has a header but no data rows.");
        return builder.Build();
    }

    /// <summary>Runs the de-identification guard on the header and the rows read ahead; refuses, drops or acknowledges.
    /// Returns the header as the mapping should see it (dropped columns hidden), the dropped columns, and the scan
    /// that checks every row while loading.</summary>
    private static (IReadOnlyList<string> Header, Dictionary<int, string> Dropped, IdentifierAcknowledgement? Acknowledgement,
        LoadTimeIdentifierScan EveryRow) Guard(
        BufferedTabularSource source, CohortReadOptions options)
    {
        IReadOnlyList<string> header = source.Header;
        ColumnMapping map = options.Mapping;
        IEnumerable<IReadOnlyList<string>> roles = [map.Subject, map.Arm, map.Visit, map.VisitLabel, map.Parameter, map.Value, map.BaselineFlag, map.Baseline, map.Change];
        string[] mapped = roles.Select(r => ColumnMapping.Find(header, r)).Where(i => i >= 0).Select(i => header[i]).ToArray();
        Privacy.IdentifierGuardOptions guard = options.Identifiers with { MappedColumns = mapped };
        Privacy.IdentifierScan scan = Privacy.IdentifierGuard.Scan(source.Name, header, source.Sample, guard);
        scan.ThrowIfRefused();
        var dropped = new Dictionary<int, string>();
        foreach (int c in scan.ColumnsToDrop)
            dropped[c] = string.Join("; ", scan.Findings.Where(f => f.ColumnIndex == c).Select(f => f.ToString()));
        var everyRow = new LoadTimeIdentifierScan(source.Name, header, guard, scan, dropped.Keys);
        if (dropped.Count == 0) return (header, dropped, scan.Acknowledgement, everyRow);
        string[] visible = header.Select((h, i) => dropped.ContainsKey(i) ? "\0dropped" : h).ToArray();
        return (visible, dropped, scan.Acknowledgement, everyRow);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsBlank(TabularSource source)
    {
        for (int c = 0; c < source.FieldCount; c++)
            if (!source.Field(c, out _).IsWhiteSpace()) return false;
        return true;
    }

    /// <summary>True when the current row spans several lines in a way that cannot be a real value (then it is recorded as a
    /// problem and skipped): a code column holding a line break, or a text whose inner lines look like rows of this file,
    /// the mark of an unbalanced quote that swallowed the rows after it. A free-text column legitimately spanning lines is
    /// noted and read.</summary>
    private static bool SpansRows(TabularSource source, HashSet<int> used, char delimiter, CohortBuilder builder)
    {
        long first = source.Line, last = source.EndLine;
        int headerFields = source.Header.Count;
        for (int c = 0; c < source.FieldCount; c++)
        {
            ReadOnlySpan<char> field = source.Field(c, out _);
            if (field.IndexOfAny('\n', '\r') < 0) continue;
            string column = c < headerFields ? source.Header[c] : string.Create(CultureInfo.InvariantCulture, $"#{c + 1}");
            bool looksLikeRows = false;
            for (ReadOnlySpan<char> rest = field; !looksLikeRows && rest.Length > 0;)
            {
                int end = rest.IndexOfAny('\n', '\r');
                ReadOnlySpan<char> part = end < 0 ? rest : rest[..end];
                looksLikeRows = headerFields > 1 && part.Count(delimiter) >= headerFields - 1;
                rest = end < 0 ? [] : rest[(end + 1)..];
            }
            if (used.Contains(c) || looksLikeRows)
            {
                builder.Problem(first, column, Shown(field), string.Create(CultureInfo.InvariantCulture,
                    $"lines {first}–{last} were read as one row: a quoted field in column {column} opens on line {first} and closes on line {last}{(looksLikeRows ? ", and the lines inside it look like rows of this file" : "")}. Probably an unbalanced double quote: {last - first} line{(last - first == 1 ? " was" : "s were")} swallowed into one value. Fix the quote."));
                return true;
            }
            builder.Note(new DataIssue(DataIssueKind.Other, DataIssueSeverity.Note, source.Name, first, column, null, null,
                string.Create(CultureInfo.InvariantCulture, $"a quoted text in column {column} spans lines {first}–{last}; read as one value.")));
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Flag(TabularSource source, int column, MissingTokenSet missing, CohortBuilder builder, long line, long[] codings)
    {
        ReadOnlySpan<char> field = source.Field(column, out bool isNull);
        if (isNull) return false;
        int coding = BaselineFlagCoding.Read(field, missing);
        if (coding >= 0)
        {
            codings[coding]++;
            return BaselineFlagCoding.IsYes(coding);
        }
        if (coding == BaselineFlagCoding.NoRecord) return false;
        string shown = Shown(field.Trim());
        builder.Problem(line, source.Header[column], shown, $"'{shown}' is not a baseline flag value: {BaselineFlagCoding.Accepted}.");
        return false;
    }

    /// <summary>What a column's field read as on a row, kept to be taken again on the next row when the source knows
    /// that field repeats it (<see cref="TabularSource.Repeats"/>): only a value read as it stands (a code that needed no
    /// cleaning, a number parsed with no problem), so taking it again reports and counts exactly what reading it would.</summary>
    private struct FieldMemo
    {
        public long Row;          // the row (1-based, in reading order) it was read on; 0: none
        public string? Text;
        public double Number;
        public bool HasNumber;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Text(TabularSource source, int column, ColumnCodeCleaner?[] cleaners, MissingTokenSet missing, CohortBuilder builder, long line,
        bool required, FieldMemo[] memo, SharedCodeReadings readings, long seq)
    {
        ref FieldMemo kept = ref memo[column];
        if (kept.Text is not null && kept.Row == seq - 1 && source.Repeats(column))
        {
            kept.Row = seq;
            return kept.Text;
        }
        string? shared = source.SharedField(column, out int code);
        if (shared is not null && readings.Reading(column, shared, code, missing) is { } reading)
        {
            kept = new FieldMemo { Row = seq, Text = reading };
            return reading;
        }
        bool isNull = false;
        ReadOnlySpan<char> field = shared ?? source.Field(column, out isNull);
        ColumnCodeCleaner cleaner = cleaners[column]!;
        string? text = isNull ? null : cleaner.Clean(field, line);
        if (text is null || missing.Contains(text))
        {
            kept = default;
            if (required) builder.Problem(line, source.Header[column], text ?? "", "a value is required here but the field is missing.");
            return null;
        }
        if (ReferenceEquals(text, cleaner.LastPlain))
        {
            kept = new FieldMemo { Row = seq, Text = text };
            if (shared is not null) readings.Remember(column, code, text);
        }
        else
        {
            kept = default;
        }
        return text;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Number(TabularSource source, int column, MissingTokenSet missing, string missingList, CohortBuilder builder, long line, bool required,
        FieldMemo[] memo, long seq)
    {
        if (source.TryNumber(column, out double typed))
        {
            if (double.IsNaN(typed) && required) builder.Problem(line, source.Header[column], "", "a number is required here but the field is missing.");
            return typed;
        }
        ref FieldMemo kept = ref memo[column];
        if (kept.HasNumber && kept.Row == seq - 1 && source.Repeats(column))
        {
            kept.Row = seq;
            return kept.Number;
        }
        ReadOnlySpan<char> field = source.Field(column, out bool isNull).Trim();
        // The common case first: a plain decimal is not a missing-value token unless a token is one.
        if (!isNull && !missing.HasPlainDecimal && PlainDecimal.TryParse(field, out double plain))
        {
            kept = new FieldMemo { Row = seq, Number = plain, HasNumber = true };
            return plain;
        }
        kept = default;
        if (isNull || missing.Contains(field))
        {
            if (required) builder.Problem(line, source.Header[column], isNull ? "" : field.ToString(), "a number is required here but the field is missing.");
            return double.NaN;
        }
        if (PlainDecimal.TryParse(field, out double x) || (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out x) && double.IsFinite(x)))
        {
            kept = new FieldMemo { Row = seq, Number = x, HasNumber = true };
            return x;
        }
        string shown = Shown(field);
        string why = double.IsFinite(x) || !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? $"is not a number (decimals use '.'; missing values are {missingList})"
            : "is not a finite number";
        if (field.Contains(',') && double.TryParse(field.ToString().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            why += "; it looks like a decimal comma: CohortAnalysis reads '.' decimals only";
        builder.Problem(line, source.Header[column], shown, $"'{shown}' {why}.");
        return double.NaN;
    }

    // Error messages quote the value, but never more than a screenful of it.
    private static string Shown(ReadOnlySpan<char> field) => field.Length <= 60 ? field.ToString() : string.Concat(field[..57], "...");

    private static string DelimiterHint(IReadOnlyList<string> header, char delimiter)
    {
        if (header.Count != 1) return "";
        string only = header[0];
        foreach (char candidate in new[] { ';', '\t', '|', ',' })
            if (candidate != delimiter && only.Contains(candidate))
                return $" The header looks {(candidate == '\t' ? "tab" : $"'{candidate}'")}-delimited: set the delimiter to {(candidate == '\t' ? "'\\t'" : $"'{candidate}'")}.";
        return "";
    }
}
