namespace CohortAnalysis.Tests.Reporting;

/// <summary>Finds the system's chromium: $CHROMIUM if set, else chromium or chromium-browser on the PATH.</summary>
internal static class Chromium
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } set) return File.Exists(set) ? set : null;
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (string name in new[] { "chromium", "chromium-browser" })
                if (File.Exists(Path.Combine(folder, name))) return Path.Combine(folder, name);
        return null;
    }
}
