using System.CommandLine;
using CohortAnalysis.Change;
using CohortAnalysis.Instruments;
using CohortAnalysis.Responders;

namespace CohortAnalysis.Cli;

/// <summary><c>cohort responders [FILE]</c>: responders or remitters per arm with CIs, RD / RR / OR / NNT against the
/// reference arm, optional CMH stratification and joint mood-and-pain response.</summary>
internal static class RespondersCommand
{
    public static Command Create()
    {
        var options = new CliOptions();
        var analysis = new AnalysisOptions();
        var rule = new Option<string>("--rule") { Description = "response (default: the instrument's, e.g. ≥50% improvement), remission (e.g. MADRS ≤ 10), or important (the instrument's first MCID threshold, e.g. pain ≥30% or ≥2 points).", DefaultValueFactory = _ => "response" };
        rule.AcceptOnlyFromAmong("response", "remission", "important");
        var sustainedFrom = new Option<double?>("--sustained-from") { Description = "Require the rule at every visit from this one through --visit." };
        var observed = new Option<bool>("--observed-cases") { Description = "Leave non-completers out (default: count them as non-responders)." };
        var stratify = new Option<string?>("--stratify") { Description = "Covariate for Cochran-Mantel-Haenszel analyses (e.g. SITEID)." };
        var joint = new Option<string?>("--joint") { Description = "A second parameter (e.g. PAINNRS): joint responders on both, with its own --rule via --joint-rule." };
        var jointRule = new Option<string>("--joint-rule") { Description = "Rule for --joint: response, remission or important (default important).", DefaultValueFactory = _ => "important" };
        jointRule.AcceptOnlyFromAmong("response", "remission", "important");
        var proportionCi = new Option<string>("--proportion-ci") { Description = "wilson (default), clopper-pearson, agresti-coull, wald.", DefaultValueFactory = _ => "wilson" };
        proportionCi.AcceptOnlyFromAmong("wilson", "clopper-pearson", "agresti-coull", "wald");
        var command = new Command("responders", "Responders and remission per arm (Wilson CI by default), risk difference (Newcombe), risk ratio, odds ratio, NNT, Fisher and chi-square; CMH with --stratify; joint response with --joint.");
        options.AddTo(command);
        analysis.AddTo(command);
        foreach (Option o in new Option[] { rule, sustainedFrom, observed, stratify, joint, jointRule, proportionCi }) command.Options.Add(o);
        CommandRunner.SetAction(command, options, result =>
        {
            Cohort cohort = options.ReadCohort(result);
            MissingDataMethod missing = analysis.MissingData(result);
            Trajectories t = Trajectories.Of(cohort, analysis.ParameterOf(result, cohort), missing);
            double visit = analysis.VisitOf(result, t);
            ResponderClassification classification = ResponderClassification.Of(t, RuleFor(t, result.GetValue(rule)!, result.GetValue(sustainedFrom)), visit);
            ResponderCrossTable? cross = null;
            if (result.GetValue(joint) is { } second)
            {
                Trajectories u = Trajectories.Of(cohort, second, missing);
                ResponderClassification other = ResponderClassification.Of(u, RuleFor(u, result.GetValue(jointRule)!, result.GetValue(sustainedFrom)), visit);
                cross = ResponderCrossTable.Of(classification, other);
                classification = ResponderClassification.Joint(classification, other);
            }
            double level = result.GetValue(analysis.CiLevel);
            var analysisOptions = new ResponderAnalysisOptions
            {
                NonCompleters = result.GetValue(observed) ? NonCompleterHandling.ObservedCases : NonCompleterHandling.NonResponder,
                StratifyBy = result.GetValue(stratify),
                Proportion = new ProportionOptions
                {
                    CiLevel = level,
                    Method = result.GetValue(proportionCi) switch
                    {
                        "clopper-pearson" => CiMethod.ClopperPearson,
                        "agresti-coull" => CiMethod.AgrestiCoull,
                        "wald" => CiMethod.Wald,
                        _ => CiMethod.Wilson,
                    },
                },
                Comparison = RiskComparisonOptions.Default with { CiLevel = level },
            };
            ResponderTable table = ResponderAnalysis.Analyze(classification, analysisOptions);
            if (options.Json(result))
            {
                Console.Out.WriteLine(JsonOutput.Serialize(new
                {
                    source = cohort.Source, parameter = table.Parameter, rule = table.Rule, visit = table.Visit.Time, missingData = table.MissingData,
                    nonCompleters = table.NonCompleters, rowsUsed = cohort.ObservationCount, rowsExcluded = cohort.Report.RowsExcluded,
                    arms = table.Arms.Select(a => new
                    {
                        arm = a.Arm, responders = a.Count.Responders, notEvaluable = a.Count.NotEvaluable,
                        proportion = EstimateJson.Of("proportion", a.Arm, a.Proportion.Estimate, a.Proportion.Ci, a.Proportion.Method, GroupSizes.Single(a.Count.Denominator)),
                    }),
                    comparisons = table.Comparisons.Select(c => new
                    {
                        treatment = c.Treatment, reference = c.Reference,
                        riskDifference = EstimateJson.Of("risk difference", null, c.RiskDifference.Estimate, c.RiskDifference.Ci, c.RiskDifference.Method, c.RiskDifference.Sizes.Groups, note: c.RiskDifference.Note),
                        riskRatio = EstimateJson.Of("risk ratio", null, c.RiskRatio.Estimate, c.RiskRatio.Ci, c.RiskRatio.Method, c.RiskRatio.Sizes.Groups, note: c.RiskRatio.Note),
                        oddsRatio = EstimateJson.Of("odds ratio", null, c.OddsRatio.Estimate, c.OddsRatio.Ci, c.OddsRatio.Method, c.OddsRatio.Sizes.Groups, note: c.OddsRatio.Note),
                        nnt = new { estimate = c.Nnt.Estimate, ciLower = c.Nnt.Ci.Lower, ciUpper = c.Nnt.Ci.Upper, ciLevel = c.Nnt.Ci.Level, method = "1/RD, limits from the RD interval (Altman 1998)", n = c.RiskDifference.Sizes.Groups.Total, direction = c.Nnt.Direction, text = c.Nnt.ToString() },
                        fisherP = c.Fisher.PValue, chiSquareP = c.ChiSquare.PValue,
                    }),
                    stratified = table.Stratified.Select(s => new
                    {
                        treatment = s.Treatment, reference = s.Reference, stratifiedBy = s.StratifiedBy, strata = s.Strata.Count,
                        commonOddsRatio = EstimateJson.Of("Mantel-Haenszel odds ratio", null, s.CommonOddsRatio.Estimate, s.CommonOddsRatio.Ci, s.CommonOddsRatio.Method, s.CommonOddsRatio.Sizes.Groups),
                        commonRiskRatio = EstimateJson.Of("Mantel-Haenszel risk ratio", null, s.CommonRiskRatio.Estimate, s.CommonRiskRatio.Ci, s.CommonRiskRatio.Method, s.CommonRiskRatio.Sizes.Groups),
                        cmhStatistic = s.Test.Statistic, cmhP = s.Test.PValue,
                    }),
                    crossTable = cross?.Cells,
                }));
            }
            else
            {
                Console.Out.Write(table.ToString());
                if (cross is not null) { Console.Out.WriteLine(); Console.Out.Write(cross.ToString()); }
                Console.Out.WriteLine();
                Console.Out.WriteLine(cohort.Report.ToString());
            }
            return 0;
        });
        return command;
    }

    private static ResponderRule RuleFor(Trajectories t, string name, double? sustainedFrom)
    {
        Instrument instrument = t.Instrument ?? throw new ArgumentException($"{t.Parameter} has no registered instrument, so it has no conventional responder rule.");
        ResponderRule rule = name switch
        {
            "remission" => ResponderRule.Remission(instrument),
            "important" => instrument.ImportantChanges.Count > 0 ? ResponderRule.ImportantChange(instrument.ImportantChanges[0])
                : throw new ArgumentException($"{instrument.Code} has no important-change threshold; use --rule response."),
            _ => ResponderRule.Response(instrument),
        };
        return sustainedFrom is { } from ? rule.SustainedFrom(from) : rule;
    }
}
