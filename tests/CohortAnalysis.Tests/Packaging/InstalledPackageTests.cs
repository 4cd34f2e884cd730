using Xunit;

namespace CohortAnalysis.Tests.Packaging;

/// <summary>The packages used as a user uses them: the <c>cohort</c> tool installed from the local feed into a tool
/// path, and a new console app that references the library package (never the projects).</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class InstalledPackageTests(PackedFeed feed)
{
    [Fact]
    public void ToolInstall_FromLocalFeed_RunsCohortCommands()
    {
        string work = Directory.CreateDirectory(Path.Combine(feed.Folder, "tool-user")).FullName;
        string toolPath = Path.Combine(work, "tools");
        feed.Dotnet.Dotnet(work, "tool", "install", "CohortAnalysis.Cli", "--tool-path", toolPath,
            "--add-source", feed.Source, "--version", feed.Version).Succeeded();
        string cohort = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "cohort.exe" : "cohort");

        ProcessResult version = feed.Dotnet.Run(cohort, work, "--version").Succeeded();
        // The assembly carries the package's version (+commit); they differ when the tests run on binaries built before the
        // last commit, since --no-build packs those binaries under the new commit's version.
        Assert.True(version.Out.Trim().StartsWith(feed.Version + "+", StringComparison.Ordinal) || version.Out.Trim() == feed.Version,
            $"cohort --version prints {version.Out.Trim()}, the package is {feed.Version}: the binaries were built at another commit; rebuild, then test.");

        // On linux-x64 the install picks the Native AOT package (no cohort.dll); elsewhere the framework-dependent one.
        bool native = PackedFeed.ToolRuntimeIdentifiers.Contains("linux-x64");
        string store = Path.Combine(toolPath, ".store", "cohortanalysis.cli", feed.Version);
        Assert.Equal(native, Directory.Exists(Path.Combine(store, "cohortanalysis.cli.linux-x64")));
        Assert.Equal(!native, Directory.EnumerateFiles(store, "cohort.dll", SearchOption.AllDirectories).Any());

        ProcessResult describe = feed.Dotnet.Run(cohort, work, "describe").Succeeded();
        Assert.Contains("Placebo", describe.Out);
        Assert.Contains("MADRS", describe.Out);

        // JSON without reflection (source-generated), which the Native AOT build requires.
        ProcessResult json = feed.Dotnet.Run(cohort, work, "describe", "--format", "json").Succeeded();
        Assert.Contains("\"subjects\": 120", json.Out);

        ProcessResult csv = feed.Dotnet.Run(cohort, work, "change", "--paramcd", "MADRS", "--format", "csv").Succeeded();
        Assert.StartsWith("parameter,visit,", csv.Out);

        // The main job, end to end from the installed tool: the self-contained HTML trial report.
        string report = Path.Combine(work, "report.html");
        feed.Dotnet.Run(cohort, work, "report", "-o", report, "--quiet").Succeeded();
        string html = File.ReadAllText(report);
        Assert.Contains("<h2>1. Data and quality</h2>", html);
        Assert.Contains("<h2>8. Methods</h2>", html);
    }

    [Fact]
    public void ConsoleApp_ReferencingLibraryPackage_RunsTheQuickStartAsTheRepositoryBuildDoes()
    {
        // The README quick start (samples/Quickstart/Program.cs) in a project written from scratch that knows only the
        // package: it must compile against the packed reference assemblies and print what the in-repository build prints.
        string app = Directory.CreateDirectory(Path.Combine(feed.Folder, "console-app")).FullName;
        File.WriteAllText(Path.Combine(app, "QuickStartFromPackage.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CohortAnalysis" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.Copy(Path.Combine(RepositoryFolder.Root, "samples", "Quickstart", "Program.cs"), Path.Combine(app, "Program.cs"));
        feed.WriteNugetConfig(app);

        ProcessResult fromPackage = feed.Dotnet.Dotnet(app, "run", "-c", "Release", "--nologo").Succeeded();

        string quickstart = Path.Combine(RepositoryFolder.Root, "samples", "Quickstart", "bin", PackedFeed.Configuration, "net10.0", "Quickstart.dll");
        Assert.True(File.Exists(quickstart), $"{quickstart} is not built (build Analysis.sln first).");
        ProcessResult fromRepository = feed.Dotnet.Dotnet(app, quickstart).Succeeded();
        Assert.Contains("Hedges' g", fromPackage.Out);
        Assert.Equal(fromRepository.Out, fromPackage.Out);
    }
}
