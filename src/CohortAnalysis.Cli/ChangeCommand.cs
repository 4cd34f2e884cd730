using System.CommandLine;
using CohortAnalysis.Change;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort change [FILE]</c>: change-from-baseline summaries by parameter × arm × visit, within-arm tests and
/// the between-arm comparison at the analysis visit.</summary>
internal static class ChangeCommand
{
    public static Command Create()
    {
        var options = new CliOptions();
        var analysis = new AnalysisOptions();
        var quantiles = new Option<string>("--quantiles") { Description = "Quantile definition: sas5 (default, SAS PCTLDEF=5 = R type 2) or r7 (R/numpy default).", DefaultValueFactory = _ => "sas5" };
        quantiles.AcceptOnlyFromAmong("sas5", "r7");
        var command = new Command("change", "Change from baseline: n, mean, SD, SE, t CI, median, Q1, Q3, min, max of AVAL, CHG and PCHG by arm and visit; paired t / signed-rank within arms and t / Welch / Mann-Whitney between arms at --visit.");
        options.AddTo(command);
        analysis.AddTo(command);
        command.Options.Add(quantiles);
        CommandRunner.SetAction(command, options, result =>
        {
            Cohort cohort = options.ReadCohort(result);
            AnalysisOptions.RequireBaseline(cohort, result.GetValue(analysis.Code) is { } selected ? [selected] : cohort.Parameters);
            var summaryOptions = new ChangeSummaryOptions
            {
                MissingData = analysis.MissingData(result),
                CiLevel = result.GetValue(analysis.CiLevel),
                QuantileMethod = result.GetValue(quantiles) == "r7" ? Descriptive.QuantileMethod.R7 : Descriptive.QuantileMethod.SasDefinition5,
                Parameters = result.GetValue(analysis.Code) is { } code ? [code] : null,
            };
            // One grid per parameter serves both the summaries and the tests.
            Trajectories[] grids = (summaryOptions.Parameters ?? cohort.Parameters)
                .Select(parameter => Trajectories.Of(cohort, parameter, summaryOptions.MissingData)).ToArray();
            ChangeSummaryTable table = ChangeFromBaseline.Summarize(grids, summaryOptions);
            var tTests = new Inference.TTestOptions { CiLevel = summaryOptions.CiLevel };
            var within = new List<WithinArmChangeTable>();
            var between = new List<BetweenArmChange>();
            string? reference = result.GetValue(analysis.Reference);
            foreach (Trajectories grid in grids)
            {
                var context = AnalysisContext.Of(grid, reference);
                double visit = analysis.VisitOf(result, context.Trajectories);
                within.Add(ChangeFromBaseline.TestWithinArms(context.Trajectories, visit, tTests));
                between.AddRange(context.TreatmentArms.Select(a => ChangeFromBaseline.CompareArms(context, visit, a, tTests)));
            }
            IEstimate[] estimates = [.. table.Rows, .. within.SelectMany(w => w.Estimates), .. between.SelectMany(b => b.Estimates)];
            EstimateOutput.Write(result, options, cohort, "Change from baseline", estimates,
                json =>
                {
                    json.WriteString("missingData", result.GetValue(analysis.Missing));
                    json.WriteNumber("imputed", table.ImputedCount);
                    json.WriteString("quantiles", result.GetValue(quantiles));
                },
                () =>
                {
                    var text = new System.Text.StringBuilder(table.ToString());
                    foreach (WithinArmChangeTable w in within) text.AppendLine().Append(w.ToString());
                    foreach (BetweenArmChange b in between) text.AppendLine().Append(b.ToString());
                    return text.AppendLine().AppendLine(cohort.Report.ToString()).ToString();
                });
            return 0;
        });
        return command;
    }
}
