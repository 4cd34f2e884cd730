using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Parquet.Meta;
using Parquet.Schema;
using Encoding = Parquet.Meta.Encoding;
using Type = Parquet.Meta.Type;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>Decodes the common shapes of a flat Parquet column chunk straight from the file's bytes: a text column to a
/// code per row (a dictionary-encoded value's code is its dictionary index; a plain-encoded value, as writers store a
/// column with many distinct values or fall back to once a dictionary grows too large, is matched by content to the
/// chunk's other plain values) and one string per distinct value, and DOUBLE, INT32 and INT64 columns, plain or
/// dictionary-encoded, to a double per row. No value is made per cell: a text column of a million rows is a million
/// integers plus one string per distinct value.</summary>
/// <remarks>
/// <para>What it reads: version 1 data pages (<c>DATA_PAGE</c>) after at most one dictionary page, definition levels in
/// the RLE hybrid encoding (a flat optional column: 0 is a null, 1 a value), values <c>PLAIN</c> or
/// <c>RLE_DICTIONARY</c>/<c>PLAIN_DICTIONARY</c>, pages compressed by any codec of <see cref="ParquetPageCodec"/>;
/// index pages are skipped. Anything else (version 2 data pages, delta-encoded text, byte-stream-split
/// numbers, a codec it does not have, a page it cannot parse, sizes that disagree with the footer) makes
/// <see cref="TryRead"/> return null, and the caller decodes the column with Parquet.Net as before, so such files read
/// exactly as they did and a damaged file is reported by the same reader in the same words.</para>
/// <para>Reference: Apache Parquet format specification (parquet-format, "Data Pages", "Encodings"; parquet.thrift).</para>
/// <para>Thread-safe: every call reads with <see cref="RandomAccess"/> into its own buffers.</para>
/// </remarks>
internal static class ParquetChunkDecoder
{
    private enum Values { Text, Double, Int32, Int64 }

    /// <summary>Decodes <paramref name="field"/>'s chunk described by <paramref name="column"/> (<paramref name="rows"/>
    /// rows) from <paramref name="file"/>; null when the chunk is not of a shape read here.</summary>
    public static ParquetColumnChunk? TryRead(SafeFileHandle file, long fileLength, ColumnMetaData? column, DataField field, int rows)
    {
        // A flat column chunk holds one value (or null) per row: one that says otherwise is left to Parquet.Net, and no
        // array is sized by a row count the chunk does not back.
        if (column is null || rows < 0 || column.NumValues != rows || !BitConverter.IsLittleEndian || !ParquetPageCodec.Supports(column.Codec))
            return null;
        System.Type t = field.ClrType;
        Values? kind = column.Type switch
        {
            Type.BYTE_ARRAY when t == typeof(ReadOnlyMemory<char>) || t == typeof(string) => Values.Text,
            Type.DOUBLE when t == typeof(double) => Values.Double,
            Type.INT32 when t == typeof(int) => Values.Int32,
            Type.INT64 when t == typeof(long) => Values.Int64,
            _ => null,
        };
        if (kind is null) return null;
        long start = column.DataPageOffset;
        if (column.DictionaryPageOffset is long dictionary && dictionary > 0 && dictionary < start) start = dictionary;
        long length = column.TotalCompressedSize;
        if (start < 4 || length <= 0 || length > int.MaxValue || start > fileLength - 8 - length) return null;
        byte[] bytes = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            if (!TryReadExactly(file, bytes.AsSpan(0, (int)length), start)) return null;
            var decoder = new Decoding(kind.Value, field.IsNullable, rows, column.Codec);
            return decoder.Run(bytes.AsSpan(0, (int)length)) ? decoder.Result() : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static bool TryReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        while (!buffer.IsEmpty)
        {
            int read = RandomAccess.Read(file, buffer, offset);
            if (read <= 0) return false;
            buffer = buffer[read..];
            offset += read;
        }
        return true;
    }

    /// <summary>One chunk's decoding: the dictionary, the rows filled so far, and scratch buffers for a page.</summary>
    private sealed class Decoding(Values kind, bool nullable, int rows, CompressionCodec codec)
    {
        private readonly int[]? _codes = kind == Values.Text ? new int[rows] : null;
        private readonly double[]? _numbers = kind == Values.Text ? null : new double[rows];
        private readonly long[]? _integers = kind is Values.Int32 or Values.Int64 ? new long[rows] : null;
        private List<string>? _texts;          // the dictionary's values, then the distinct plain values in order
        private int _dictionarySize = -1;
        private InternedCodes? _plainCodes;   // the distinct plain values, numbered in the order met
        private char[] _chars = [];
        private double[]? _dictionaryNumbers;
        private long[]? _dictionaryIntegers;
        private int _done;

        private int ValueSize => kind switch { Values.Double or Values.Int64 => 8, Values.Int32 => 4, _ => 0 };

