namespace CohortAnalysis.Privacy;

/// <summary>
/// The guard over a whole file, fed value by value as a reader goes (every row, not a sample); <see cref="Result"/>
/// gives the verdict for the values seen so far. Readers use it to scan every row while loading.
/// </summary>
internal sealed class IdentifierScanner
{
    private readonly string _source;
    private readonly IdentifierGuardOptions _options;
    private readonly ColumnScan[] _columns;

    /// <exception cref="ArgumentException">The options are invalid (Allow without a reason, SampleSize below 1).</exception>
    public IdentifierScanner(string source, IReadOnlyList<string> columnNames, IdentifierGuardOptions options)
    {
        options.Validate();
        _source = source;
        _options = options;
        var mapped = new HashSet<string>(options.MappedColumns, StringComparer.OrdinalIgnoreCase);
        _columns = new ColumnScan[columnNames.Count];
        for (int i = 0; i < _columns.Length; i++)
        {
            string header = columnNames[i] ?? string.Empty;
            _columns[i] = new ColumnScan(i, header, mapped.Contains(header), options.SampleSize);
        }
    }

    /// <summary>Counts one raw value of column <paramref name="column"/>; <paramref name="isNull"/> for a typed null.</summary>
    public void Add(int column, ReadOnlySpan<char> value, bool isNull = false) => _columns[column].Add(value, isNull);

    /// <summary>Counts a raw value of column <paramref name="column"/> equal to the one counted just before in that column.</summary>
    public void AddRepeat(int column, ReadOnlySpan<char> value) => _columns[column].AddRepeat(value);

    /// <summary>Counts a raw value of column <paramref name="column"/> that its source shares under
    /// <paramref name="code"/> (<see cref="Data.TabularSource.SharedField"/>).</summary>
    public void AddShared(int column, string value, int code) => _columns[column].AddShared(value, code);

    /// <summary>Counts a run of coded values of column <paramref name="column"/> (<see cref="ColumnScan.AddCoded"/>).</summary>
    public void AddCoded(int column, ReadOnlySpan<int> codes, ReadOnlySpan<string> texts, int codeBase) => _columns[column].AddCoded(codes, texts, codeBase);

    /// <summary>The findings for the values counted so far, in column order.</summary>
    public IdentifierScan Result() =>
        new(_source, _columns.Length, _columns.SelectMany(c => c.Findings()).ToArray(), _options);
}
