using System.Globalization;
using Microsoft.Data.Analysis;

namespace CohortAnalysis.Responders;

/// <summary>Responders in one arm with the proportion's confidence interval.</summary>
/// <param name="Count">Responders, denominator and not-evaluable subjects.</param>
/// <param name="Proportion">Proportion with its CI (Wilson by default).</param>
public sealed record ArmResponders(ArmResponderCount Count, ProportionEstimate Proportion)
{
    /// <summary>Arm name.</summary>
    public string Arm => Count.Arm;
}

/// <summary>One arm against the reference arm: RD, RR, OR, NNT, Fisher and chi-square.</summary>
/// <param name="Treatment">The compared arm.</param>
/// <param name="Reference">The reference arm.</param>
/// <param name="Counts">The 2×2 table (treatment first).</param>
/// <param name="RiskDifference">Treatment − reference proportion (Newcombe hybrid score CI by default).</param>
/// <param name="RiskRatio">Treatment / reference (log-scale CI).</param>
/// <param name="OddsRatio">Odds ratio (Woolf CI by default).</param>
/// <param name="Nnt">Number needed to treat from the risk difference and its CI (NNTB/NNTH reading when the CI crosses 0).</param>
/// <param name="Fisher">Fisher's exact test.</param>
/// <param name="ChiSquare">Pearson chi-square (Yates-corrected by default, as R).</param>
public sealed record ResponderComparison(string Treatment, string Reference, ResponderCounts Counts, RiskEstimate RiskDifference,
    RiskEstimate RiskRatio, RiskEstimate OddsRatio, NntEstimate Nnt, AssociationTestResult Fisher, AssociationTestResult ChiSquare);

/// <summary>Stratified comparison (Cochran–Mantel–Haenszel) of one arm with the reference.</summary>
/// <param name="Treatment">The compared arm.</param>
/// <param name="Reference">The reference arm.</param>
/// <param name="StratifiedBy">The covariate defining the strata.</param>
/// <param name="Strata">One 2×2 table per stratum level (treatment first), in order of the levels.</param>
/// <param name="CommonOddsRatio">Mantel–Haenszel OR with the Robins–Breslow–Greenland CI.</param>
/// <param name="CommonRiskRatio">Mantel–Haenszel RR with the Greenland–Robins CI.</param>
/// <param name="Test">The CMH test (continuity-corrected by default, as R <c>mantelhaen.test</c>).</param>
public sealed record StratifiedResponderComparison(string Treatment, string Reference, string StratifiedBy,
    IReadOnlyList<ResponderCounts> Strata, RiskEstimate CommonOddsRatio, RiskEstimate CommonRiskRatio, AssociationTestResult Test);

