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
            // One grid per parameter serves both the summaries and the tests; the parameters are taken one after the
            // other, so one grid is held at a time, and each parameter's summaries and tests are made side by side.
            IReadOnlyList<string> parameters = summaryOptions.Parameters ?? cohort.Parameters;
            var tTests = new Inference.TTestOptions { CiLevel = summaryOptions.CiLevel };
            string? reference = result.GetValue(analysis.Reference);
            var tables = new ChangeSummaryTable[parameters.Count];
            var within = new WithinArmChangeTable[parameters.Count];
            var between = new BetweenArmChange[parameters.Count][];
            for (int p = 0; p < parameters.Count; p++)
            {
                Trajectories grid = Trajectories.Of(cohort, parameters[p], summaryOptions.MissingData);
                var context = AnalysisContext.Of(grid, reference);
                double visit = analysis.VisitOf(result, context.Trajectories);
                var arms = new BetweenArmChange[context.TreatmentArms.Count];
                SideBySide.Run(
                    () => tables[p] = ChangeFromBaseline.Summarize([grid], summaryOptions),
                    () => within[p] = ChangeFromBaseline.TestWithinArms(context.Trajectories, visit, tTests),
                    () => SideBySide.For(arms.Length, a => arms[a] = ChangeFromBaseline.CompareArms(context, visit, context.TreatmentArms[a], tTests)));
                between[p] = arms;
            }
            ChangeSummaryTable table = ChangeSummaryTable.Combine(tables);
            IEstimate[] estimates = [.. table.Rows, .. within.SelectMany(w => w.Estimates), .. between.SelectMany(b => b).SelectMany(b => b.Estimates)];
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
                    foreach (BetweenArmChange b in between.SelectMany(b => b)) text.AppendLine().Append(b.ToString());
                    return text.AppendLine().AppendLine(cohort.Report.ToString()).ToString();
                });
            return 0;
        });
        return command;
    }
}
