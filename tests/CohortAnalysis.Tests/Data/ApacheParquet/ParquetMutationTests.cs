using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data.ApacheParquet;

/// <summary>The reader contract on damaged Parquet files, without AFL (which does not run this target; fuzz/README.md):
/// seeded random edits of the fuzz seeds (fuzz/corpus/parquet: the demo trial, plain, dictionary and zstd files) either
/// load or throw <see cref="CohortDataException"/>, never another exception.</summary>
public class ParquetMutationTests
{
    private const int Mutations = 2500;

    [Fact]
    public void MutatedSeeds_LoadOrThrowCohortDataException()
    {
        string[] seeds = Directory.GetFiles(Path.Combine(RepositoryFolder.Root, "fuzz", "corpus", "parquet"), "*.parquet").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4, seeds.Length);
        byte[][] corpus = seeds.Select(File.ReadAllBytes).ToArray();
        string folder = Path.Combine(Path.GetTempPath(), "cohort-parquet-mutations-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "mutated.parquet");
        var random = new Random(20261203);
        int loaded = 0, refused = 0;
        for (int i = 0; i < Mutations; i++)
        {
            byte[] bytes = (byte[])corpus[i % corpus.Length].Clone();
            for (int k = random.Next(1, 9); k > 0; k--)
            {
                int at = random.Next(bytes.Length);
                // Mostly inside the pages (where our decoder reads), sometimes anywhere (the footer, Parquet.Net's part).
                if (random.Next(4) > 0) at = random.Next(4, Math.Max(5, bytes.Length - 400));
                bytes[at] = random.Next(3) switch { 0 => (byte)random.Next(256), 1 => (byte)(bytes[at] ^ (1 << random.Next(8))), _ => (byte)(random.Next(2) * 255) };
            }
            File.WriteAllBytes(path, bytes);
            try
            {
                CohortFileReader.Read(path);
                loaded++;
            }
            catch (CohortDataException)
            {
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i} of {Path.GetFileName(seeds[i % seeds.Length])}: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.Equal(Mutations, loaded + refused);
        Assert.True(loaded > 0 && refused > 0, $"loaded {loaded}, refused {refused}");
    }
}
