using System.Runtime.CompilerServices;
using CohortAnalysis.Data.ApacheParquet;

namespace CohortAnalysis.Data;

/// <summary>Reads the rest of a Parquet row group into the cohort builder straight from its decoded columns, when every
/// row of it reads as it stands: each code column's texts need no cleaning and are not missing, required values are
/// present, numbers are typed and the baseline flags are recognised codings. What the row-by-row reading in
/// <see cref="CohortTableReader"/> makes of each field is then known per distinct text instead of per row, and the rows
/// reach <see cref="CohortBuilder.Add"/> with the same values, lines and order.</summary>
/// <remarks>A row group with any other row (a value to clean or report, a missing required value, a number stored as text, a
/// flag that is not a coding) is declined before anything is added, and read row by row, where each problem is found and
/// reported with its line. So the load's result, problems and notes are those of reading every row one by one.</remarks>
internal sealed class CodedRowGroupReader
{
    private readonly CohortBuilder _builder;
    private readonly SharedCodeReadings _readings;
    private readonly MissingTokenSet _missing;
    private readonly long[] _flagCodings;
    private readonly int _subject, _arm, _visit, _label, _parameter, _value, _flag, _base, _change;
    private readonly int[] _covariates;
    private readonly string _armColumn;
    private readonly string? _defaultParameter;
    private int _declined = -1;   // the row group last declined (its rows are read one by one)

    public CodedRowGroupReader(CohortBuilder builder, SharedCodeReadings readings, MissingTokenSet missing, long[] flagCodings,
        int subject, int arm, int visit, int label, int parameter, int value, int flag, int baseColumn, int change, int[] covariates,
        string armColumn, string? defaultParameter)
    {
        _builder = builder;
        _readings = readings;
        _missing = missing;
        _flagCodings = flagCodings;
        (_subject, _arm, _visit, _label, _parameter, _value, _flag, _base, _change) = (subject, arm, visit, label, parameter, value, flag, baseColumn, change);
        _covariates = covariates;
        _armColumn = armColumn;
        _defaultParameter = defaultParameter;
        _texts = new Texts[covariates.Length + 4];
        _covariateTexts = new RowTexts[covariates.Length];
        for (int t = 0; t < _texts.Length; t++) _texts[t] = new Texts();
    }

    // The text columns' readings for the row group: subject, arm, parameter, visit label, then the covariates.
    private readonly Texts[] _texts;

    /// <summary>Reads the current row and the rest of its row group into the builder and leaves the source at the row
    /// group's last row; false, with nothing added, when a row of the group must be read row by row (the whole group is
    /// then read so, and not asked about again).</summary>
    /// <param name="source">The Parquet source, at a row the reader has not yet read.</param>
    /// <param name="rows">Rows read (the reader's count), advanced by the rows added.</param>
    /// <param name="seq">The reader's row sequence number, advanced likewise.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadRestOfGroup(ParquetTabularSource source, ref long rows, ref long seq)
    {
        if (source.Group == _declined) return false;
        int from = source.RowInGroup, to = source.GroupRows;
        if (!Prepare(source, from, to))
        {
            _declined = source.Group;
            return false;
        }
        ReadOnlySpan<int> flagCodes = _flag >= 0 ? source.Chunk(_flag).Codes : default;
        Span<bool> flags = default;
        if (_flag >= 0)
        {
            if (_flags.Length < to) _flags = new bool[to];
            flags = _flags.AsSpan(0, to);
            for (int r = from; r < to; r++)
            {
                flags[r] = false;
                if (flagCodes[r] >= 0 && _flagOf[flagCodes[r]] is var coding && coding >= 0)
                {
                    _flagCodings[coding]++;
                    flags[r] = BaselineFlagCoding.IsYes(coding);
                }
            }
        }
        for (int c = 0; c < _covariates.Length; c++) _covariateTexts[c] = _texts[4 + c].View;
        _builder.AddBlock(new RowBlock
        {
            FirstLine = source.Line,
            From = from,
            To = to,
            Subject = _texts[0].View,
            Arm = _texts[1].View,
            ArmColumn = _armColumn,
            Parameter = _parameter >= 0 ? _texts[2].View : RowTexts.Constant(_defaultParameter),
            Label = _label >= 0 ? _texts[3].View : RowTexts.Constant(null),
            Visit = source.Chunk(_visit).Numbers,
            Value = source.Chunk(_value).Numbers,
            Flag = flags,
            FileBase = _base >= 0 ? source.Chunk(_base).Numbers : default,
            FileChange = _change >= 0 ? source.Chunk(_change).Numbers : default,
            Covariates = _covariateTexts,
        });
        rows += to - from;
        seq += to - from;
        source.SkipRestOfGroup();
        return true;
    }

    // Per distinct flag text of the row group: what it reads as (BaselineFlagCoding.Read).
    private int[] _flagOf = [];

    // The baseline flag of each row of the group (reused from group to group), and the covariates' views.
    private bool[] _flags = [];
    private readonly RowTexts[] _covariateTexts;

