using System.CommandLine;
using CohortAnalysis.Cli;

var root = new RootCommand("cohort: clinical-trial cohort analysis (change from baseline, responders, effect sizes). " +
                           "Every command runs on the bundled synthetic demo trial when no FILE is given.")
{
    DescribeCommand.Create(),
    DemoCommand.Create(),
    ChangeCommand.Create(),
    RespondersCommand.Create(),
    CorrelateCommand.Create(),
    EffectSizeCommand.Create(),
    AncovaCommand.Create(),
    MmrmCommand.Create(),
};
return root.Parse(args).Invoke();
