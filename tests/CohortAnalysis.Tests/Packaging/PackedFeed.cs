using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace CohortAnalysis.Tests.Packaging;

/// <summary>The packages packed once, with <c>dotnet pack --no-build</c> from the binaries these tests run
/// against, into a temporary folder that serves as a local package source; plus an empty NuGet package folder for every
/// restore the tests make, so a package restored earlier on this machine can never stand in for the one just packed.</summary>
/// <remarks>Packing reads the built outputs and writes only the temporary folder (and each project's obj/ nuspec), so
/// it does not race the build of a parallel <c>dotnet test</c>: that build has finished before any test runs.</remarks>
public sealed class PackedFeed : IDisposable
{
    public static readonly string[] PackageIds = ["CohortAnalysis", "CohortAnalysis.Plotting", "CohortAnalysis.Interactive", "CohortAnalysis.Reporting", "CohortAnalysis.Cli"];

    public PackedFeed()
    {
        Folder = Directory.CreateTempSubdirectory("cohort-packed-").FullName;
        Source = Directory.CreateDirectory(Path.Combine(Folder, "feed")).FullName;
        Dotnet = new DotnetProcess(Directory.CreateDirectory(Path.Combine(Folder, "nuget-packages")).FullName);
        Dotnet.Dotnet(RepositoryFolder.Root, "pack", "Analysis.sln", "-c", Configuration, "--no-build", "-o", Source, "--nologo").Succeeded();
        // The tool is RID-specific (.NET 10): the solution pack above gives its pointer package; each RID package is built
        // by its own pack (its output goes to obj/…/RID, not to the binaries these tests run against; the referenced
        // libraries are used as built). 'any' is the framework-dependent fallback; this machine's own RID, when the tool
        // ships one, is the Native AOT build that 'dotnet tool install' picks here (about a minute of native compilation).
        string cli = Path.Combine("src", "CohortAnalysis.Cli", "CohortAnalysis.Cli.csproj");
        // A RID pack restores the repository's own projects (their obj/project.assets.json): it uses the machine's package
        // folder, so those assets never point into this fixture's temporary folder, which is deleted after the tests while
        // other builds of the solution still read them (NETSDK1064). Only third-party packages are restored by it.
        var machine = new DotnetProcess(null);
        foreach (string rid in ToolRuntimeIdentifiers)
            machine.Dotnet(RepositoryFolder.Root, "pack", cli, "-c", Configuration, "-r", rid, "-p:BuildProjectReferences=false", "-o", Source, "--nologo").Succeeded();
        string library = Directory.GetFiles(Source, "CohortAnalysis.*.nupkg").Select(Path.GetFileName).OfType<string>()
            .Single(name => Regex.IsMatch(name, @"^CohortAnalysis\.\d"));
        Version = library["CohortAnalysis.".Length..^".nupkg".Length];
    }

    /// <summary>The tool's RID packages packed here: 'any', plus this machine's RID when the tool package has a Native AOT
    /// build for it (linux-x64).</summary>
    public static IReadOnlyList<string> ToolRuntimeIdentifiers { get; } =
        System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64" ? ["any", "linux-x64"] : ["any"];

    /// <summary>Debug or Release: the configuration these tests were built in, so packing needs no build.</summary>
    public static string Configuration { get; } =
        typeof(PackedFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>The temporary folder that holds everything (removed at the end).</summary>
    public string Folder { get; }

    /// <summary>The local package source the packages were packed into.</summary>
    public string Source { get; }

    /// <summary>The version every package was packed with (from git, by MinVer).</summary>
    public string Version { get; }

    /// <summary>The .NET CLI with this feed's isolated NuGet package folder.</summary>
    public DotnetProcess Dotnet { get; }

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Source, $"{id}.{Version}.{extension}");

    /// <summary>The package's nuspec as XML (namespace stripped for short queries).</summary>
    public XElement Nuspec(string id) => EntryXml(id, id + ".nuspec");

    /// <summary>An XML file of the package (namespace stripped for short queries).</summary>
    public XElement EntryXml(string id, string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath(id));
        ZipArchiveEntry entry = zip.GetEntry(path) ?? throw new FileNotFoundException($"{path} not in the package {id}");
        using Stream stream = entry.Open();
        XElement root = XElement.Load(stream);
        foreach (XElement element in root.DescendantsAndSelf()) element.Name = element.Name.LocalName;
        return root;
    }

    public IReadOnlyList<string> Entries(string id, string extension = "nupkg")
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath(id, extension));
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>Writes a nuget.config into <paramref name="folder"/> that adds this feed to the usual sources.</summary>
    public void WriteNugetConfig(string folder) => File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="cohortanalysis-packed" value="{Source}" />
          </packageSources>
        </configuration>
        """);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }            // a tool still closing its files: the temp folder is cleaned by the OS
        catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed packages";
}
