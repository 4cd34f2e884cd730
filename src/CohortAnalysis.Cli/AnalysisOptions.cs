using System.CommandLine;
using CohortAnalysis.Change;

namespace CohortAnalysis.Cli;

/// <summary>Options shared by the analysis commands: the analysis visit, the parameter, the missing-data method, the CI level.</summary>
internal sealed class AnalysisOptions
{
    public Option<double?> Visit { get; } = new("--visit") { Description = "Analysis visit (numeric study time, e.g. 6 for week 6). Default: the last visit." };
    public Option<string?> Code { get; } = new("--paramcd") { Description = "Parameter code (e.g. MADRS, PAINNRS). Default: every parameter (or the first, where one is needed)." };
    public Option<string> Missing { get; } = new("--missing") { Description = "Missing-data method: oc (default), locf, bocf, wocf.", DefaultValueFactory = _ => "oc" };
    public Option<double> CiLevel { get; } = new("--ci-level") { Description = "Confidence level (default 0.95).", DefaultValueFactory = _ => 0.95 };
    public Option<string?> Reference { get; } = new("--reference") { Description = "Reference arm of between-arm comparisons (default: the arm named like placebo, else the first alphabetically; results say which)." };

    public AnalysisOptions() => Missing.AcceptOnlyFromAmong("oc", "locf", "bocf", "wocf");

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Visit, Code, Missing, CiLevel, Reference }) command.Options.Add(option);
    }

    public MissingDataMethod MissingData(ParseResult r) => r.GetValue(Missing) switch
    {
        "locf" => MissingDataMethod.Locf,
        "bocf" => MissingDataMethod.Bocf,
        "wocf" => MissingDataMethod.Wocf,
        _ => MissingDataMethod.ObservedCases,
    };

    /// <summary>The analysis visit: --visit (which must be a visit of <paramref name="t"/>), or the last visit.</summary>
    public double VisitOf(ParseResult r, Trajectories t)
    {
        if (r.GetValue(Visit) is not { } visit) return t.Visits[^1].Time;
        OptionRules.RequireVisit(Visit.Name, visit, t);
        return visit;
    }

    public string ParameterOf(ParseResult r, Cohort cohort) => r.GetValue(Code) ?? cohort.Parameters[0];

    /// <summary>Stops an analysis that needs change from baseline before it starts when a parameter it analyses has no
    /// baseline for any subject (e.g. visits 1, 2, 3 and no ABLFL): the message names the rule, the visits and
    /// --baseline-visit, instead of an empty result further on.</summary>
    /// <exception cref="InvalidOperationException">A parameter has no baseline.</exception>
    public static void RequireBaseline(Cohort cohort, IEnumerable<string> parameters)
    {
        foreach (string parameter in parameters)
            if (cohort.WhyNoBaseline(parameter) is { } why)
                throw new InvalidOperationException($"{cohort.Source}: {why}");
    }
}
