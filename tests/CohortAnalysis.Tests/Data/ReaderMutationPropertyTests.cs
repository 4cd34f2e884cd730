using System.Text;
using CohortAnalysis.Data;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>The reader contract under mutation, without AFL: a mutated corpus file (tests/data/bad, the first lines of
/// the demo trial, small wide files) either loads or throws <see cref="CohortDataException"/>; any other exception is a
/// bug. Fixed seed, so a failure replays; fuzz/run.sh explores far more inputs, guided by coverage.</summary>
public class ReaderMutationPropertyTests
{
    private static readonly byte[][] Corpus = LoadCorpus();

    [Property(MaxTest = 3000, Replay = "(20261125,1442695040888963407)", QuietOnSuccess = true)]
    public void Read_MutatedCorpusFile_LoadsOrThrowsCohortDataException(NonNegativeInt file, int[] edits, byte variant)
    {
        byte[] input = CsvMutator.Apply(Corpus[file.Get % Corpus.Length], edits);
        CohortReadOptions options = Variant(variant);
        try
        {
            // Half the cases through a strict UTF-8 TextReader, half through a file, as the CLI does.
            if ((variant & 8) == 0)
            {
                using var reader = new StreamReader(new MemoryStream(input), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
                CohortCsvReader.Read(reader, "mutated.csv", options);
            }
            else
            {
                string path = Path.Combine(Path.GetTempPath(), $"cohort-mutation-{Environment.ProcessId}.csv");
                File.WriteAllBytes(path, input);
                try { CohortCsvReader.Read(path, options); }
                finally { File.Delete(path); }
            }
        }
        catch (Exception e) when (e is CohortDataException or CohortAnalysis.Privacy.IdentifiableDataException)
        {
            // The contract for bad input (a refused identifiable column included).
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name} for variant {variant} and input {CsvMutator.Literal(input)}:\n{e}");
        }
    }

    // Same variants as the fuzz targets (fuzz/CohortAnalysis.Fuzz/Targets.cs): layout, policies, baseline rule, delimiter.
    private static CohortReadOptions Variant(byte variant)
    {
        var options = new CohortReadOptions { Wide = (variant & 1) == 1 ? WideLayout.Default : null, Delimiter = (variant & 16) == 0 ? ',' : ';' };
        return ((variant >> 1) & 3) switch
        {
            1 => options with { OutOfRangeScores = InvalidRowPolicy.Exclude, DuplicateVisits = InvalidRowPolicy.Exclude },
            2 => options with { Baseline = BaselineRule.Flagged },
            3 => options with { Baseline = BaselineRule.LastNonMissingAtOrBefore(1), DuplicateVisits = InvalidRowPolicy.Exclude },
            _ => options,
        };
    }

    private static byte[][] LoadCorpus()
    {
        string bad = Path.Combine(AppContext.BaseDirectory, "data", "bad");
        var files = Directory.GetFiles(bad, "*.csv").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        string demo = Path.Combine(AppContext.BaseDirectory, "samples-data", "demo-trial.csv");
        files.Add(Encoding.UTF8.GetBytes(string.Join("\n", File.ReadLines(demo).Take(30)) + "\n"));
        files.Add("USUBJID,TRT01P,MADRS_W0,MADRS_W1,MADRS_W6\nS1,Placebo,30,28,25\nS2,Placebo,34,NA,30\nS3,Active,32,20,12.5\n"u8.ToArray());
        files.Add("USUBJID,SITEID,SEX,TRT01P,MADRS_WK0,MADRS_WEEK6,PAINNRS_V0,PAINNRS_VISIT6\nS1,101,F,Placebo,30,25,7,6\nS2,101,M,Active,34,20,8,3\n"u8.ToArray());
        return [.. files];
    }
}
