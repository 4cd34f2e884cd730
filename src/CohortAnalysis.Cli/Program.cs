using CohortAnalysis.Cli;

return CohortCli.Run(args);
