using System.Buffers.Binary;

namespace CohortAnalysis.Data.Xport;

/// <summary>IBM System/360 hexadecimal floating point (the numbers of a SAS transport file) to and from IEEE 754 doubles.</summary>
/// <remarks>
/// <para>An IBM double is big-endian: 1 sign bit, a 7-bit exponent in excess-64 of base 16, and a 56-bit fraction F read as
/// 0.F, so x = (−1)^s · 0.F · 16^(e − 64) (SAS Institute, TS-140, "The Record Layout of a Data Set in SAS Transport
/// (XPORT) Format"). A variable of length 3 to 7 keeps only the leading bytes; the missing ones are zero.</para>
/// <para>To IEEE: x = F · 2^(4(e − 64) − 56) with F an integer below 2^56. Converting F to double rounds once, to nearest
/// even (F has up to 56 significant bits, a double 53); the power of two is exact because IBM's range (about 5.4e−79 to
/// 7.2e75) lies far inside IEEE's normal range. From IEEE: a double's 53-bit significand fits the 56-bit fraction after a
/// shift of 0–3 bits, so the conversion is exact; magnitudes beyond IBM's range are refused.</para>
/// <para>Missing values: SAS writes the missing code in the first byte and zeros after it: '.' (0x2E) for an ordinary
/// missing value, 'A'–'Z' (0x41–0x5A) and '_' (0x5F) for the special missing values .A–.Z and ._ (TS-140).</para>
/// </remarks>
internal static class IbmFloat
{
    /// <summary>Converts an IBM number of 2–8 bytes; <paramref name="missing"/> is the missing code ('.', 'A'–'Z', '_')
    /// or '\0' for a number. A missing value converts to NaN.</summary>
    public static double ToDouble(ReadOnlySpan<byte> bytes, out char missing) => ToDouble(Bits(bytes), out missing);

    /// <summary>The 8 bytes of a stored IBM number of 2–8 bytes read big-endian, a shorter one padded with zero bytes
    /// (the value <see cref="ToDouble(ulong, out char)"/> takes; equal bits, equal number).</summary>
    public static ulong Bits(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8) return BinaryPrimitives.ReadUInt64BigEndian(bytes);
        ulong bits = 0;
        for (int i = 0; i < bytes.Length; i++) bits |= (ulong)bytes[i] << (56 - 8 * i);
        return bits;
    }

    /// <summary>Converts an IBM number given as its 8 bytes read big-endian (a shorter variable padded with zero bytes);
    /// <paramref name="missing"/> as in <see cref="ToDouble(ReadOnlySpan{byte}, out char)"/>.</summary>
    public static double ToDouble(ulong bits, out char missing)
    {
        ulong fraction = bits & 0x00FF_FFFF_FFFF_FFFFUL;
        byte first = (byte)(bits >> 56);
        if (fraction == 0 && IsMissingCode(first))
        {
            missing = (char)first;
            return double.NaN;
        }
        missing = '\0';
        bool negative = (first & 0x80) != 0;
        if (fraction == 0) return negative ? -0.0 : 0.0;
        // F · 2^(4(e − 64) − 56): the product by a power of two is exact (the result stays a normal double), so one
        // multiplication by a tabulated power gives what Math.ScaleB gives.
        double magnitude = (double)fraction * Scale[first & 0x7F];
        return negative ? -magnitude : magnitude;
    }

    // Scale[e] = 2^(4(e − 64) − 56) for the 128 IBM exponents: 2^-312 to 2^196, all normal doubles.
    private static readonly double[] Scale = Enumerable.Range(0, 128).Select(e => Math.ScaleB(1.0, 4 * (e - 64) - 56)).ToArray();

    /// <summary>Whether <paramref name="first"/> is a SAS missing-value code: '.', 'A'–'Z' or '_'.</summary>
    public static bool IsMissingCode(byte first) => first == (byte)'.' || first == (byte)'_' || (first >= (byte)'A' && first <= (byte)'Z');

    /// <summary>Writes <paramref name="value"/> as an 8-byte IBM number; NaN is written as the missing code
    /// <paramref name="missing"/> ('.' by default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The magnitude exceeds IBM's largest number (about 7.2e75), or the
    /// value is infinite.</exception>
    public static void FromDouble(double value, Span<byte> destination, char missing = '.')
    {
        destination[..8].Clear();
        if (double.IsNaN(value))
        {
            if (!IsMissingCode((byte)missing)) throw new ArgumentOutOfRangeException(nameof(missing), missing, "A SAS missing code is '.', 'A'-'Z' or '_'.");
            destination[0] = (byte)missing;
            return;
        }
        if (double.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "SAS transport files cannot hold infinity.");
        if (value == 0)
        {
            if (double.IsNegative(value)) destination[0] = 0x80;
            return;
        }
        ulong ieee = (ulong)BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((ieee >> 52) & 0x7FF);
        ulong significand = ieee & 0x000F_FFFF_FFFF_FFFFUL;
        int binaryExponent; // value = significand53 · 2^(binaryExponent − 53), significand53 in [2^52, 2^53)
        if (biased == 0)
        {
            // Subnormal: far below IBM's smallest number, so it underflows to zero.
            if (double.IsNegative(value)) destination[0] = 0x80;
            return;
        }
        significand |= 1UL << 52;
        binaryExponent = biased - 1022; // |value| = 0.1xxx (binary) · 2^binaryExponent
        int hexExponent = (int)Math.Ceiling(binaryExponent / 4.0);
        int shift = 4 * hexExponent - binaryExponent; // 0..3
        ulong fraction = (significand << 3) >> shift; // 56-bit fraction, 0.F · 16^hexExponent
        int stored = hexExponent + 64;
        if (stored > 127) throw new ArgumentOutOfRangeException(nameof(value), value, "The magnitude exceeds the largest IBM floating-point number (about 7.2e75).");
        if (stored < 0)
        {
            if (double.IsNegative(value)) destination[0] = 0x80;
            return; // below IBM's smallest number (about 5.4e-79): zero, as SAS does
        }
        ulong bits = ((ulong)stored << 56) | fraction;
        if (double.IsNegative(value)) bits |= 1UL << 63;
        BinaryPrimitives.WriteUInt64BigEndian(destination, bits);
    }
}
