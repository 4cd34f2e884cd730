namespace CohortAnalysis.Tests.Reporting;

/// <summary>The repository's <c>artifacts/</c> folder (git-ignored; CI keeps it), found from the test binaries by
/// walking up to the folder holding Analysis.sln.</summary>
internal static class Artifacts
{
    public static string Folder(string name)
    {
        DirectoryInfo? folder = new(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Analysis.sln"))) folder = folder.Parent;
        string root = folder?.FullName ?? Path.GetTempPath();
        return Directory.CreateDirectory(Path.Combine(root, "artifacts", name)).FullName;
    }
}
