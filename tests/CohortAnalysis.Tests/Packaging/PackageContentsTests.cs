using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace CohortAnalysis.Tests.Packaging;

/// <summary>What <c>dotnet pack</c> puts in each package: readme, licence, XML docs, symbols, SourceLink commit and a
/// version from git.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageContentsTests(PackedFeed feed)
{
    [Fact]
    public void Pack_Version_ComesFromGitNotAFixedNumber()
    {
        // MinVer: vMAJOR.MINOR.PATCH from the latest tag, or 0.2.0-alpha.0.HEIGHT before the first tag (HEIGHT is omitted
        // in a clone that holds one commit). The fixed 0.1.0 of old let a cached copy hide a fresh pack.
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+(-alpha\.0(\.\d+)?)?$"), feed.Version);
        Assert.NotEqual("0.1.0", feed.Version);
        foreach (string id in PackedFeed.PackageIds)
            Assert.True(File.Exists(feed.PackagePath(id)), $"{id}.{feed.Version}.nupkg was not packed");
    }

    [Theory]
    [InlineData("CohortAnalysis")]
    [InlineData("CohortAnalysis.Plotting")]
    [InlineData("CohortAnalysis.Interactive")]
    [InlineData("CohortAnalysis.Reporting")]
    [InlineData("CohortAnalysis.Cli.any")]
    public void Pack_EveryPackage_HasReadmeLicenceRepositoryAndSymbols(string id)
    {
        XElement metadata = feed.Nuspec(id).Element("metadata")!;
        Assert.Equal(feed.Version, metadata.Element("version")?.Value);
        Assert.Equal("README.md", metadata.Element("readme")?.Value);
        Assert.Contains("README.md", feed.Entries(id));
        XElement license = metadata.Element("license")!;
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        // SourceLink: the commit the binaries were built from (the URL too, when the checkout has a remote).
        XElement repository = metadata.Element("repository")!;
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Matches(new Regex("^[0-9a-f]{40}$"), (string?)repository.Attribute("commit") ?? "");
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element("description")?.Value));
        Assert.Contains(feed.Entries(id, "snupkg"), entry => entry.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CohortAnalysis")]
    [InlineData("CohortAnalysis.Plotting")]
    [InlineData("CohortAnalysis.Interactive")]
    [InlineData("CohortAnalysis.Reporting")]
    public void Pack_Libraries_ShipXmlDocsForEveryTargetFramework(string id)
    {
        IReadOnlyList<string> entries = feed.Entries(id);
        foreach (string framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/{id}.dll", entries);
            Assert.Contains($"lib/{framework}/{id}.xml", entries);
        }
    }

    [Fact]
    public void Pack_Cli_IsTheCohortDotnetTool()
    {
        // The pointer package names the RID packages: linux-x64 (Native AOT) and the framework-dependent 'any' fallback
        // that every other platform installs. It holds no binaries, so no symbol package (NuGet refuses an empty one).
        Assert.Equal(["tools/any/any/DotnetToolSettings.xml"], feed.Entries("CohortAnalysis.Cli").Where(e => e.StartsWith("tools/", StringComparison.Ordinal)));
        Assert.False(File.Exists(feed.PackagePath("CohortAnalysis.Cli", "snupkg")));
        XElement settings = feed.EntryXml("CohortAnalysis.Cli", "tools/any/any/DotnetToolSettings.xml");
        Assert.Equal("cohort", (string?)settings.Descendants("Command").Single().Attribute("Name"));
        Assert.Equal(["linux-x64:CohortAnalysis.Cli.linux-x64", "any:CohortAnalysis.Cli.any"],
            settings.Descendants("RuntimeIdentifierPackage").Select(p => $"{(string?)p.Attribute("RuntimeIdentifier")}:{(string?)p.Attribute("Id")}"));
        foreach (var (id, type) in new[] { ("CohortAnalysis.Cli", "DotnetTool"), ("CohortAnalysis.Cli.any", "DotnetToolRidPackage") })
        {
            XElement packageTypes = feed.Nuspec(id).Element("metadata")!.Element("packageTypes")!;
            Assert.Equal(type, (string?)packageTypes.Element("packageType")!.Attribute("name"));
        }
        IReadOnlyList<string> any = feed.Entries("CohortAnalysis.Cli.any");
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", any);
        Assert.Contains("tools/net10.0/any/cohort.dll", any);
    }

    [Fact]
    public void Pack_CliForLinuxX64_IsTheNativeAotExecutable()
    {
        if (!PackedFeed.ToolRuntimeIdentifiers.Contains("linux-x64")) return;   // packed (needs the native toolchain) on linux-x64 only
        IReadOnlyList<string> entries = feed.Entries("CohortAnalysis.Cli.linux-x64");
        Assert.Contains("tools/any/linux-x64/cohort", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith("cohort.dll", StringComparison.Ordinal));
        // The figures' native libraries (SkiaSharp, HarfBuzz) travel with the executable.
        Assert.Contains("tools/any/linux-x64/libSkiaSharp.so", entries);
    }

    [Fact]
    public void Pack_DependentPackages_RequireTheSameLibraryVersion()
    {
        foreach (string id in new[] { "CohortAnalysis.Plotting", "CohortAnalysis.Interactive", "CohortAnalysis.Reporting" })
        {
            string[] versions = feed.Nuspec(id).Descendants("dependency")
                .Where(d => (string?)d.Attribute("id") == "CohortAnalysis")
                .Select(d => (string?)d.Attribute("version") ?? "").Distinct().ToArray();
            Assert.Equal([feed.Version], versions);
        }
    }
}
