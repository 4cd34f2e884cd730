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
            var summaryOptions = new ChangeSummaryOptions
            {
                MissingData = analysis.MissingData(result),
                CiLevel = result.GetValue(analysis.CiLevel),
                QuantileMethod = result.GetValue(quantiles) == "r7" ? Descriptive.QuantileMethod.R7 : Descriptive.QuantileMethod.SasDefinition5,
                Parameters = result.GetValue(analysis.Code) is { } code ? [code] : null,
            };
            ChangeSummaryTable table = ChangeFromBaseline.Summarize(cohort, summaryOptions);
            var tTests = new Inference.TTestOptions { CiLevel = summaryOptions.CiLevel };
            var within = new List<WithinArmChangeTable>();
            var between = new List<BetweenArmChange>();
            string reference = cohort.DefaultReferenceArm;
            foreach (string parameter in summaryOptions.Parameters ?? cohort.Parameters)
            {
                Trajectories t = Trajectories.Of(cohort, parameter, summaryOptions.MissingData);
                double visit = analysis.VisitOf(result, t);
                within.Add(ChangeFromBaseline.TestWithinArms(t, visit, tTests));
                between.AddRange(cohort.Arms.Where(a => a != reference).Select(a => ChangeFromBaseline.CompareArms(t, visit, a, reference, tTests)));
            }
            if (options.Json(result))
            {
                Console.Out.WriteLine(JsonOutput.Serialize(new
                {
                    source = cohort.Source,
                    missingData = table.Options.MissingData,
                    imputed = table.ImputedCount,
                    quantiles = table.Options.QuantileMethod,
                    rowsUsed = cohort.ObservationCount,
                    rowsExcluded = cohort.Report.RowsExcluded,
                    summaries = table.Rows.Select(r => new
                    {
                        parameter = r.Parameter, arm = r.Arm, visit = r.Visit.Time, visitLabel = r.Visit.Label, variable = r.VariableCode,
                        estimate = r.Summary.Mean, ciLower = r.Summary.MeanCi.Lower, ciUpper = r.Summary.MeanCi.Upper, ciLevel = r.Summary.MeanCi.Level, method = "mean, t interval",
                        n = r.Summary.N, nMissing = r.Summary.Sizes.Missing, sd = r.Summary.Sd, se = r.Summary.Se, median = r.Summary.Median, q1 = r.Summary.Q1, q3 = r.Summary.Q3,
                        min = r.Summary.Min, max = r.Summary.Max, imputed = r.Imputed,
                    }),
                    withinArm = within.SelectMany(w => w.Arms.Select(a => new
                    {
                        parameter = w.Parameter, visit = w.Visit.Time, arm = a.Arm,
                        pairedT = a.PairedT is null ? null : EstimateJson.Of("mean change (paired t)", a.Arm, a.PairedT.Estimate, a.PairedT.Ci, a.PairedT.Method, a.PairedT.Sizes.Groups, a.PairedT.PValue),
                        signedRank = a.SignedRank is null ? null : new { statistic = a.SignedRank.Statistic, pValue = a.SignedRank.PValue, method = a.SignedRank.Method, n = a.SignedRank.Sizes.Groups.First },
                        note = a.Note,
                    })),
                    betweenArms = between.Select(b => new
                    {
                        parameter = b.Parameter, visit = b.Visit.Time, treatment = b.Treatment, reference = b.Reference,
                        student = b.Student is null ? null : EstimateJson.Of("difference in mean change (pooled t)", null, b.Student.Estimate, b.Student.Ci, b.Student.Method, b.N, b.Student.PValue),
                        welch = b.Welch is null ? null : EstimateJson.Of("difference in mean change (Welch t)", null, b.Welch.Estimate, b.Welch.Ci, b.Welch.Method, b.N, b.Welch.PValue),
                        mannWhitney = b.MannWhitney is null ? null : new { statistic = b.MannWhitney.Statistic, pValue = b.MannWhitney.PValue, method = b.MannWhitney.Method, n = b.N },
                        note = b.Note,
                    }),
                }));
            }
            else
            {
                Console.Out.Write(table.ToString());
                foreach (WithinArmChangeTable w in within) { Console.Out.WriteLine(); Console.Out.Write(w.ToString()); }
                foreach (BetweenArmChange b in between) { Console.Out.WriteLine(); Console.Out.Write(b.ToString()); }
                Console.Out.WriteLine();
                Console.Out.WriteLine(cohort.Report.ToString());
            }
            return 0;
        });
        return command;
    }
}
