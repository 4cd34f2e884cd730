using System.Globalization;

namespace CohortAnalysis.Data;

/// <summary>The subject-level (ADSL) variables wanted by <see cref="AdamOptions"/>, one entry per subject.</summary>
/// <remarks>Only the subject column and the wanted variables are read, so ADSL's dates and other identifying columns
/// never enter the cohort.</remarks>
internal sealed class SubjectLevelTable
{
    private readonly Dictionary<string, (long Line, string?[] Values)> _subjects = new(StringComparer.Ordinal);

    private SubjectLevelTable(string name, string[] variables)
    {
        Name = name;
        Variables = variables;
    }

    public string Name { get; }

    /// <summary>The wanted variables the file has, in the order of <see cref="AdamOptions.SubjectLevelVariables"/>.</summary>
    public string[] Variables { get; }

    public int Subjects => _subjects.Count;

    public bool TryGet(string subject, out long line, out string?[] values)
    {
        bool found = _subjects.TryGetValue(subject, out var entry);
        line = entry.Line;
        values = entry.Values;
        return found;
    }

    public static SubjectLevelTable Read(string path, CohortReadOptions options)
    {
        var fileOptions = CohortReadOptions.Default with { InputFormat = InputFormat.Auto };
        InputFormat format = CohortFileReader.FormatOf(path, fileOptions);
        using TabularSource source = format switch
        {
            InputFormat.Csv => CsvTabularSource.Open(path, ','),
            InputFormat.Tsv => CsvTabularSource.Open(path, '\t'),
            _ => CohortFileReader.Open(path, format),
        };
        IReadOnlyList<string> header = source.Header;
        int subject = ColumnMapping.Find(header, options.Mapping.Subject);
        if (subject < 0)
            throw new CohortDataException([CsvTabularSource.Problem(source.Name, 1, string.Join(" or ", options.Mapping.Subject), null,
                $"the subject-level file has no subject column ({string.Join(" or ", options.Mapping.Subject)}); columns are: {string.Join(", ", header)}.")]);
        var wanted = options.Adam.SubjectLevelVariables.Select(v => (Name: v, Column: ColumnMapping.Find(header, [v]))).Where(v => v.Column >= 0).ToArray();
        var table = new SubjectLevelTable(source.Name, wanted.Select(w => header[w.Column]).ToArray());
        var missing = new HashSet<string>(options.MissingTokens.Select(t => t.Trim()), StringComparer.Ordinal);
        var problems = new List<DataIssue>();
        while (source.Read())
        {
            string id = source.Field(subject, out bool isNull).Trim().ToString();
            if (isNull || missing.Contains(id))
            {
                problems.Add(CsvTabularSource.Problem(source.Name, source.Line, header[subject], id, "a subject identifier is required here but the field is missing."));
                continue;
            }
            var values = new string?[wanted.Length];
            for (int w = 0; w < wanted.Length; w++)
            {
                string text = source.Field(wanted[w].Column, out bool empty).Trim().ToString();
                values[w] = empty || missing.Contains(text) ? null : text;
            }
            if (!table._subjects.TryAdd(id, (source.Line, values)))
                problems.Add(CsvTabularSource.Problem(source.Name, source.Line, header[subject], id, string.Create(CultureInfo.InvariantCulture,
                    $"subject {id} appears twice in the subject-level file (first on line {table._subjects[id].Line}); ADSL has one record per subject.")));
            if (problems.Count >= 1000) break;
        }
        if (problems.Count > 0) throw new CohortDataException(problems);
        return table;
    }
}
