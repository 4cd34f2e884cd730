using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>The read-ahead source gives the rows, fields, lines, typed numbers and the source's exception exactly as
/// reading the source directly does, across block boundaries and on its second thread.</summary>
public class ReadAheadTabularSourceTests
{
    // Rows of three fields: a code that repeats in runs, a number that may be typed, a null every 7th row.
    private sealed class Rows(int count, int throwAt = -1) : TabularSource
    {
        private int _row = -1;
        public override string Name => "rows";
        public override IReadOnlyList<string> Header => ["code", "number", "note"];
        public override long Line => 2 + 2L * _row;
        public override long EndLine => Line + (_row % 5 == 0 ? 1 : 0);
        public override int FieldCount => _row % 11 == 0 ? 2 : 3;
        public override bool Read()
        {
            if (_row + 1 == throwAt) throw new CohortDataException([CsvTabularSource.Problem("rows", Line + 2, null, null, "broken")]);
            return ++_row < count;
        }
        public override ReadOnlySpan<char> Field(int column, out bool isNull)
        {
            // Past the row's last field: empty, as every reader gives it (CsvTabularSource.Field).
            isNull = column < FieldCount && column == 2 && _row % 7 == 0;
            if (column >= FieldCount) return [];
            return column switch { 0 => $"S{_row / 9}", 1 => $"{_row * 0.5}", _ => isNull ? "" : $"note {_row}" };
        }
        public override bool TryNumber(int column, out double value)
        {
            value = _row * 0.5;
            return column == 1 && _row % 3 == 0 && column < FieldCount;
        }
    }

    // The same rows from a source that shares the code column's strings (one per subject, numbered as a typed reader's
    // cache numbers them: a subject met again after others gets a new code) and the notes of even rows.
    private sealed class SharingRows(int count) : TabularSource
    {
        private readonly Rows _rows = new(count);
        private readonly Dictionary<string, (string Text, int Code)> _shared = [];
        private readonly int[] _next = new int[3];   // codes are numbered per column
        private int _row = -1;
        public override string Name => _rows.Name;
        public override IReadOnlyList<string> Header => _rows.Header;
        public override long Line => _rows.Line;
        public override long EndLine => _rows.EndLine;
        public override int FieldCount => _rows.FieldCount;
        public override bool Read()
        {
            _row++;
            if (_row % 1000 == 0) _shared.Clear();   // forgets, as a cache does: the same text gets a new code
            return _rows.Read();
        }
        public override ReadOnlySpan<char> Field(int column, out bool isNull) => _rows.Field(column, out isNull);
        public override bool TryNumber(int column, out double value) => _rows.TryNumber(column, out value);
        public override string? SharedField(int column, out int code)
        {
            code = -1;
            string text = _rows.Field(column, out bool isNull).ToString();
            if (isNull || column >= FieldCount || (column == 2 && _row % 2 == 1) || column == 1) return null;
            string key = column + ":" + text;
            if (!_shared.TryGetValue(key, out var kept)) _shared[key] = kept = (text, _next[column]++);
            code = kept.Code;
            return kept.Text;
        }
    }

    private static List<string> Dump(TabularSource source)
    {
        var lines = new List<string>();
        while (source.Read())
        {
            var text = new List<string> { $"{source.Line}-{source.EndLine}:{source.FieldCount}" };
            for (int c = 0; c < 4; c++)
            {
                string field = source.Field(c, out bool isNull).ToString();
                text.Add(isNull ? "<null>" : field);
                text.Add(source.TryNumber(c, out double x) ? $"#{x}" : "-");
            }
            lines.Add(string.Join("|", text));
        }
        return lines;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(ScannedRowBlock.Rows)]
    [InlineData(ScannedRowBlock.Rows + 1)]
    [InlineData(5 * ScannedRowBlock.Rows + 123)]
    public void Rows_SameAsReadingTheSourceDirectly(int count)
    {
        List<string> direct = Dump(new Rows(count));
        using var ahead = new ReadAheadTabularSource(new Rows(count));
        List<string> read = Dump(ahead);
        Assert.Equal(count, read.Count);
        Assert.Equal(direct, read);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(3 * ScannedRowBlock.Rows + 17)]
    public void SourceThrows_RethrownAfterTheRowsBeforeIt(int throwAt)
    {
        using var ahead = new ReadAheadTabularSource(new Rows(10 * ScannedRowBlock.Rows, throwAt));
        int rows = 0;
        var e = Assert.Throws<CohortDataException>(() => { while (ahead.Read()) rows++; });
        Assert.Equal(throwAt, rows);
        Assert.Contains("broken", e.Message);
    }

    [Fact]
    public void Repeats_OnlyWhereTheTextEqualsTheRowBefore()
    {
        using var ahead = new ReadAheadTabularSource(new Rows(2 * ScannedRowBlock.Rows + 50));
        string? previous = null;
        int row = 0, repeats = 0;
        while (ahead.Read())
        {
            string code = ahead.Field(0, out _).ToString();
            if (ahead.Repeats(0)) { Assert.Equal(previous, code); repeats++; }
            else if (row % ScannedRowBlock.Rows != 0) Assert.NotEqual(previous, code);
            previous = code;
            row++;
        }
        Assert.True(repeats > row / 2);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(3 * ScannedRowBlock.Rows + 77)]
    public void SharedFields_SameRowsAsReadingTheSourceDirectly_WithTheSourcesStringsAndCodes(int count)
    {
        List<string> direct = Dump(new Rows(count));
        var source = new SharingRows(count);
        using var ahead = new ReadAheadTabularSource(source);
        List<string> read = Dump(ahead);
        Assert.Equal(count, read.Count);
        Assert.Equal(direct, read);

        // The block hands back the source's own string and code; a repeat is the previous row's code again.
        var again = new SharingRows(count);
        using var second = new ReadAheadTabularSource(new SharingRows(count));
        int previousCode = -1, rows = 0, repeats = 0;
        while (second.Read())
        {
            Assert.True(again.Read());
            string? expected = again.SharedField(0, out int code);
            string? shared = second.SharedField(0, out int readCode);
            Assert.Equal(expected, shared);
            Assert.Equal(code, readCode);
            Assert.Equal(expected, second.Field(0, out _).ToString());
            if (second.Repeats(0)) { Assert.Equal(previousCode, readCode); repeats++; }
            Assert.Null(second.SharedField(1, out int none));
            Assert.Equal(-1, none);
            previousCode = readCode;
            rows++;
        }
        Assert.Equal(count, rows);
        Assert.True(repeats > 0);
    }

    [Fact]
    public void Dispose_BeforeTheEnd_StopsTheReadingThread()
    {
        var ahead = new ReadAheadTabularSource(new Rows(50 * ScannedRowBlock.Rows));
        for (int i = 0; i < ScannedRowBlock.Rows + 10; i++) Assert.True(ahead.Read());
        ahead.Dispose();
        ahead.Dispose();
    }
}
