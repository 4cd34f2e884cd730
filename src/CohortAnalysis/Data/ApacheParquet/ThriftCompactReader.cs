namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>Reads the Thrift compact protocol, the encoding of Parquet's page headers: field headers, zigzag varint
/// integers, and the skipping of any field not asked for (binary statistics, nested structs, lists and maps).</summary>
/// <remarks>
/// <para>Every read is bounds-checked: a header cut short or malformed makes <see cref="Failed"/> true and every later
/// read return 0, so the caller checks once at the end. Nesting deeper than <see cref="MaxDepth"/> also fails.</para>
/// <para>Reference: Apache Thrift, "Thrift Compact protocol encoding" (thrift/doc/specs/thrift-compact-protocol.md).</para>
/// </remarks>
internal ref struct ThriftCompactReader
{
    /// <summary>Deepest nesting of structs, lists and maps read before the input is taken as malformed.</summary>
    public const int MaxDepth = 16;

    // Compact protocol type codes (the low nibble of a field header).
    public const byte Stop = 0, BooleanTrue = 1, BooleanFalse = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8,
        List = 9, Set = 10, Map = 11, Struct = 12, Uuid = 13;

    private readonly ReadOnlySpan<byte> _bytes;
    private int _position;

    public ThriftCompactReader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Bytes read so far.</summary>
    public readonly int Position => _position;

    /// <summary>Whether the input ended early or held something the protocol does not allow.</summary>
    public bool Failed { get; private set; }

    /// <summary>Reads the next field header of the struct being read: its id (from the delta to
    /// <paramref name="lastId"/>, or written out) and its type; <see cref="Stop"/> at the struct's end.</summary>
    public byte ReadFieldHeader(ref short lastId)
    {
        byte header = ReadByte();
        byte type = (byte)(header & 0x0F);
        if (type == Stop) return Stop;
        int delta = header >> 4;
        lastId = delta != 0 ? (short)(lastId + delta) : (short)Unzigzag(ReadVarint());
        return type;
    }

    /// <summary>A zigzag varint (i16, i32).</summary>
    public int ReadInt32() => (int)Unzigzag(ReadVarint());

    /// <summary>Skips one value of <paramref name="type"/>.</summary>
    public void Skip(byte type, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            Fail();
            return;
        }
        switch (type)
        {
            case BooleanTrue or BooleanFalse:
                return;   // a field's boolean is in its header
            case Byte:
                Advance(1);
                return;
            case I16 or I32 or I64:
                ReadVarint();
                return;
            case Double:
                Advance(8);
                return;
            case Uuid:
                Advance(16);
                return;
            case Binary:
                Advance(Length(ReadVarint()));
                return;
            case List or Set:
            {
                byte header = ReadByte();
                long size = header >> 4;
                if (size == 15) size = (long)ReadVarint();
                byte element = (byte)(header & 0x0F);
                for (long i = 0; i < size && !Failed; i++) SkipElement(element, depth + 1);
                return;
            }
            case Map:
            {
                long size = (long)ReadVarint();
                if (size == 0) return;
                byte types = ReadByte();
                byte key = (byte)(types >> 4), value = (byte)(types & 0x0F);
                for (long i = 0; i < size && !Failed; i++)
                {
                    SkipElement(key, depth + 1);
                    SkipElement(value, depth + 1);
                }
                return;
            }
            case Struct:
            {
                short id = 0;
                for (byte field = ReadFieldHeader(ref id); field != Stop && !Failed; field = ReadFieldHeader(ref id))
                    Skip(field, depth + 1);
                return;
            }
            default:
                Fail();
                return;
        }
    }

    // A value inside a list, set or map: a boolean there takes a byte of its own (a field's is in its header).
    private void SkipElement(byte type, int depth)
    {
        if (type is BooleanTrue or BooleanFalse) Advance(1);
        else Skip(type, depth);
    }

    private byte ReadByte()
    {
        if (_position >= _bytes.Length)
        {
            Fail();
            return 0;
        }
        return _bytes[_position++];
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        Fail();   // more than ten bytes
        return 0;
    }

    private static long Unzigzag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);

    private int Length(ulong n)
    {
        if (n > int.MaxValue)
        {
            Fail();
            return 0;
        }
        return (int)n;
    }

    private void Advance(int count)
    {
        if (count > _bytes.Length - _position)
        {
            Fail();
            return;
        }
        _position += count;
    }

    private void Fail()
    {
        Failed = true;
        _position = _bytes.Length;
    }
}
