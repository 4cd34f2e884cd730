using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>The values of one flat Parquet column in one row group, decoded column by column: numbers as doubles (NaN
/// for null), UTF-8 text as character slices (a dictionary-encoded column's slices share the one decoded dictionary, so
/// no string is made per row), booleans, dates and times as their ISO 8601 text.</summary>
internal sealed class ParquetColumnChunk
{
    private readonly double[]? _numbers;
    private readonly long[]? _integers;
    private readonly ReadOnlyMemory<char>?[]? _text;
    private readonly string?[]? _display;
    // The text of a number column's values (read by the identifier guard and by code columns stored as numbers), made
    // once per distinct value: clinical scores, visits and sites take few values.
    private NumberTexts? _texts;

    private ParquetColumnChunk(double[]? numbers, long[]? integers, ReadOnlyMemory<char>?[]? text, string?[]? display)
    {
        _numbers = numbers;
        _integers = integers;
        _text = text;
        _display = display;
    }

    /// <summary>Shares the number texts of the column's earlier row groups.</summary>
    public NumberTexts? Texts
    {
        get => _texts;
        set => _texts = value;
    }

    public bool IsNumber => _numbers is not null;

    public double Number(int row) => _numbers![row];

    public ReadOnlySpan<char> Field(int row, out bool isNull)
    {
        if (_text is not null)
        {
            ReadOnlyMemory<char>? value = _text[row];
            isNull = value is null;
            return isNull ? [] : value!.Value.Span;
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
        _texts ??= new NumberTexts();
        return _integers is not null ? _texts.Of(_integers[row]) : _texts.Of(x);
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

    private static async Task<ParquetColumnChunk> NumbersAsync<T>(ParquetRowGroupReader group, DataField field, int rows, bool integers)
        where T : struct, INumberBase<T>
    {
        var numbers = new double[rows];
        long[]? whole = integers ? new long[rows] : null;
        if (field.IsNullable)
        {
            var values = new T?[rows];
            await group.ReadAsync<T>(field, values.AsMemory());
            for (int i = 0; i < rows; i++)
            {
                if (values[i] is not { } x) { numbers[i] = double.NaN; continue; }
                numbers[i] = double.CreateChecked(x);
                if (whole is not null) whole[i] = long.CreateSaturating(x);
            }
        }
        else if (typeof(T) == typeof(double))
        {
            await group.ReadAsync<double>(field, numbers.AsMemory());
        }
        else
        {
            var values = new T[rows];
            await group.ReadAsync<T>(field, values.AsMemory());
            for (int i = 0; i < rows; i++)
            {
                numbers[i] = double.CreateChecked(values[i]);
                if (whole is not null) whole[i] = long.CreateSaturating(values[i]);
            }
        }
        return new ParquetColumnChunk(numbers, whole, null, null);
    }

    private static async Task<ParquetColumnChunk> TextAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        var text = new ReadOnlyMemory<char>?[rows];
        if (field.IsNullable)
        {
            await group.ReadAsync<ReadOnlyMemory<char>>(field, text.AsMemory());
        }
        else
        {
            var values = new ReadOnlyMemory<char>[rows];
            await group.ReadAsync<ReadOnlyMemory<char>>(field, values.AsMemory());
            for (int i = 0; i < rows; i++) text[i] = values[i];
        }
        return new ParquetColumnChunk(null, null, text, null);
    }

    private static async Task<ParquetColumnChunk> DisplayAsync<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, string> show)
        where T : struct
    {
        var display = new string?[rows];
        if (field.IsNullable)
        {
            var values = new T?[rows];
            await group.ReadAsync<T>(field, values.AsMemory());
            for (int i = 0; i < rows; i++) display[i] = values[i] is { } x ? show(x) : null;
        }
        else
        {
            var values = new T[rows];
            await group.ReadAsync<T>(field, values.AsMemory());
            for (int i = 0; i < rows; i++) display[i] = show(values[i]);
        }
        return new ParquetColumnChunk(null, null, null, display);
    }
}
