using System.CommandLine;
using CohortAnalysis.Cli;
using Xunit;

namespace CohortAnalysis.Tests.Cli;

public class CohortCliTests
{
    private static readonly string[] EveryCommand =
        ["report", "describe", "demo", "change", "responders", "correlate", "effect-size", "ancova", "mmrm", "tipping-point"];

    [Fact]
    public void Create_HasEveryCommandInHelpOrder() =>
        Assert.Equal(EveryCommand, CohortCli.Create().Subcommands.Select(c => c.Name));

    // Start-up (issue 16): a run of one command builds only that command; its options and rules are those of the full tree.
    [Theory]
    [InlineData("effect-size")]
    [InlineData("describe")]
    [InlineData("tipping-point")]
    public void For_FirstArgumentNamesACommand_BuildsOnlyThatCommand(string name)
    {
        RootCommand root = CohortCli.For([name, "--format", "json"]);
        Command only = Assert.Single(root.Subcommands);
        Command full = CohortCli.Create().Subcommands.Single(c => c.Name == name);
        Assert.Equal(full.Options.Select(o => o.Name), only.Options.Select(o => o.Name));
        Assert.Equal(full.Validators.Count, only.Validators.Count);
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("efect-size")]
    [InlineData("EFFECT-SIZE")]
    [InlineData("@args.rsp")]
    public void For_AnythingButACommandName_BuildsEveryCommand(params string[] args) =>
        Assert.Equal(EveryCommand, CohortCli.For(args).Subcommands.Select(c => c.Name));

    [Fact]
    public void Help_StillListsEveryCommand()
    {
        (int code, string output, _) = OptionRulesTests.Run("--help");
        Assert.Equal(0, code);
        Assert.All(EveryCommand, name => Assert.Contains(name, output, StringComparison.Ordinal));
    }
}
