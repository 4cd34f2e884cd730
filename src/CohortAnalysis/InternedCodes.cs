using System.Runtime.CompilerServices;

namespace CohortAnalysis;

/// <summary>One string per distinct code of a column: a subject, arm or visit code met again is returned as the string
/// made the first time, so a million rows of a few thousand codes allocate a few thousand strings, not a million.</summary>
/// <remarks>Looked up by the characters themselves (no string is made to ask). Not thread-safe: one per column reader.
/// Also the set of values of a column already examined (the identifier guard's memo).</remarks>
internal sealed class InternedCodes
{
    private int[] _buckets = new int[64];           // 1-based entry index of each chain's head; 0 = empty. A power of two
                                                    // in length, so a bucket is the hash's low bits (CodeHash mixes them).
    private Entry[] _entries = new Entry[64];
    private int _count;

    private struct Entry
    {
        public int Hash;
        public int Next;       // 1-based; 0 ends the chain
        public string Text;
    }

    /// <summary>Number of distinct codes held.</summary>
    public int Count => _count;

    /// <summary>True when a string with the characters of <paramref name="text"/> is held.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Contains(ReadOnlySpan<char> text)
    {
        int hash = (int)CodeHash.Of(text);
        for (int i = _buckets[hash & (_buckets.Length - 1)]; i > 0; i = _entries[i - 1].Next)
            if (_entries[i - 1].Hash == hash && text.SequenceEqual(_entries[i - 1].Text)) return true;
        return false;
    }

    /// <summary>The string with the characters of <paramref name="text"/>, made once per distinct text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Intern(ReadOnlySpan<char> text) => Intern(text, out _);

    /// <summary>The string with the characters of <paramref name="text"/>, made once per distinct text, and its
    /// <paramref name="index"/>: distinct texts are numbered 0, 1, 2, … in the order first met.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Intern(ReadOnlySpan<char> text, out int index)
    {
        int hash = (int)CodeHash.Of(text);
        int bucket = hash & (_buckets.Length - 1);
        for (int i = _buckets[bucket]; i > 0; i = _entries[i - 1].Next)
        {
            ref Entry entry = ref _entries[i - 1];
            if (entry.Hash == hash && text.SequenceEqual(entry.Text))
            {
                index = i - 1;
                return entry.Text;
            }
        }
        if (_count == _entries.Length)
        {
            Grow();
            bucket = hash & (_buckets.Length - 1);
        }
        string made = text.ToString();
        index = _count;
        _entries[_count] = new Entry { Hash = hash, Next = _buckets[bucket], Text = made };
        _buckets[bucket] = ++_count;
        return made;
    }

    private void Grow()
    {
        int size = _entries.Length * 2;
        Array.Resize(ref _entries, size);
        _buckets = new int[size];
        for (int i = 0; i < _count; i++)
        {
            int bucket = _entries[i].Hash & (size - 1);
            _entries[i].Next = _buckets[bucket];
            _buckets[bucket] = i + 1;
        }
    }
}
