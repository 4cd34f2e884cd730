using System.Buffers.Binary;
using System.Text;

namespace CohortAnalysis.Tests.Data.Xport;

/// <summary>Hand-built SAS transport files, byte by byte after TS-140 (version 5) and the version 8 record layout, so
/// reader tests do not depend on any writer of ours.</summary>
internal sealed class XptBytes
{
    public sealed record Var(string Name, bool Numeric, int Length, string Label = "", string Format = "", int FormatLength = 0, int FormatDecimals = 0);

    private readonly List<Var> _vars = [];
    private readonly List<byte[]> _rows = [];

    public int Version { get; init; } = 5;
    public string Dataset { get; init; } = "ADQS";
    public string Label { get; init; } = "Questionnaire Analysis";
    public int NamestrLength { get; init; } = 140;

    public XptBytes Add(Var v) { _vars.Add(v); return this; }

    public int RowLength => _vars.Sum(v => v.Length);

    /// <summary>A row from values: string for character variables, byte[] (raw IBM bytes) or null for numeric ones.</summary>
    public XptBytes Row(params object?[] values)
    {
        var row = new byte[RowLength];
        int at = 0;
        for (int i = 0; i < _vars.Count; i++)
        {
            Var v = _vars[i];
            if (v.Numeric)
            {
                byte[] raw = values[i] as byte[] ?? [(byte)'.', 0, 0, 0, 0, 0, 0, 0];
                raw.AsSpan(0, v.Length).CopyTo(row.AsSpan(at));
            }
            else
            {
                row.AsSpan(at, v.Length).Fill((byte)' ');
                byte[] text = Encoding.UTF8.GetBytes((string?)values[i] ?? "");
                text.AsSpan(0, Math.Min(text.Length, v.Length)).CopyTo(row.AsSpan(at));
            }
            at += v.Length;
        }
        _rows.Add(row);
        return this;
    }

    public static byte[] Ibm(ulong bits)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, bits);
        return bytes;
    }

    public byte[] Build(bool padData = true)
    {
        var file = new List<byte>();
        void Record(string text) => file.AddRange(Encoding.ASCII.GetBytes(text.PadRight(80)[..80]));
        void Pad(byte fill = (byte)' ') { while (file.Count % 80 != 0) file.Add(fill); }
        string v8 = Version == 8 ? "V8" : "";
        Record(Version == 5 ? "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000"
                            : "HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!000000000000000000000000000000");
        Record("SAS     SAS     SASLIB  9.4     X64_10PR                        02JAN14:10:20:06");
        Record("02JAN14:10:20:06");
        Record((Version == 5 ? "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!00000000000000000160000000" : "HEADER RECORD*******MEMBV8  HEADER RECORD!!!!!!!00000000000000000160000000")
               + NamestrLength.ToString("0000", System.Globalization.CultureInfo.InvariantCulture));
        Record(Version == 5 ? "HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000"
                            : "HEADER RECORD*******DSCPTV8 HEADER RECORD!!!!!!!000000000000000000000000000000");
        Record(Version == 5 ? "SAS     " + Dataset.PadRight(8) + "SASDATA 9.4     X64_10PR" + new string(' ', 24) + "02JAN14:10:20:06"
                            : "SAS     " + Dataset.PadRight(32) + "SASDATA 9.4     X64_10PR02JAN14:10:20:06");
        Record("02JAN14:10:20:06" + new string(' ', 16) + Label.PadRight(40)[..40] + "DATA    ");
        string count = Version == 5 ? "000000" + _vars.Count.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)
                                    : "0000" + _vars.Count.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        Record((Version == 5 ? "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!" : "HEADER RECORD*******NAMSTV8 HEADER RECORD!!!!!!!") + count + "00000000000000000000");
        int position = 0;
        var longLabels = new List<(int Number, Var V)>();
        for (int i = 0; i < _vars.Count; i++)
        {
            Var v = _vars[i];
            var n = new byte[NamestrLength];
            BinaryPrimitives.WriteInt16BigEndian(n, (short)(v.Numeric ? 1 : 2));
            BinaryPrimitives.WriteInt16BigEndian(n.AsSpan(4), (short)v.Length);
            BinaryPrimitives.WriteInt16BigEndian(n.AsSpan(6), (short)(i + 1));
            Ascii(n, 8, 8, v.Name);
            Ascii(n, 16, 40, v.Label.Length > 40 ? v.Label[..40] : v.Label);
            Ascii(n, 56, 8, v.Format);
            BinaryPrimitives.WriteInt16BigEndian(n.AsSpan(64), (short)v.FormatLength);
            BinaryPrimitives.WriteInt16BigEndian(n.AsSpan(66), (short)v.FormatDecimals);
            Ascii(n, 72, 8, "");
            BinaryPrimitives.WriteInt32BigEndian(n.AsSpan(84), position);
            if (Version == 8 && NamestrLength == 140)
            {
                Ascii(n, 88, 32, v.Name);
                BinaryPrimitives.WriteInt16BigEndian(n.AsSpan(120), (short)Encoding.UTF8.GetByteCount(v.Label));
            }
            if (Version == 8 && v.Label.Length > 40) longLabels.Add((i + 1, v));
            position += v.Length;
            file.AddRange(n);
        }
        Pad();
        if (longLabels.Count > 0)
        {
            Record("HEADER RECORD*******LABELV8 HEADER RECORD!!!!!!!" + longLabels.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(32));
            foreach (var (number, v) in longLabels)
            {
                byte[] name = Encoding.ASCII.GetBytes(v.Name), label = Encoding.UTF8.GetBytes(v.Label);
                var head = new byte[6];
                BinaryPrimitives.WriteInt16BigEndian(head, (short)number);
                BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(2), (short)name.Length);
                BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(4), (short)label.Length);
                file.AddRange(head);
                file.AddRange(name);
                file.AddRange(label);
            }
            Pad();
        }
        Record(Version == 5 ? "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000"
                            : "HEADER RECORD*******OBSV8   HEADER RECORD!!!!!!!" + _rows.Count.ToString("000000000000000", System.Globalization.CultureInfo.InvariantCulture) + "               ");
        foreach (byte[] row in _rows) file.AddRange(row);
        if (padData) Pad();
        return [.. file];
    }

    private static void Ascii(byte[] target, int at, int length, string text)
    {
        target.AsSpan(at, length).Fill((byte)' ');
        Encoding.ASCII.GetBytes(text).AsSpan(0, Math.Min(length, text.Length)).CopyTo(target.AsSpan(at));
    }
}
