namespace CohortAnalysis.Data;

/// <summary>A header plus rows of text fields: the one shape every reader (CSV, DataFrame) feeds the cohort builder.</summary>
internal abstract class TabularSource : IDisposable
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>Advances to the next row; false at the end.</summary>
    public abstract bool Read();

    /// <summary>1-based line of the current row in the source, the header being line 1.</summary>
    public abstract long Line { get; }

    /// <summary>Last physical line of the current row: greater than <see cref="Line"/> when a quoted field spans lines.</summary>
    public virtual long EndLine => Line;

    /// <summary>What the source itself found while reading (skipped comment lines, unreadable lines); read after the last row.</summary>
    public virtual IEnumerable<DataIssue> Findings() => [];

    /// <summary>Number of fields on the current row (may differ from the header's in a ragged file).</summary>
    public abstract int FieldCount { get; }

    /// <summary>Field <paramref name="column"/> of the current row, untrimmed; null when the source has a typed null.</summary>
    public abstract ReadOnlySpan<char> Field(int column, out bool isNull);

    /// <summary>True when field <paramref name="column"/> of the current row is a typed number (SAS numeric, JSON
    /// number); <paramref name="value"/> is then the number, NaN when missing. False for text, which the reader parses.</summary>
    public virtual bool TryNumber(int column, out double value)
    {
        value = double.NaN;
        return false;
    }

    /// <summary>True when field <paramref name="column"/> of the current row is known to have the same text as that
    /// column's field on the row before (a subject's code on each of its visits). False is always a correct answer:
    /// only a source that knows it without comparing says true.</summary>
    public virtual bool Repeats(int column) => false;

    /// <summary>Field <paramref name="column"/> of the current row as a string the source shares among the rows that
    /// hold the same text (a typed source's decoded value), with <paramref name="code"/>, a number that stands for that
    /// string: within a column and a read, one code always stands for the same text (a text may get several codes, as
    /// a source forgets and decodes it again). Readers remember what they made of a code (the guard's verdict, a cleaned
    /// code) instead of looking the text up. Null, the default, when the source does not share the field: read
    /// <see cref="Field"/> then (also for a missing value).</summary>
    public virtual string? SharedField(int column, out int code)
    {
        code = -1;
        return null;
    }

    /// <summary>Asks the source to share the texts of <paramref name="columns"/> (<see cref="SharedField"/>), from a row
    /// it chooses on: a text source that does not share its fields otherwise (CSV) then keeps one string per distinct
    /// text of those columns, on the thread that reads it. Sources that share already, or cannot, ignore it.</summary>
    internal virtual void ShareTexts(IReadOnlyCollection<int> columns)
    {
    }

    /// <summary>Copies the current row into <paramref name="block"/> (the read-ahead thread's copy of every row): field by
    /// field through <see cref="TryNumber"/>, <see cref="SharedField"/> and <see cref="Field"/> unless the source copies
    /// its row more directly (the same fields, numbers and lines).</summary>
    internal virtual void CopyRowTo(ScannedRowBlock block) => block.Add(this);

    /// <summary>True when the source decodes its rows ahead on threads of its own and holds them in memory as it goes (a
    /// columnar file read row group by row group): the reader then reads it directly, with no read-ahead copy of its
    /// rows, and the source hands its rows to the identifier guard itself (<see cref="ScanWith"/>).</summary>
    internal virtual bool ReadsAheadItself => false;

    /// <summary>Has <paramref name="scan"/> count every row of the source, from the first, as the source reads them;
    /// for a source that <see cref="ReadsAheadItself"/> (or reads another ahead).</summary>
    /// <exception cref="NotSupportedException">The source does not hand its rows over; the reader reads it ahead instead.</exception>
    internal virtual void ScanWith(LoadTimeIdentifierScan scan) =>
        throw new NotSupportedException($"{GetType().Name} does not hand its rows to the identifier guard; read it through a read-ahead source.");

    /// <summary>About how many rows the source holds, judged from the rows read so far (null when unknown); readers
    /// size their columns with it so a large file is not copied as its columns grow.</summary>
    public virtual long? EstimatedRows => null;

    /// <summary>True when <see cref="EstimatedRows"/> is the exact count of the rows the source will read.</summary>
    public virtual bool RowCountIsExact => false;

    /// <summary>The dataset's name, label and variable labels when the file carries them (XPORT, Dataset-JSON).</summary>
    public virtual DatasetMetadata? Metadata => null;

    public virtual void Dispose() { }
}
