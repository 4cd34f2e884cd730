using System.CommandLine;
using CohortAnalysis.Change;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort correlate [FILE]</c>: Pearson and Spearman correlation of change on two parameters, per arm and overall.</summary>
internal static class CorrelateCommand
{
    public static Command Create()
    {
        var options = new CliOptions();
        var analysis = new AnalysisOptions();
        var x = new Option<string?>("--x") { Description = "First parameter (default: the first, e.g. MADRS)." };
        var y = new Option<string?>("--y") { Description = "Second parameter (default: the second, e.g. PAINNRS)." };
        var command = new Command("correlate", "Correlation of change on two parameters (e.g. mood and pain) at --visit: Pearson r with Fisher-z CI and Spearman rho with CI, per arm and overall.");
        options.AddTo(command);
        analysis.AddTo(command);
        command.Options.Add(x);
        command.Options.Add(y);
        CommandRunner.SetAction(command, options, result =>
        {
            Cohort cohort = options.ReadCohort(result);
            if (cohort.Parameters.Count < 2 && (result.GetValue(x) is null || result.GetValue(y) is null))
                throw new ArgumentException($"Correlating change needs two parameters; {cohort.Source} has only {string.Join(", ", cohort.Parameters)}.");
            string first = result.GetValue(x) ?? cohort.Parameters[0], second = result.GetValue(y) ?? cohort.Parameters[1];
            MissingDataMethod missing = analysis.MissingData(result);
            double visit = analysis.VisitOf(result, Trajectories.Of(cohort, first, missing));
            var correlationOptions = new Inference.CorrelationOptions { CiLevel = result.GetValue(analysis.CiLevel) };
            ChangeCorrelationTable table = ChangeCorrelationTable.Of(cohort, first, second, visit, missing, correlationOptions);
            if (options.Json(result))
            {
                Console.Out.WriteLine(JsonOutput.Serialize(new
                {
                    source = cohort.Source, x = table.First, y = table.Second, visit = table.Visit.Time, missingData = table.MissingData,
                    rows = table.Rows.Select(r => new
                    {
                        group = r.Arm, n = r.N,
                        pearson = r.Pearson is null ? null : EstimateJson.Of("Pearson r", r.Arm, r.Pearson.Estimate, r.Pearson.Ci, r.Pearson.Method, GroupSizes.Single(r.N), r.Pearson.PValue),
                        spearman = r.Spearman is null ? null : EstimateJson.Of("Spearman rho", r.Arm, r.Spearman.Estimate, r.Spearman.Ci, r.Spearman.Method, GroupSizes.Single(r.N), r.Spearman.PValue),
                    }),
                }));
            }
            else
            {
                Console.Out.Write(table.ToString());
                Console.Out.WriteLine(cohort.Report.ToString());
            }
            return 0;
        });
        return command;
    }
}
