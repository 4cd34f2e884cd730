using System.Buffers.Binary;
using System.Text;
using Microsoft.Data.Analysis;

namespace CohortAnalysis.Fuzz;

/// <summary>Builds a small DataFrame deterministically from fuzz bytes: string, double, float, int, bool and all-null
/// columns, named mostly from the ADaM names the mapping looks for so that AFL gets past the header checks.</summary>
/// <remarks>Layout: byte 0 flags (bit 0: wide layout), byte 1 column count (1–8), byte 2 row count (0–11), then for
/// each column a type byte, a name byte (a known name, or characters taken from the following bytes) and one byte per
/// cell (a token from a list of awkward values, or raw bytes that follow it). Bytes past the end read as 0.</remarks>
internal static class FrameFromBytes
{
    private static readonly string[] Names =
    [
        "USUBJID", "TRT01P", "PARAMCD", "AVISITN", "AVISIT", "AVAL", "ABLFL", "BASE", "CHG", "SITEID", "SEX",
        "MADRS_W0", "MADRS_W6", "PAINNRS_V1", "HAMD17_WEEK-1", "", " ", "usubjid", "AVAL ", "ARM", "VISIT", "X_1.5",
    ];

    private static readonly string?[] Tokens =
    [
        null, "", " ", "NA", ".", "S1", "S2", "S3", "Placebo", "Active", "MADRS", "PAINNRS", "HAMD17", "Y", "y", "N",
        "0", "1", "6", "-1", "6.5", "30", "60", "1e308", "1e309", "-1e309", "NaN", "Infinity", "∞", "1,5", "0x10", "\"",
        "S1\nS2", "\0", "١", "MADRS_W0", "Baseline", "Week 6", "00000000000000000000000000000000000000001", "+1", "-0",
    ];

    private static readonly double[] Specials =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1e308, -1e308, double.Epsilon,
        double.MaxValue, double.MinValue, 0.1, 6.5, 1e-300, 60, 60.0000000001, -1, 30, 6, 1, 2,
    ];

    public static (DataFrame Frame, bool Wide) Build(byte[] data)
    {
        var cursor = new Cursor(data);
        bool wide = (cursor.Next() & 1) == 1;
        int columns = 1 + cursor.Next() % 8;
        int rows = cursor.Next() % 12;
        var built = new List<DataFrameColumn>(columns);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < columns; c++)
        {
            int type = cursor.Next() % 6;
            string name = Name(cursor);
            // DataFrame itself refuses two columns of the same name; the reader's own duplicate check is case-insensitive.
            while (!taken.Add(name)) name += "'";
            built.Add(type switch
            {
                0 => Strings(name, rows, cursor),
                1 => new DoubleDataFrameColumn(name, Cells<double>(rows, cursor, b => Double(b, cursor))),
                2 => new SingleDataFrameColumn(name, Cells<float>(rows, cursor, b => (float?)Double(b, cursor))),
                3 => new Int32DataFrameColumn(name, Cells<int>(rows, cursor, b => b < 128 ? b - 8 : (int?)cursor.Int32())),
                4 => new BooleanDataFrameColumn(name, Cells<bool>(rows, cursor, b => (bool?)((b & 1) == 1))),
                _ => new DoubleDataFrameColumn(name, rows),
            });
        }
        return (new DataFrame(built), wide);
    }

    private static string Name(Cursor cursor)
    {
        int b = cursor.Next();
        if (b < Names.Length * 8) return Names[b % Names.Length];
        return Text(cursor, 1 + b % 12);
    }

    private static StringDataFrameColumn Strings(string name, int rows, Cursor cursor)
    {
        var values = new string?[rows];
        for (int r = 0; r < rows; r++)
        {
            int b = cursor.Next();
            values[r] = b < Tokens.Length * 5 ? Tokens[b % Tokens.Length] : Text(cursor, b % 16);
        }
        return new StringDataFrameColumn(name, values);
    }

    private static IEnumerable<T?> Cells<T>(int rows, Cursor cursor, Func<int, T?> cell) where T : struct
    {
        var values = new T?[rows];
        for (int r = 0; r < rows; r++)
        {
            int b = cursor.Next();
            values[r] = b == 255 ? null : cell(b);
        }
        return values;
    }

    private static double Double(int b, Cursor cursor) =>
        b < Specials.Length * 4 ? Specials[b % Specials.Length]
        : b < 200 ? b - 100 + (b % 4) * 0.25
        : BitConverter.Int64BitsToDouble(cursor.Int64());

    // Characters from the next bytes; Latin-1 mapping keeps control characters, quotes, delimiters and non-ASCII letters.
    private static string Text(Cursor cursor, int length)
    {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) text.Append((char)cursor.Next());
        return text.ToString();
    }

    private sealed class Cursor(byte[] data)
    {
        private int _at;

        public int Next() => _at < data.Length ? data[_at++] : 0;

        public int Int32()
        {
            Span<byte> bytes = stackalloc byte[4];
            for (int i = 0; i < 4; i++) bytes[i] = (byte)Next();
            return BinaryPrimitives.ReadInt32LittleEndian(bytes);
        }

        public long Int64()
        {
            Span<byte> bytes = stackalloc byte[8];
            for (int i = 0; i < 8; i++) bytes[i] = (byte)Next();
            return BinaryPrimitives.ReadInt64LittleEndian(bytes);
        }
    }
}
