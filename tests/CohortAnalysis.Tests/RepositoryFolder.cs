namespace CohortAnalysis.Tests;

/// <summary>The checkout the tests were built from: the folder above the test binaries that holds Analysis.sln.</summary>
internal static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Analysis.sln not found above " + AppContext.BaseDirectory);
    }
}
