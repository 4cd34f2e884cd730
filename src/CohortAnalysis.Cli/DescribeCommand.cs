using System.CommandLine;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort describe [FILE]</c>: subjects per arm, visits, parameters, completeness and the data-quality report.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var options = new CliOptions(analysisVisit: false);
        var command = new Command("describe", "Summarise a cohort file: subjects per arm, visits, parameters, completeness by visit, data-quality report.");
        options.AddTo(command);
        CommandRunner.SetAction(command, options, result =>
        {
            CohortDescription description = options.ReadCohort(result).Describe();
            Console.Out.Write(options.Json(result) ? JsonOutput.Serialize(description) + Environment.NewLine : description.ToString());
            return 0;
        });
        return command;
    }
}