        public bool Run(ReadOnlySpan<byte> chunk)
        {
            int position = 0;
            while (_done < rows)
            {
                if (!ParquetPageHeader.TryRead(chunk[position..], out ParquetPageHeader header)) return false;
                position += header.HeaderLength;
                if (header.CompressedSize > chunk.Length - position) return false;
                ReadOnlySpan<byte> body = chunk.Slice(position, header.CompressedSize);
                position += header.CompressedSize;
                bool read = header.Type switch
                {
                    PageType.INDEX_PAGE => true,
                    PageType.DICTIONARY_PAGE => WithPage(header, body, Dictionary),
                    PageType.DATA_PAGE => WithPage(header, body, Data),
                    _ => false,
                };
                if (!read) return false;
            }
            return true;
        }

        public ParquetColumnChunk Result() => kind == Values.Text
            ? ParquetColumnChunk.OfText(_codes!, _texts?.ToArray() ?? [])
            : ParquetColumnChunk.OfNumbers(_numbers!, _integers);

        private delegate bool PageReader(ParquetPageHeader header, ReadOnlySpan<byte> page);

        private bool WithPage(ParquetPageHeader header, ReadOnlySpan<byte> body, PageReader read)
        {
            if (!ParquetPageCodec.Plausible(codec, body, header.UncompressedSize)) return false;
            if (codec == CompressionCodec.UNCOMPRESSED) return read(header, body);
            byte[] page = ArrayPool<byte>.Shared.Rent(header.UncompressedSize);
            try
            {
                Span<byte> output = page.AsSpan(0, header.UncompressedSize);
                return ParquetPageCodec.TryDecompress(codec, body, output) && read(header, output);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(page);
            }
        }

        private bool Dictionary(ParquetPageHeader header, ReadOnlySpan<byte> page)
        {
            if (_done > 0 || _dictionarySize >= 0) return false;
            if (header.Encoding is not (Encoding.PLAIN or Encoding.PLAIN_DICTIONARY) || header.Values < 0) return false;
            int count = header.Values;
            if (kind == Values.Text)
            {
                _texts = new List<string>(Math.Min(count, page.Length / 4));
                int position = 0;
                for (int i = 0; i < count; i++)
                {
                    if (page.Length - position < 4) return false;
                    int length = BinaryPrimitives.ReadInt32LittleEndian(page[position..]);
                    position += 4;
                    if (length < 0 || length > page.Length - position) return false;
                    _texts.Add(System.Text.Encoding.UTF8.GetString(page.Slice(position, length)));
                    position += length;
                }
                _dictionarySize = count;
                return true;
            }
            if ((long)count * ValueSize > page.Length) return false;
            _dictionarySize = count;
            _dictionaryNumbers = new double[count];
            if (_integers is not null) _dictionaryIntegers = new long[count];
            Plain(page, _dictionaryNumbers, _dictionaryIntegers);
            return true;
        }

        private bool Data(ParquetPageHeader header, ReadOnlySpan<byte> page)
        {
            int n = header.Values;
            if (n < 0 || n > rows - _done) return false;
            int[] levels = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            int[] indices = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            try
            {
                int position = 0, present = n;
                if (nullable)
                {
                    if (header.DefinitionLevelEncoding != Encoding.RLE || page.Length < 4) return false;
                    int length = BinaryPrimitives.ReadInt32LittleEndian(page);
                    if (length < 0 || length > page.Length - 4) return false;
                    if (!RleBitPackedHybrid.TryDecode(page.Slice(4, length), 1, levels.AsSpan(0, n))) return false;
                    position = 4 + length;
                    present = 0;
                    foreach (int level in levels.AsSpan(0, n)) present += level;
                }
                ReadOnlySpan<byte> values = page[position..];
                bool read = header.Encoding switch
                {
                    Encoding.RLE_DICTIONARY or Encoding.PLAIN_DICTIONARY => DictionaryValues(values, indices.AsSpan(0, present)),
                    Encoding.PLAIN when kind == Values.Text => PlainTexts(values, indices.AsSpan(0, present)),
                    Encoding.PLAIN => PlainValues(values, present),
                    _ => false,
                };
                if (!read) return false;
                Spread(nullable ? levels.AsSpan(0, n) : default, indices.AsSpan(0, present), n,
                    kind == Values.Text || header.Encoding is Encoding.RLE_DICTIONARY or Encoding.PLAIN_DICTIONARY);
                _done += n;
                return true;
            }
            finally
            {
                ArrayPool<int>.Shared.Return(levels);
                ArrayPool<int>.Shared.Return(indices);
            }
        }

