using System.Text;
using CohortAnalysis.Data;

namespace CohortAnalysis.Fuzz;

/// <summary>One fuzz target per reader. A target returns when the reader loads the input or throws
/// <see cref="CohortDataException"/> or <see cref="CohortAnalysis.Privacy.IdentifiableDataException"/>; every other exception escapes, and AFL records the input as a crash.</summary>
public static class Targets
{
    /// <summary>Bytes allocated by one input beyond which the run counts as a memory bug. AFL inputs are at most 1 MB;
    /// a reader that needs hundreds of bytes per input byte is leaking or looping.</summary>
    public const long AllocationBudget = 256L * 1024 * 1024;

    /// <summary>The readers as called by each target, without the harness's checks.</summary>
    public static IReadOnlyDictionary<string, Func<byte[], Cohort>> Readers { get; } = new Dictionary<string, Func<byte[], Cohort>>(StringComparer.Ordinal)
    {
        ["csv-long"] = data => CsvFile(data, wide: false),
        ["csv-wide"] = data => CsvFile(data, wide: true),
        ["dataframe"] = Frame,
        ["xpt"] = data => BinaryFile(data, ".xpt"),
        // JSON or NDJSON by input length, so a saved input replays the same way.
        ["dataset-json"] = data => BinaryFile(data, (data.Length & 8) == 0 ? ".json" : ".ndjson"),
        // Apache Parquet: our page decoder for the common column shapes, Parquet.Net for the footer and the rest.
        ["parquet"] = data => BinaryFile(data, ".parquet"),
    };

    /// <summary>The targets: the readers with the contract enforced.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } =
        Readers.ToDictionary(kv => kv.Key, kv => (Action<byte[]>)(data => Guarded(data, kv.Value)), StringComparer.Ordinal);

    // The CSV targets go through the file path overload, as users do (it adds the empty-file check and the UTF-8
    // validation with the line of the first bad byte), or, for half the input lengths, through a strict TextReader.
    // One scratch file per process, rewritten for each input.
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), $"cohort-fuzz-{Environment.ProcessId}.csv");

    private static Cohort CsvFile(byte[] data, bool wide)
    {
        CohortReadOptions options = Options(data, wide, Delimiter(data));
        // A third of the lengths read with a comment character (a CSV-only option).
        if ((data.Length / 8) % 3 == 1) options = options with { CommentCharacter = '#' };
        if ((data.Length & 4) == 0)
        {
            File.WriteAllBytes(Scratch, data);
            return CohortCsvReader.Read(Scratch, options);
        }
        // The TextReader overload with a strict UTF-8 reader, as a caller that wants bad bytes refused would write it.
        using var reader = new StreamReader(new MemoryStream(data), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return CohortCsvReader.Read(reader, "fuzz.csv", options);
    }

    // SAS transport, Dataset-JSON and Parquet go through CohortFileReader with the extension choosing the format, as users call it.
    private static Cohort BinaryFile(byte[] data, string extension)
    {
        string path = Path.ChangeExtension(Scratch, extension);
        File.WriteAllBytes(path, data);
        return CohortFileReader.Read(path, Options(data, wide: false, ','));
    }

    private static Cohort Frame(byte[] data)
    {
        (Microsoft.Data.Analysis.DataFrame frame, bool wide) = FrameFromBytes.Build(data);
        return DataFrameInterop.ToCohort(frame, "frame", Options(data, wide, ','));
    }

    /// <summary>Option variants picked from the input length, so AFL reaches the exclusion, baseline-rule, guard-policy and
    /// case-variant paths by growing or shrinking an input, and a saved crash replays with the options it had.</summary>
    internal static CohortReadOptions Options(byte[] data, bool wide, char delimiter)
    {
        var options = CohortReadOptions.Default with
        {
            Delimiter = delimiter,
            Wide = wide ? WideLayout.Default : null,
            // The de-identification guard's three policies, so dropping and acknowledging (also of identifiers found
            // past the rows read ahead) are fuzzed as well as refusing.
            Identifiers = (data.Length / 4 % 3) switch
            {
                1 => CohortAnalysis.Privacy.IdentifierGuardOptions.Default with { Policy = CohortAnalysis.Privacy.IdentifierPolicy.DropColumns },
                2 => CohortAnalysis.Privacy.IdentifierGuardOptions.Allow("fuzz"),
                _ => CohortAnalysis.Privacy.IdentifierGuardOptions.Default,
            },
            // Case variants: rejected (default), merged or kept apart, chosen by a digit of the length the guard's does not use.
            CaseVariants = (data.Length / 12 % 3) switch { 1 => CaseVariantPolicy.Merge, 2 => CaseVariantPolicy.KeepDistinct, _ => CaseVariantPolicy.Reject },
        };
        return (data.Length % 4) switch
        {
            1 => options with { OutOfRangeScores = InvalidRowPolicy.Exclude, DuplicateVisits = InvalidRowPolicy.Exclude },
            2 => options with { Baseline = BaselineRule.Flagged },
            3 => options with { Baseline = BaselineRule.LastNonMissingAtOrBefore(1), DuplicateVisits = InvalidRowPolicy.Exclude },
            _ => options,
        };
    }

    /// <summary>The delimiter a user would set after reading the reader's hint: ';' or tab when the first line has no comma.</summary>
    internal static char Delimiter(byte[] data)
    {
        int end = Array.IndexOf(data, (byte)'\n');
        ReadOnlySpan<byte> first = data.AsSpan(0, end < 0 ? data.Length : end);
        if (first.Contains((byte)',')) return ',';
        if (first.Contains((byte)';')) return ';';
        return first.Contains((byte)'\t') ? '\t' : ',';
    }

    private static void Guarded(byte[] data, Func<byte[], Cohort> read)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            read(data);
        }
        catch (Exception e) when (e is CohortDataException or CohortAnalysis.Privacy.IdentifiableDataException)
        {
            // The contract: bad input (or a refused identifiable column) is reported, not crashed on.
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > AllocationBudget)
            throw new ExcessiveAllocationException($"{allocated:N0} bytes allocated for a {data.Length:N0}-byte input.");
    }
}

/// <summary>Thrown by the harness (never by the library) when one input allocates more than the budget.</summary>
public sealed class ExcessiveAllocationException(string message) : Exception(message);
