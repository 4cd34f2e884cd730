using System.Numerics;
using System.Runtime.InteropServices;

namespace CohortAnalysis;

/// <summary>The hash the readers' code tables use (<see cref="InternedCodes"/> over a code's characters,
/// <see cref="Data.StoredTextCache"/> over its stored bytes): eight bytes at a time, multiplied and rotated, then mixed
/// by the finaliser of MurmurHash3 (Appleby 2011), so that both the low bits (a bucket by remainder) and the high bits (an
/// entry by shift) spread.</summary>
/// <remarks>Not randomised like <see cref="string.GetHashCode()"/>: a hostile file can make a table's chains long, which
/// costs time, never correctness (entries are always compared by their contents).</remarks>
internal static class CodeHash
{
    public static ulong Of(ReadOnlySpan<char> text) => Of(MemoryMarshal.AsBytes(text));

    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        ulong h = (ulong)bytes.Length * 0x9E37_79B9_7F4A_7C15UL;
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (ulong w in words) h = BitOperations.RotateLeft((h ^ w) * 0xFF51_AFD7_ED55_8CCDUL, 29);
        for (int i = words.Length * 8; i < bytes.Length; i++) h = BitOperations.RotateLeft((h ^ bytes[i]) * 0xC4CE_B9FE_1A85_EC53UL, 23);
        h ^= h >> 33;
        h *= 0xFF51_AFD7_ED55_8CCDUL;
        h ^= h >> 33;
        h *= 0xC4CE_B9FE_1A85_EC53UL;
        return h ^ (h >> 33);
    }
}
