using System.Text;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>tests/data/bad-formats: damaged SAS transport and Dataset-JSON files (truncated, mis-sized, mis-typed; written
/// by make.py from the good fixtures) and damaged Parquet files (p*.parquet: inputs that once escaped the reader as
/// exceptions other than <see cref="CohortDataException"/>, found by mutating fuzz/corpus/parquet), each paired with
/// NAME.expected holding the exact error. Set
/// COHORT_WRITE_EXPECTED=1 to rewrite the expected files after a deliberate change, then review the diff.</summary>
public class BadFormatCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data", "bad-formats");
    private static readonly string[] Extensions = [".xpt", ".json", ".ndjson", ".parquet"];

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(Folder).Where(f => Extensions.Contains(Path.GetExtension(f))).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Select(n => new object[] { n! });

    [Fact]
    public void Corpus_HasEveryFormat() =>
        Assert.Equal((8, 7, 8), (Count(".xpt"), Count(".json") + Count(".ndjson"), Count(".parquet")));

    private static int Count(string extension) => Cases().Count(c => Path.GetExtension((string)c[0]) == extension);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_DamagedFile_GivesTheExpectedError(string name)
    {
        string actual;
        try
        {
            Cohort cohort = CohortFileReader.Read(Path.Combine(Folder, name));
            actual = "loaded\n" + cohort.Report;
        }
        catch (CohortDataException e)
        {
            actual = "error\n" + e.Message.ReplaceLineEndings("\n");
        }
        string expectedName = Path.ChangeExtension(name, ".expected");
        if (Environment.GetEnvironmentVariable("COHORT_WRITE_EXPECTED") == "1")
        {
            string source = Path.Combine(RepositoryFolder.Root, "tests", "data", "bad-formats", expectedName);
            File.WriteAllText(source, actual, new UTF8Encoding(false));
            return;
        }
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, expectedName)).ReplaceLineEndings("\n"), actual);
        Assert.StartsWith("error\n", actual);
    }
}
