using System.CommandLine;

namespace CohortAnalysis.Cli;

/// <summary>The <c>cohort</c> command line: every command, with the option rules of <see cref="OptionRules"/>.</summary>
internal static class CohortCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("cohort: clinical-trial cohort analysis (change from baseline, responders, effect sizes). " +
                                   "Every command runs on the bundled synthetic demo trial when no FILE is given.")
        {
            ReportCommand.Create(),
            DescribeCommand.Create(),
            DemoCommand.Create(),
            ChangeCommand.Create(),
            RespondersCommand.Create(),
            CorrelateCommand.Create(),
            EffectSizeCommand.Create(),
            AncovaCommand.Create(),
            MmrmCommand.Create(),
            TippingPointCommand.Create(),
        };
        OptionRules.ApplyTo(root);
        return root;
    }

    /// <summary>Parses and runs a command line: a parse error prints its message alone (no help text) and exits 1.</summary>
    public static int Run(string[] args, InvocationConfiguration? configuration = null)
    {
        ParseResult parsed = Create().Parse(args);
        if (parsed.Action is System.CommandLine.Invocation.ParseErrorAction error) error.ShowHelp = false;
        return parsed.Invoke(configuration);
    }
}
