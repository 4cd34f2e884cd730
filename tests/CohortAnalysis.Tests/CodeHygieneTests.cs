using System.Text.RegularExpressions;
using Xunit;

namespace CohortAnalysis.Tests;

/// <summary>Scans the libraries' sources for what the house style forbids (STYLE.md §6–7): console output, culture-less
/// parsing, unseeded randomness.</summary>
public class CodeHygieneTests
{
    private static IEnumerable<(string File, int Line, string Text)> Lines(params string[] projects)
    {
        string root = RepositoryFolder.Root;
        foreach (string project in projects)
            foreach (string file in Directory.EnumerateFiles(Path.Combine(root, "src", project), "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
            {
                string[] lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++) yield return (Path.GetRelativePath(root, file), i + 1, lines[i]);
            }
    }

    private static readonly string[] Libraries = ["CohortAnalysis", "CohortAnalysis.Plotting", "CohortAnalysis.Interactive"];

    [Fact]
    public void Libraries_NeverWriteToTheConsole() =>
        Assert.DoesNotContain(Lines(Libraries), l => Regex.IsMatch(l.Text, @"\bConsole\.(Write|Out|Error)") && !l.Text.TrimStart().StartsWith("///"));

    [Fact]
    public void Parsing_IsAlwaysCultureInvariant() =>
        Assert.DoesNotContain(Lines([.. Libraries, "CohortAnalysis.Cli"]), l =>
            Regex.IsMatch(l.Text, @"\b(double|int|long|decimal|float)\.(Try)?Parse\(") && !l.Text.Contains("InvariantCulture") && !l.Text.TrimStart().StartsWith("///"));

    [Fact]
    public void Randomness_IsAlwaysSeeded() =>
        Assert.DoesNotContain(Lines([.. Libraries, "CohortAnalysis.Cli"]), l => Regex.IsMatch(l.Text, @"new Random\(|Random\.Shared"));

    // Comments cite the primary source (paper, manual, R package), never the team's internal notes ("REFERENCE K2b", "§3.1").
    [Fact]
    public void Comments_CitePrimarySources_NotInternalNotes() =>
        Assert.DoesNotContain(Lines([.. Libraries, "CohortAnalysis.Cli"]), l =>
            Regex.IsMatch(l.Text, @"\bREFERENCE\s*(K\d|§|\d)|\(K\d+[a-z]?\)|^\s*///?.*\bK\d+[a-z]?:"));
}