/// <summary>A responder analysis at one visit: per-arm proportions and comparisons with the reference arm.</summary>
/// <remarks>Immutable. Its text and table say the rule, the visit, the missing-data method and how non-completers counted.</remarks>
/// <param name="Parameter">Parameter code (or "A &amp; B" for joint responders).</param>
/// <param name="Rule">The responder rule, as text.</param>
/// <param name="Visit">Analysis visit.</param>
/// <param name="MissingData">Missing-data method of the trajectories.</param>
/// <param name="NonCompleters">How not-evaluable subjects counted.</param>
/// <param name="Arms">Per arm.</param>
/// <param name="Comparisons">Each non-reference arm against the reference.</param>
/// <param name="Stratified">CMH analyses when <see cref="ResponderAnalysisOptions.StratifyBy"/> is set, else empty.</param>
public sealed record ResponderTable(string Parameter, string Rule, Visit Visit, MissingDataMethod MissingData, NonCompleterHandling NonCompleters,
    IReadOnlyList<ArmResponders> Arms, IReadOnlyList<ResponderComparison> Comparisons, IReadOnlyList<StratifiedResponderComparison> Stratified) : ITabular
{
    /// <summary>The data-quality report of the cohort analysed (rows used and excluded at load, and why).</summary>
    public DataQualityReport? Report { get; init; }

    /// <inheritdoc />
    public TableView ToTableView()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (ArmResponders a in Arms)
            rows.Add([a.Arm, string.Create(CultureInfo.InvariantCulture, $"{a.Count.Responders}/{a.Count.Denominator}"),
                Display.Number(100 * a.Proportion.Value, "0.0") + "%", Display.Interval(new ConfidenceInterval(100 * a.Proportion.Ci.Lower, 100 * a.Proportion.Ci.Upper, a.Proportion.Ci.Level, a.Proportion.Ci.Method), "0.0"),
                Display.Integer(a.Count.NotEvaluable)]);
        var notes = new List<string>
        {
            $"Rule: {Rule} at {Visit.DisplayName}. Missing data: {MissingDataMethodDescriptions.Describe(MissingData)}; non-completers: {(NonCompleters == NonCompleterHandling.NonResponder ? "counted as non-responders" : "excluded (observed cases)")}.",
        };
        foreach (ResponderComparison c in Comparisons)
        {
            notes.Add($"{c.Treatment} vs {c.Reference}: RD {Display.Number(c.RiskDifference.Value, "0.000")} {Display.Interval(c.RiskDifference.Ci, "0.000")}; " +
                      $"RR {Display.Number(c.RiskRatio.Value, "0.00")} {Display.Interval(c.RiskRatio.Ci, "0.00")}; OR {Display.Number(c.OddsRatio.Value, "0.00")} {Display.Interval(c.OddsRatio.Ci, "0.00")}; " +
                      $"{c.Nnt}; Fisher p = {Display.P(c.Fisher.PValue)}; chi-square p = {Display.P(c.ChiSquare.PValue)}.");
        }
        if (Report is not null) notes.Add(Display.DataLine(Report));
        foreach (StratifiedResponderComparison s in Stratified)
            notes.Add($"Stratified by {s.StratifiedBy} ({s.Strata.Count} strata): MH OR {Display.Number(s.CommonOddsRatio.Value, "0.00")} {Display.Interval(s.CommonOddsRatio.Ci, "0.00")}; " +
                      $"MH RR {Display.Number(s.CommonRiskRatio.Value, "0.00")} {Display.Interval(s.CommonRiskRatio.Ci, "0.00")}; CMH p = {Display.P(s.Test.PValue)}.");
        return TableView.Create($"{Parameter} at {Visit.DisplayName}: {Rule}",
            [new("Arm"), new("Responders", true), new("%", true), new("95% CI (%)", true), new("Not evaluable", true)], rows, notes);
    }

    /// <summary>One row per arm: ARM, RESPONDERS, N, NOT_EVALUABLE, PROPORTION, CI_LOWER, CI_UPPER; then one row per comparison
    /// in a second frame (<see cref="ComparisonsToDataFrame"/>).</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("ARM", Arms.Select(a => a.Arm)),
        new Int32DataFrameColumn("RESPONDERS", Arms.Select(a => a.Count.Responders)),
        new Int32DataFrameColumn("N", Arms.Select(a => a.Count.Denominator)),
        new Int32DataFrameColumn("NOT_EVALUABLE", Arms.Select(a => a.Count.NotEvaluable)),
        new DoubleDataFrameColumn("PROPORTION", Arms.Select(a => Display.Nullable(a.Proportion.Value))),
        new DoubleDataFrameColumn("CI_LOWER", Arms.Select(a => Display.Nullable(a.Proportion.Ci.Lower))),
        new DoubleDataFrameColumn("CI_UPPER", Arms.Select(a => Display.Nullable(a.Proportion.Ci.Upper))));

    /// <summary>One row per comparison × measure (RD, RR, OR): TREATMENT, REFERENCE, MEASURE, ESTIMATE, CI_LOWER, CI_UPPER, METHOD.</summary>
    public DataFrame ComparisonsToDataFrame()
    {
        var rows = Comparisons.SelectMany(c => new[] { c.RiskDifference, c.RiskRatio, c.OddsRatio }.Select(e => (c, e))).ToList();
        return new DataFrame(
            new StringDataFrameColumn("TREATMENT", rows.Select(r => r.c.Treatment)),
            new StringDataFrameColumn("REFERENCE", rows.Select(r => r.c.Reference)),
            new StringDataFrameColumn("MEASURE", rows.Select(r => r.e.Measure.ToString())),
            new DoubleDataFrameColumn("ESTIMATE", rows.Select(r => Display.Nullable(r.e.Value))),
            new DoubleDataFrameColumn("CI_LOWER", rows.Select(r => Display.Nullable(r.e.Ci.Lower))),
            new DoubleDataFrameColumn("CI_UPPER", rows.Select(r => Display.Nullable(r.e.Ci.Upper))),
            new StringDataFrameColumn("METHOD", rows.Select(r => r.e.Method)));
    }

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}
