using System.CommandLine;

namespace CohortAnalysis.Cli;

/// <summary>The <c>cohort</c> command line: every command, with the option rules of <see cref="OptionRules"/>.</summary>
internal static class CohortCli
{
    // Every command by name, in the order help lists them.
    private static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("report", ReportCommand.Create),
        ("describe", DescribeCommand.Create),
        ("demo", DemoCommand.Create),
        ("change", ChangeCommand.Create),
        ("responders", RespondersCommand.Create),
        ("correlate", CorrelateCommand.Create),
        ("effect-size", EffectSizeCommand.Create),
        ("ancova", AncovaCommand.Create),
        ("mmrm", MmrmCommand.Create),
        ("tipping-point", TippingPointCommand.Create),
    ];

    /// <summary>The whole command line, every command.</summary>
    public static RootCommand Create() => Create(static _ => true);

    private static RootCommand Create(Func<string, bool> include)
    {
        var root = new RootCommand("cohort: clinical-trial cohort analysis (change from baseline, responders, effect sizes). " +
                                   "Every command runs on the bundled synthetic demo trial when no FILE is given.");
        foreach ((string name, Func<Command> create) in Commands)
        {
            if (!include(name)) continue;
            Command command = create();
            if (command.Name != name) throw new InvalidOperationException($"Command '{command.Name}' is listed as '{name}'.");
            root.Subcommands.Add(command);
        }
        OptionRules.ApplyTo(root);
        return root;
    }

    /// <summary>The command line to parse <paramref name="args"/> with: when the first argument names a command exactly,
    /// only that command is built. Building the other nine (their options, validators and tables) is a large share of a
    /// short run's start-up; parsing and running one command never looks at its siblings. Anything else (no command,
    /// help, --version, a typo that deserves suggestions, a response file) gets every command.</summary>
    internal static RootCommand For(string[] args)
    {
        string? first = args.Length > 0 ? args[0] : null;
        bool named = first is not null && Array.Exists(Commands, c => c.Name == first);
        return named ? Create(name => name == first) : Create();
    }

    /// <summary>Parses and runs a command line: a parse error prints its message alone (no help text) and exits 1.</summary>
    public static int Run(string[] args, InvocationConfiguration? configuration = null)
    {
        ParseResult parsed = For(args).Parse(args);
        if (parsed.Action is System.CommandLine.Invocation.ParseErrorAction error) error.ShowHelp = false;
        return parsed.Invoke(configuration);
    }
}