        // Dictionary indices of the page's non-null values: a byte giving the bit width, then the RLE hybrid runs.
        private bool DictionaryValues(ReadOnlySpan<byte> values, Span<int> indices)
        {
            int size = _dictionarySize;
            if (size < 0) return false;
            if (indices.IsEmpty) return true;
            if (values.IsEmpty || !RleBitPackedHybrid.TryDecode(values[1..], values[0], indices)) return false;
            foreach (int index in indices)
                if ((uint)index >= (uint)size) return false;
            return true;
        }

        // Plain text: each value's 4-byte length and UTF-8 bytes. A value equal to the one before takes its code; any other
        // is looked up by its characters among the chunk's plain values (a string is made only for a new value).
        private bool PlainTexts(ReadOnlySpan<byte> values, Span<int> codes)
        {
            _texts ??= [];
            _plainCodes ??= new InternedCodes();
            System.Text.Encoding utf8 = System.Text.Encoding.UTF8;
            int first = _dictionarySize < 0 ? 0 : _dictionarySize;   // plain values are numbered after the dictionary's
            ReadOnlySpan<byte> previous = default;
            int previousCode = -1, position = 0;
            for (int i = 0; i < codes.Length; i++)
            {
                if (values.Length - position < 4) return false;
                int length = BinaryPrimitives.ReadInt32LittleEndian(values[position..]);
                position += 4;
                if (length < 0 || length > values.Length - position) return false;
                ReadOnlySpan<byte> bytes = values.Slice(position, length);
                position += length;
                if (previousCode >= 0 && bytes.SequenceEqual(previous))
                {
                    codes[i] = previousCode;
                    continue;
                }
                int chars = utf8.GetMaxCharCount(length);
                if (_chars.Length < chars) _chars = new char[Math.Max(chars, 2 * _chars.Length)];
                string text = _plainCodes.Intern(_chars.AsSpan(0, utf8.GetChars(bytes, _chars)), out int index);
                if (first + index == _texts.Count) _texts.Add(text);
                codes[i] = previousCode = first + index;
                previous = bytes;
            }
            return true;
        }

        // Plain numbers are read into the rows' columns at this page's place, packed, and spread to their rows after.
        private bool PlainValues(ReadOnlySpan<byte> values, int present)
        {
            if ((long)present * ValueSize > values.Length) return false;
            Plain(values, _numbers.AsSpan(_done, present), _integers is null ? default : _integers.AsSpan(_done, present));
            return true;
        }

        private void Plain(ReadOnlySpan<byte> bytes, Span<double> numbers, Span<long> integers)
        {
            int count = numbers.Length;
            switch (kind)
            {
                case Values.Double:
                    MemoryMarshal.Cast<byte, double>(bytes[..(count * 8)]).CopyTo(numbers);
                    break;
                case Values.Int32:
                    Widen(MemoryMarshal.Cast<byte, int>(bytes[..(count * 4)]), numbers, integers);
                    break;
                case Values.Int64:
                    Widen(MemoryMarshal.Cast<byte, long>(bytes[..(count * 8)]), numbers, integers);
                    break;
            }
        }

        // Little-endian integers as they are stored: each as a double and as a whole number.
        private static void Widen<T>(ReadOnlySpan<T> values, Span<double> numbers, Span<long> integers) where T : struct, IBinaryInteger<T>
        {
            for (int i = 0; i < values.Length; i++)
            {
                integers[i] = long.CreateTruncating(values[i]);
                numbers[i] = double.CreateTruncating(values[i]);
            }
        }

        // Puts the page's values on its rows [_done, _done + n): a null (level 0) as code −1 or NaN. Plain numbers were
        // read packed at the page's start, so they are moved from the last row back.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Spread(ReadOnlySpan<int> levels, ReadOnlySpan<int> indices, int n, bool coded)
        {
            if (!coded)
            {
                if (levels.IsEmpty) return;
                ParquetColumnChunk.SpreadInPlace(_numbers.AsSpan(_done, n), levels, double.NaN);
                if (_integers is not null) ParquetColumnChunk.SpreadInPlace(_integers.AsSpan(_done, n), levels, 0L);
                return;
            }
            if (_codes is not null)
            {
                Span<int> codes = _codes.AsSpan(_done, n);
                if (levels.IsEmpty)
                {
                    indices.CopyTo(codes);
                    return;
                }
                for (int row = 0, k = 0; row < n; row++)
                    codes[row] = levels[row] == 0 ? -1 : indices[k++];
                return;
            }
            double[] dictionary = _dictionaryNumbers!;
            long[]? whole = _dictionaryIntegers;
            for (int row = 0, k = 0; row < n; row++)
            {
                if (!levels.IsEmpty && levels[row] == 0)
                {
                    _numbers![_done + row] = double.NaN;
                    continue;
                }
                int index = indices[k++];
                _numbers![_done + row] = dictionary[index];
                if (whole is not null) _integers![_done + row] = whole[index];
            }
        }
    }
}
