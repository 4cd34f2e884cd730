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
            if (result.GetValue(analysis.Reference) is not null)
                throw new ArgumentException("--reference does not apply to correlate: it correlates within each arm and over all subjects, with no reference arm.");
            Cohort cohort = options.ReadCohort(result);
            if (cohort.Parameters.Count < 2 && (result.GetValue(x) is null || result.GetValue(y) is null))
                throw new ArgumentException($"Correlating change needs two parameters; {cohort.Source} has only {string.Join(", ", cohort.Parameters)}.");
            string first = result.GetValue(x) ?? cohort.Parameters[0], second = result.GetValue(y) ?? cohort.Parameters[1];
            AnalysisOptions.RequireBaseline(cohort, [first, second]);
            MissingDataMethod missing = analysis.MissingData(result);
            double visit = analysis.VisitOf(result, Trajectories.Of(cohort, first, missing));
            var correlationOptions = new Inference.CorrelationOptions { CiLevel = result.GetValue(analysis.CiLevel) };
            ChangeCorrelationTable table = ChangeCorrelationTable.Of(cohort, first, second, visit, missing, correlationOptions);
            EstimateOutput.Write(result, options, cohort, $"Correlation of change: {table.First} with {table.Second}", table.Estimates,
                json =>
                {
                    json.WriteString("x", table.First);
                    json.WriteString("y", table.Second);
                    json.WriteNumber("visit", table.Visit.Time);
                    json.WriteString("missingData", result.GetValue(analysis.Missing));
                },
                () => table.ToString() + cohort.Report.ToString() + Environment.NewLine);
            return 0;
        });
        return command;
    }
}
