using System.Text;

namespace CohortAnalysis.Tests.Data;

/// <summary>Deterministic, AFL-style mutations of a CSV file for property tests of the readers: each edit is one int
/// whose low 3 bits pick the kind (bit flip, awkward byte, truncation, duplicated / deleted / swapped line, inserted
/// token, changed delimiters) and whose high bits pick the position.</summary>
internal static class CsvMutator
{
    public const int MaxEdits = 6;

    private static readonly byte[] Bytes = ",;\t\"\n\r .-e09"u8.ToArray().Concat(new byte[] { 0x00, 0xFF, 0xC3, 0xEF, 0x80 }).ToArray();

    private static readonly byte[][] Tokens =
    [
        .. new[] { "\"", "\"\"", ",", ";", "NA", "1e309", "-", "\r\n", "\n", "MADRS", "USUBJID", "ABLFL", "Y", "\uFEFF", "\u0663", "_W", ",,,", "1E-400", "NaN", " " }
            .Select(Encoding.UTF8.GetBytes),
    ];

    private static readonly byte[] Delimiters = ";\t|\" "u8.ToArray();

    public static byte[] Apply(byte[] original, IEnumerable<int> edits)
    {
        var data = new List<byte>(original);
        foreach (int edit in edits.Take(MaxEdits))
        {
            uint e = unchecked((uint)edit);
            int at = (int)((e >> 8) % (uint)(data.Count + 1));
            int pick = (int)((e >> 3) & 31);
            switch (e & 7)
            {
                case 0 when data.Count > 0: data[at % data.Count] ^= (byte)(1 << (pick & 7)); break;
                case 1 when data.Count > 0: data[at % data.Count] = Bytes[pick % Bytes.Length]; break;
                case 2: data.RemoveRange(at, data.Count - at); break;
                case 3: { (int start, int end) = LineAround(data, at); data.InsertRange(end, data.GetRange(start, end - start)); break; }
                case 4: { (int start, int end) = LineAround(data, at); data.RemoveRange(start, end - start); break; }
                case 5: data.InsertRange(at, Tokens[pick % Tokens.Length]); break;
                case 6:
                {
                    // Swap the line at 'at' with the first line: moves the header into the data and a row into the header.
                    (int start, int end) = LineAround(data, at);
                    (int s0, int e0) = LineAround(data, 0);
                    if (start >= e0)
                    {
                        List<byte> line = data.GetRange(start, end - start), first = data.GetRange(s0, e0 - s0);
                        data.RemoveRange(start, end - start); data.InsertRange(start, first);
                        data.RemoveRange(s0, e0 - s0); data.InsertRange(s0, line);
                    }
                    break;
                }
                default:
                {
                    (int start, int end) = LineAround(data, at);
                    byte delimiter = Delimiters[pick % Delimiters.Length];
                    for (int i = start; i < end; i++) if (data[i] == (byte)',') data[i] = delimiter;
                    break;
                }
            }
        }
        return [.. data];
    }

    // [start, end) of the line holding position 'at', its '\n' included.
    private static (int Start, int End) LineAround(List<byte> data, int at)
    {
        int start = Math.Min(at, data.Count);
        while (start > 0 && data[start - 1] != (byte)'\n') start--;
        int end = Math.Min(at, data.Count);
        while (end < data.Count && data[end] != (byte)'\n') end++;
        return (start, Math.Min(end + 1, data.Count));
    }

    /// <summary>The input as a C# string literal, to paste into a regression test.</summary>
    public static string Literal(byte[] data)
    {
        var text = new StringBuilder("\"");
        foreach (byte b in data)
            text.Append(b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        return text.Append('"').ToString();
    }
}
