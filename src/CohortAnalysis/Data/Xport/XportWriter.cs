using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CohortAnalysis.Data.Xport;

/// <summary>Writes a table as a SAS transport (XPORT) version 5 file, the layout of TS-140.</summary>
/// <remarks>
/// <para>Version 5 limits apply and are checked: names of at most 8 characters (letters, digits, '_'), labels of at most 40
/// bytes, character values of at most 200 bytes. Numbers are written as 8-byte IBM floating point
/// (<see cref="IbmFloat"/>); NaN and null as the SAS missing value '.'; dates (<see cref="DateOnly"/>) as days since
/// 1960-01-01 with the DATE9. format. Character columns are as wide as their longest value (UTF-8 bytes).</para>
/// <para>Thread-safe (no shared state).</para>
/// </remarks>
public static class XportWriter
{
    private static readonly DateOnly SasEpoch = new(1960, 1, 1);

    /// <summary>Writes <paramref name="rows"/> (aligned with <see cref="DatasetMetadata.Variables"/>: string, double, DateOnly
    /// or null) to <paramref name="stream"/>, which is left open.</summary>
    /// <exception cref="ArgumentException">A name, label or value does not fit version 5, or a value does not match its variable.</exception>
    public static void Write(Stream stream, DatasetMetadata metadata, IReadOnlyCollection<object?[]> rows, DateTime? created = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(rows);
        IReadOnlyList<VariableMetadata> variables = metadata.Variables;
        if (variables.Count == 0) throw new ArgumentException("A dataset needs at least one variable.", nameof(metadata));
        CheckName(metadata.Name.Length == 0 ? "DATA" : metadata.Name, "dataset name");
        var lengths = new int[variables.Count];
        for (int c = 0; c < variables.Count; c++)
        {
            CheckName(variables[c].Name, "variable name");
            if (Encoding.UTF8.GetByteCount(variables[c].Label) > 40) throw new ArgumentException($"The label of {variables[c].Name} is longer than 40 bytes (version 5).", nameof(metadata));
            lengths[c] = variables[c].Kind == ValueKind.Text ? 1 : 8;
        }
        long r = 0;
        foreach (object?[] row in rows)
        {
            r++;
            if (row.Length != variables.Count)
                throw new ArgumentException(Invariant($"Row {r} has {row.Length} values but the dataset has {variables.Count} variables."), nameof(rows));
            for (int c = 0; c < row.Length; c++)
                if (variables[c].Kind == ValueKind.Text && row[c] is string s) lengths[c] = Math.Max(lengths[c], Encoding.UTF8.GetByteCount(s));
        }
        foreach (int c in Enumerable.Range(0, variables.Count).Where(c => lengths[c] > 200))
            throw new ArgumentException($"Values of {variables[c].Name} are longer than 200 bytes (version 5).", nameof(rows));

        string stamp = (created ?? DateTime.UtcNow).ToString("ddMMMyy:HH:mm:ss", CultureInfo.InvariantCulture).ToUpperInvariant();
        var header = new List<byte>();
        void Record(string text) => header.AddRange(Encoding.ASCII.GetBytes(text.PadRight(80)[..80]));
        Record("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000");
        Record("SAS     SAS     SASLIB  9.4     CohortAn" + new string(' ', 24) + stamp);
        Record(stamp);
        Record("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140");
        Record("HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000");
        Record("SAS     " + (metadata.Name.Length == 0 ? "DATA" : metadata.Name).ToUpperInvariant().PadRight(8) + "SASDATA 9.4     CohortAn" + new string(' ', 24) + stamp);
        header.AddRange(Encoding.ASCII.GetBytes(stamp + new string(' ', 16)));
        header.AddRange(Padded(metadata.Label, 40));
        header.AddRange(Encoding.ASCII.GetBytes("DATA    "));
        Record(Invariant($"HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000{variables.Count:0000}00000000000000000000"));
        int position = 0;
        for (int c = 0; c < variables.Count; c++)
        {
            VariableMetadata v = variables[c];
            var namestr = new byte[140];
            BinaryPrimitives.WriteInt16BigEndian(namestr, (short)(v.Kind == ValueKind.Text ? 2 : 1));
            BinaryPrimitives.WriteInt16BigEndian(namestr.AsSpan(4), (short)lengths[c]);
            BinaryPrimitives.WriteInt16BigEndian(namestr.AsSpan(6), (short)(c + 1));
            Padded(v.Name.ToUpperInvariant(), 8).CopyTo(namestr, 8);
            Padded(v.Label, 40).CopyTo(namestr, 16);
            string format = v.Kind == ValueKind.Date ? "DATE" : "";
            Padded(format, 8).CopyTo(namestr, 56);
            BinaryPrimitives.WriteInt16BigEndian(namestr.AsSpan(64), (short)(format.Length > 0 ? 9 : 0));
            BinaryPrimitives.WriteInt16BigEndian(namestr.AsSpan(68), (short)(v.Kind == ValueKind.Text ? 0 : 1));
            Padded("", 8).CopyTo(namestr, 72);
            BinaryPrimitives.WriteInt32BigEndian(namestr.AsSpan(84), position);
            position += lengths[c];
            header.AddRange(namestr);
        }
        while (header.Count % 80 != 0) header.Add((byte)' ');
        Record("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000");
        stream.Write(header.ToArray());

        var record = new byte[position];
        long written = 0;
        r = 0;
        foreach (object?[] row in rows)
        {
            r++;
            int at = 0;
            for (int c = 0; c < row.Length; c++)
            {
                Span<byte> field = record.AsSpan(at, lengths[c]);
                switch (variables[c].Kind, row[c])
                {
                    case (ValueKind.Text, null):
                        field.Fill((byte)' ');
                        break;
                    case (ValueKind.Text, string s):
                        field.Fill((byte)' ');
                        Encoding.UTF8.GetBytes(s, field);
                        break;
                    case (ValueKind.Date, DateOnly d):
                        IbmFloat.FromDouble(d.DayNumber - SasEpoch.DayNumber, field);
                        break;
                    case (not ValueKind.Text, null):
                        IbmFloat.FromDouble(double.NaN, field);
                        break;
                    case (ValueKind.Number, double x):
                        try
                        {
                            IbmFloat.FromDouble(x, field);
                        }
                        catch (ArgumentOutOfRangeException e)
                        {
                            throw new ArgumentException(Invariant($"Row {r}, variable {variables[c].Name}: {e.Message}"), nameof(rows), e);
                        }
                        break;
                    default:
                        throw new ArgumentException(Invariant($"Row {r}, variable {variables[c].Name}: a {row[c]!.GetType().Name} cannot be written as {variables[c].Kind}."), nameof(rows));
                }
                at += lengths[c];
            }
            stream.Write(record);
            written += record.Length;
        }
        int pad = (int)((80 - written % 80) % 80);
        for (int i = 0; i < pad; i++) stream.WriteByte((byte)' ');
    }

    private static void CheckName(string name, string what)
    {
        if (name.Length is 0 or > 8 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') || char.IsAsciiDigit(name[0]))
            throw new ArgumentException($"The {what} '{name}' does not fit SAS transport version 5 (1-8 letters, digits or '_', not starting with a digit).");
    }

    private static byte[] Padded(string text, int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)' ');
        byte[] value = Encoding.UTF8.GetBytes(text);
        value.AsSpan(0, Math.Min(length, value.Length)).CopyTo(bytes);
        return bytes;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
