using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>The values of one flat Parquet column in one row group, decoded column by column: numbers as doubles (NaN
/// for null), UTF-8 text as a code per row into the chunk's distinct values (<see cref="TextCodes"/>: a repeated value,
/// the common case for subject, arm, parameter and visit, is the same characters every time), booleans, dates and times
/// as their ISO 8601 text.</summary>
/// <remarks>Values are read with Parquet.Net's raw column read (the non-null values packed, plus definition levels), so
/// no nullable array of the whole row group is made: a row group of a million rows holds 4 bytes per text cell and 8 per
/// number, not the 24 of a nullable character slice.</remarks>
internal sealed class ParquetColumnChunk
{
    private readonly double[]? _numbers;
    private readonly long[]? _integers;
    private readonly int[]? _codes;
    private readonly ReadOnlyMemory<char>[]? _distinct;
    private readonly string?[]? _display;
    // The text of a number column's values (read by the identifier guard and by code columns stored as numbers), made
    // once per distinct value: clinical scores, visits and sites take few values.
    private NumberTexts? _texts;

    private ParquetColumnChunk(double[]? numbers, long[]? integers, int[]? codes, ReadOnlyMemory<char>[]? distinct, string?[]? display)
    {
        _numbers = numbers;
        _integers = integers;
        _codes = codes;
        _distinct = distinct;
        _display = display;
    }

    /// <summary>A text column decoded by <see cref="ParquetChunkDecoder"/>: a code per row into
    /// <paramref name="distinct"/> (−1 for a null).</summary>
    public static ParquetColumnChunk OfText(int[] codes, string[] distinct) =>
        new(null, null, codes, Array.ConvertAll(distinct, d => d.AsMemory()), null) { _distinctStrings = distinct };

    /// <summary>A number column decoded by <see cref="ParquetChunkDecoder"/>: NaN for a null; <paramref name="integers"/>
    /// for an integer column.</summary>
    public static ParquetColumnChunk OfNumbers(double[] numbers, long[]? integers) => new(numbers, integers, null, null, null);

    /// <summary>Shares the number texts of the column's earlier row groups.</summary>
    public NumberTexts? Texts
    {
        get => _texts;
        set => _texts = value;
    }

    public bool IsNumber => _numbers is not null;

    /// <summary>The code the chunk's first distinct text gets (<see cref="Shared(int, out int)"/>): the source numbers the distinct
    /// texts of a column's row groups one after the other, so a code stands for one text across the file.</summary>
    public int CodeBase { get; set; }

    /// <summary>Distinct texts in the chunk (0 for a column that is not text).</summary>
    public int DistinctCount => _distinct?.Length ?? 0;

    // One string per distinct text, made when the chunk is decoded: the chunk is read by the loader and the identifier
    // guard on two threads, so nothing in it is filled in lazily.
    private string[]? _distinctStrings;

    /// <summary>Row <paramref name="row"/>'s value as a string shared by the rows holding it, with its code
    /// (<see cref="TabularSource.SharedField"/>): text values as one string per distinct value of the row group, numbers
    /// as one per distinct value of the column; null for a null, booleans, dates and times, and numbers past the
    /// <see cref="NumberTexts.Capacity"/>.</summary>
    public string? Shared(int row, out int code) => Shared(row, LoaderTexts, out code);

    // The loader's number texts (shared with the column's earlier row groups); null for a column that is not numbers.
    private NumberTexts? LoaderTexts => _numbers is null ? null : _texts ??= new NumberTexts();

    // Shared, with the number texts to use (the loader's, or the guard's own in ScanInto).
    private string? Shared(int row, NumberTexts? texts, out int code)
    {
        if (_codes is not null)
        {
            int local = _codes[row];
            if (local < 0)
            {
                code = -1;
                return null;
            }
            code = CodeBase + local;
            return _distinctStrings![local];
        }
        code = -1;
        if (_numbers is null) return null;
        double x = _numbers[row];
        if (double.IsNaN(x)) return null;
        return _integers is not null ? texts!.Shared(_integers[row], out code) : texts!.Shared(x, out code);
    }

    public double Number(int row) => _numbers![row];

    /// <summary>A text column's code per row into <see cref="DistinctTexts"/> (−1 for a null); empty for other columns.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The array behind <see cref="Codes"/> (null for other columns), for a view that outlives a span.</summary>
    internal int[]? CodeArray => _codes;

    /// <summary>A text column's distinct values, one string each; null for other columns.</summary>
    public string[]? DistinctTexts => _distinctStrings;

    /// <summary>A number column's values (NaN for a null); empty for other columns.</summary>
    public ReadOnlySpan<double> Numbers => _numbers;

    /// <summary>True when row <paramref name="row"/> holds the same text as the row before it in this chunk (the same
    /// text code, or the same number bit for bit); a null never repeats (<see cref="TabularSource.Repeats"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Repeats(int row)
    {
        if (row == 0) return false;
        if (_codes is not null) return _codes[row] >= 0 && _codes[row] == _codes[row - 1];
        if (_numbers is null) return false;
        double x = _numbers[row];
        return !double.IsNaN(x) && BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(_numbers[row - 1])
            && (_integers is null || _integers[row] == _integers[row - 1]);
    }

    /// <summary>Counts the chunk's values, row by row, as column <paramref name="column"/> of
    /// <paramref name="scanner"/>: what the read-ahead's copy of its rows would hand the guard (the shared string and
    /// code of a text or number, the text of other values, a null as a typed null). Numbers take their text from
    /// <paramref name="texts"/>, the guard's own for the column, so the loader's (<see cref="Texts"/>) is never touched
    /// from the guard's thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ScanInto(Privacy.IdentifierScanner scanner, int column, NumberTexts texts)
    {
        // Text and number columns are counted by their codes (IdentifierScanner.AddCoded: the same counts).
        if (_codes is not null)
        {
            scanner.AddCoded(column, _codes, _distinctStrings!, CodeBase);
            return;
        }
        if (_numbers is not null && texts.TryCodes(_numbers, _integers, out ReadOnlySpan<int> codes, out ReadOnlySpan<string> numberTexts))
        {
            scanner.AddCoded(column, codes, numberTexts, 0);
            return;
        }
        // Dates, times and booleans, and numbers past the texts kept, row by row.
        int rows = _numbers?.Length ?? _display!.Length;
        for (int row = 0; row < rows; row++)
        {
            if (Shared(row, texts, out int code) is { } shared) scanner.AddShared(column, shared, code);
            else scanner.Add(column, Field(row, texts, out bool isNull), isNull);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Field(int row, out bool isNull) => Field(row, _codes is null ? LoaderTexts : null, out isNull);

    // Field, with the number texts to use (the loader's, or the guard's own in ScanInto).
    private ReadOnlySpan<char> Field(int row, NumberTexts? texts, out bool isNull)
    {
        if (_codes is not null)
        {
            int code = _codes[row];
            isNull = code < 0;
            return isNull ? [] : _distinct![code].Span;
        }
        if (_display is not null)
        {
            string? shown = _display[row];
            isNull = shown is null;
            return shown.AsSpan();
        }
        double x = _numbers![row];
        isNull = double.IsNaN(x);
        if (isNull) return [];
        return _integers is not null ? texts!.Of(_integers[row]) : texts!.Of(x);
    }

    /// <summary>What a column of <paramref name="field"/>'s type is read as, or null when it cannot be read.</summary>
    public static ValueKind? KindOf(DataField field)
    {
        Type t = field.ClrType;
        if (IsNumeric(t)) return ValueKind.Number;
        if (t == typeof(ReadOnlyMemory<char>) || t == typeof(string)) return ValueKind.Text;
        if (t == typeof(bool)) return ValueKind.Boolean;
        if (t == typeof(DateOnly)) return ValueKind.Date;
        if (t == typeof(DateTime) || t == typeof(DateTimeOffset)) return ValueKind.DateTime;
        if (t == typeof(TimeSpan) || t == typeof(TimeOnly)) return ValueKind.Time;
        return null;
    }

    private static bool IsNumeric(Type t) =>
        t == typeof(double) || t == typeof(float) || t == typeof(decimal) || IsInteger(t);

    private static bool IsInteger(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(sbyte) ||
        t == typeof(byte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong);

    /// <summary>Decodes <paramref name="field"/> of <paramref name="group"/> (<paramref name="rows"/> values).</summary>
    public static async Task<ParquetColumnChunk> ReadAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        Type t = field.ClrType;
        if (t == typeof(double)) return await NumbersAsync<double>(group, field, rows, integers: false);
        if (t == typeof(float)) return await NumbersAsync<float>(group, field, rows, integers: false);
        if (t == typeof(decimal)) return await NumbersAsync<decimal>(group, field, rows, integers: false);
        if (t == typeof(int)) return await NumbersAsync<int>(group, field, rows, integers: true);
        if (t == typeof(long)) return await NumbersAsync<long>(group, field, rows, integers: true);
        if (t == typeof(short)) return await NumbersAsync<short>(group, field, rows, integers: true);
        if (t == typeof(sbyte)) return await NumbersAsync<sbyte>(group, field, rows, integers: true);
        if (t == typeof(byte)) return await NumbersAsync<byte>(group, field, rows, integers: true);
        if (t == typeof(ushort)) return await NumbersAsync<ushort>(group, field, rows, integers: true);
        if (t == typeof(uint)) return await NumbersAsync<uint>(group, field, rows, integers: true);
        if (t == typeof(ulong)) return await NumbersAsync<ulong>(group, field, rows, integers: true);
        if (t == typeof(ReadOnlyMemory<char>)) return await TextAsync(group, field, rows);
        if (t == typeof(bool)) return await DisplayAsync<bool>(group, field, rows, b => b ? "true" : "false");
        if (t == typeof(DateOnly)) return await DisplayAsync<DateOnly>(group, field, rows, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (t == typeof(DateTime))
            return await DisplayAsync<DateTime>(group, field, rows, d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        if (t == typeof(DateTimeOffset)) return await DisplayAsync<DateTimeOffset>(group, field, rows, d => d.ToString("o", CultureInfo.InvariantCulture));
        if (t == typeof(TimeSpan)) return await DisplayAsync<TimeSpan>(group, field, rows, d => d.ToString("c", CultureInfo.InvariantCulture));
        if (t == typeof(TimeOnly)) return await DisplayAsync<TimeOnly>(group, field, rows, d => d.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        throw new NotSupportedException($"Parquet values of type {t.Name} are not read.");
    }

    // The definition levels of a flat optional column: 0 for a null, 1 for a value (null for a required column).
    private static int[]? Levels(DataField field, int rows) => field.IsNullable ? new int[rows] : null;

    private static async Task<ParquetColumnChunk> NumbersAsync<T>(ParquetRowGroupReader group, DataField field, int rows, bool integers)
        where T : struct, INumberBase<T>
    {
        var numbers = new double[rows];
        int[]? levels = Levels(field, rows);
        if (typeof(T) == typeof(double))
        {
            await group.ReadRawAsync<double>(field, numbers.AsMemory(), levels?.AsMemory(), null);
            if (levels is not null) SpreadInPlace(numbers, levels, double.NaN);
            return new ParquetColumnChunk(numbers, null, null, null, null);
        }
        var values = new T[rows];
        await group.ReadRawAsync<T>(field, values.AsMemory(), levels?.AsMemory(), null);
        long[]? whole = integers ? new long[rows] : null;
        Spread(values, levels, numbers, whole);
        return new ParquetColumnChunk(numbers, whole, null, null, null);
    }

    /// <summary>Moves the packed non-null values at the start of <paramref name="values"/> to their rows, from the last
    /// row back, by the definition levels (0: a null, which gets <paramref name="missing"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SpreadInPlace<T>(Span<T> values, ReadOnlySpan<int> levels, T missing)
    {
        int present = 0;
        foreach (int level in levels) present += level == 0 ? 0 : 1;
        for (int row = levels.Length - 1, k = present - 1; row >= 0; row--)
            values[row] = levels[row] == 0 ? missing : values[k--];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Spread<T>(T[] values, int[]? levels, double[] numbers, long[]? whole) where T : struct, INumberBase<T>
    {
        for (int row = 0, k = 0; row < numbers.Length; row++)
        {
            if (levels is not null && levels[row] == 0)
            {
                numbers[row] = double.NaN;
                continue;
            }
            T x = values[k++];
            numbers[row] = double.CreateChecked(x);
            if (whole is not null) whole[row] = long.CreateSaturating(x);
        }
    }

    private static async Task<ParquetColumnChunk> TextAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new ReadOnlyMemory<char>[rows];
        int[]? levels = Levels(field, rows);
        await group.ReadRawAsync<ReadOnlyMemory<char>>(field, values.AsMemory(), levels?.AsMemory(), null);
        var codes = new int[rows];
        ReadOnlyMemory<char>[] distinct = TextCodes.Encode(values, levels, codes);
        return new ParquetColumnChunk(null, null, codes, distinct, null) { _distinctStrings = Array.ConvertAll(distinct, d => d.ToString()) };
    }

    private static async Task<ParquetColumnChunk> DisplayAsync<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, string> show)
        where T : struct
    {
        var values = new T[rows];
        int[]? levels = Levels(field, rows);
        await group.ReadRawAsync<T>(field, values.AsMemory(), levels?.AsMemory(), null);
        var display = new string?[rows];
        for (int row = 0, k = 0; row < rows; row++)
            display[row] = levels is not null && levels[row] == 0 ? null : show(values[k++]);
        return new ParquetColumnChunk(null, null, null, null, display);
    }
}
