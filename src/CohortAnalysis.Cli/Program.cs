using CohortAnalysis.Cli;

TransparentHugePages.AdviseGcHeap();
return CohortCli.Run(args);
