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
            AnalysisOptions.RequireBaseline(cohort, [analysis.ParameterOf(result, cohort)]);
            MissingDataMethod missing = analysis.MissingData(result);
            Trajectories t = Trajectories.Of(cohort, analysis.ParameterOf(result, cohort), missing);
            double visit = analysis.VisitOf(result, t);
            if (result.GetValue(sustainedFrom) is { } from)
            {
                OptionRules.RequireVisit(sustainedFrom.Name, from, t, postBaseline: true);
                if (from > visit) throw new ArgumentException(FormattableString.Invariant($"{sustainedFrom.Name} {from}: comes after the analysis visit {visit}."));
            }
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
                Reference = result.GetValue(analysis.Reference),
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
            EstimateOutput.Write(result, options, cohort, $"{table.Parameter} at {table.Visit.DisplayName}: {table.Rule}", table.Estimates,
                json =>
                {
                    json.WriteString("parameter", table.Parameter);
                    json.WriteString("rule", table.Rule);
                    json.WriteNumber("visit", table.Visit.Time);
                    json.WriteString("missingData", result.GetValue(analysis.Missing));
                    json.WriteString("nonCompleters", table.NonCompleters == NonCompleterHandling.NonResponder ? "nonResponder" : "observedCases");
                    if (cross is not null)
                    {
                        json.WritePropertyName("crossTable");
                        JsonOutput.Serialize(json, cross.Cells);
                    }
                },
                () =>
                {
                    var text = new System.Text.StringBuilder(table.ToString());
                    if (cross is not null) text.AppendLine().Append(cross.ToString());
                    return text.AppendLine().AppendLine(cohort.Report.ToString()).ToString();
                });
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