    // Checks rows [from, to) and makes each text column's readings; false when a row must be read row by row.
    private bool Prepare(ParquetTabularSource source, int from, int to)
    {
        if (!Numbers(source.Chunk(_visit), from, to, required: true) || !Numbers(source.Chunk(_value), from, to, required: false)
            || (_base >= 0 && !Numbers(source.Chunk(_base), from, to, required: false))
            || (_change >= 0 && !Numbers(source.Chunk(_change), from, to, required: false)))
            return false;
        if (!_texts[0].Prepare(this, source.Chunk(_subject), _subject, from, to, required: true)
            || !_texts[1].Prepare(this, source.Chunk(_arm), _arm, from, to, required: true)
            || (_parameter >= 0 && !_texts[2].Prepare(this, source.Chunk(_parameter), _parameter, from, to, required: true))
            || (_label >= 0 && !_texts[3].Prepare(this, source.Chunk(_label), _label, from, to, required: false)))
            return false;
        for (int c = 0; c < _covariates.Length; c++)
            if (!_texts[4 + c].Prepare(this, source.Chunk(_covariates[c]), _covariates[c], from, to, required: false))
                return false;
        return _flag < 0 || Flags(source.Chunk(_flag), from, to);
    }

    // A typed number column, with no missing value where one is required.
    private static bool Numbers(ParquetColumnChunk chunk, int from, int to, bool required)
    {
        if (!chunk.IsNumber) return false;
        if (!required) return true;
        foreach (double x in chunk.Numbers[from..to])
            if (double.IsNaN(x)) return false;
        return true;
    }

    // A text flag column whose rows are recognised codings, empty or missing tokens (read as CohortTableReader.Flag reads them).
    private bool Flags(ParquetColumnChunk chunk, int from, int to)
    {
        if (chunk.DistinctTexts is not { } texts) return false;
        if (_flagOf.Length < texts.Length) _flagOf = new int[Math.Max(texts.Length, 2 * _flagOf.Length)];
        for (int k = 0; k < texts.Length; k++) _flagOf[k] = BaselineFlagCoding.Read(texts[k], _missing);
        foreach (int code in chunk.Codes[from..to])
            if (code >= 0 && _flagOf[code] == BaselineFlagCoding.Unrecognised) return false;
        return true;
    }

    /// <summary>What a text column's rows read as (<see cref="CohortTableReader"/>'s Text): for a text chunk, per distinct
    /// text; for a number chunk in a text role (a site stored as a number), per row.</summary>
    private sealed class Texts
    {
        private ParquetColumnChunk? _chunk;  // a text chunk: its codes
        private string?[] _byCode = [];     // a text chunk's reading of each local code
        private string?[] _byRow = [];      // a number chunk's reading of each row
        private bool _perRow;

        /// <summary>The rows' readings, as prepared.</summary>
        public RowTexts View => _perRow ? RowTexts.PerRow(_byRow) : RowTexts.Coded(_chunk!.CodeArray!, _byCode);

        public bool Prepare(CodedRowGroupReader reader, ParquetColumnChunk chunk, int column, int from, int to, bool required)
        {
            if (chunk.DistinctTexts is { } distinct)
            {
                _perRow = false;
                _chunk = chunk;
                ReadOnlySpan<int> codes = chunk.Codes;
                if (_byCode.Length < distinct.Length) _byCode = new string?[Math.Max(distinct.Length, 2 * _byCode.Length)];
                Array.Clear(_byCode, 0, distinct.Length);
                if (from == 0 && to == codes.Length)
                {
                    // The whole row group: each distinct text is read once. A dictionary may hold a text no row uses;
                    // if that one needs cleaning, the group is only read the long way, with the same result.
                    if (required && codes.Contains(-1)) return false;
                    for (int code = 0; code < distinct.Length; code++)
                        if ((_byCode[code] = reader.Reading(column, distinct[code], chunk.CodeBase + code)) is null) return false;
                    return true;
                }
                for (int r = from; r < to; r++)
                {
                    int code = codes[r];
                    if (code < 0)
                    {
                        if (required) return false;
                        continue;
                    }
                    if (_byCode[code] is not null) continue;
                    if ((_byCode[code] = reader.Reading(column, distinct[code], chunk.CodeBase + code)) is null) return false;
                }
                return true;
            }
            if (!chunk.IsNumber) return false;
            _perRow = true;
            _chunk = null;
            if (_byRow.Length < to) _byRow = new string?[to];
            for (int r = from; r < to; r++)
            {
                string? shared = chunk.Shared(r, out int code);
                if (shared is null)
                {
                    // A null, or a number past the texts kept (read row by row).
                    if (required || !double.IsNaN(chunk.Number(r))) return false;
                    _byRow[r] = null;
                    continue;
                }
                if ((_byRow[r] = reader.Reading(column, shared, code)) is null) return false;
            }
            return true;
        }
    }

    // What CohortTableReader's Text makes of a shared string without cleaning it (SharedCodeReadings.Reading); null when
    // the row must be read row by row.
    private string? Reading(int column, string shared, int code) => _readings.Reading(column, shared, code, _missing);
}
