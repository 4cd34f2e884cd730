using System.Globalization;
using Microsoft.Data.Analysis;

namespace CohortAnalysis.Responders;

/// <summary>Responders in one arm with the proportion's confidence interval.</summary>
/// <remarks>As an <see cref="IEstimate"/> it is <see cref="Proportion"/>, whose <see cref="ProportionEstimate.Comparison"/>
/// names the parameter, visit, arm and missing-data method.</remarks>
/// <param name="Count">Responders, denominator and not-evaluable subjects.</param>
/// <param name="Proportion">Proportion with its CI (Wilson by default).</param>
public sealed record ArmResponders(ArmResponderCount Count, ProportionEstimate Proportion) : IHeadlineEstimate
{
    /// <summary>Arm name.</summary>
    public string Arm => Count.Arm;

    /// <summary>The proportion.</summary>
    public IEstimate Headline => Proportion;

    /// <summary>The headline's estimate (also <see cref="IEstimate.Estimate"/>).</summary>
    public double Estimate => Headline.Estimate;

    /// <summary>The headline's confidence interval, with its level and method.</summary>
    public ConfidenceInterval Ci => Headline.Ci;

    /// <summary>The headline's group sizes, with missing and excluded counts.</summary>
    public EstimateSizes Sizes => Headline.Sizes;

    /// <summary>The headline's p-value (NaN when it has none).</summary>
    public double PValue => Headline.PValue;
}

/// <summary>One arm against the reference arm: RD, RR, OR, NNT, Fisher and chi-square.</summary>
/// <remarks>As an <see cref="IEstimate"/> it is its headline measure, the <see cref="RiskDifference"/>; every measure and
/// test, each with the same <see cref="IEstimate.Comparison"/>, is in <see cref="Estimates"/>.</remarks>
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
    RiskEstimate RiskRatio, RiskEstimate OddsRatio, NntEstimate Nnt, AssociationTestResult Fisher, AssociationTestResult ChiSquare) : IHeadlineEstimate
{
    /// <summary>RD, RR, OR, NNT, Fisher's test and the chi-square test, in that order.</summary>
    public IReadOnlyList<IEstimate> Estimates => [RiskDifference, RiskRatio, OddsRatio, Nnt, Fisher, ChiSquare];

    /// <summary>The risk difference.</summary>
    public IEstimate Headline => RiskDifference;

    /// <summary>The headline's estimate (also <see cref="IEstimate.Estimate"/>).</summary>
    public double Estimate => Headline.Estimate;

    /// <summary>The headline's confidence interval, with its level and method.</summary>
    public ConfidenceInterval Ci => Headline.Ci;

    /// <summary>The headline's group sizes, with missing and excluded counts.</summary>
    public EstimateSizes Sizes => Headline.Sizes;

    /// <summary>The headline's p-value (NaN when it has none).</summary>
    public double PValue => Headline.PValue;

    /// <summary>What is compared (the risk difference's key: parameter, visit, arm vs reference arm).</summary>
    public Comparison Comparison => RiskDifference.Comparison;

    // The positional Reference is the reference arm; the contract's Reference is the citation.
    string IEstimate.Reference => RiskDifference.Reference;
}

/// <summary>Stratified comparison (Cochran–Mantel–Haenszel) of one arm with the reference.</summary>
/// <remarks>As an <see cref="IEstimate"/> it is the <see cref="CommonOddsRatio"/>; all three results are in <see cref="Estimates"/>.</remarks>
/// <param name="Treatment">The compared arm.</param>
/// <param name="Reference">The reference arm.</param>
/// <param name="StratifiedBy">The covariate defining the strata.</param>
/// <param name="Strata">One 2×2 table per stratum level (treatment first), in order of the levels.</param>
/// <param name="CommonOddsRatio">Mantel–Haenszel OR with the Robins–Breslow–Greenland CI.</param>
/// <param name="CommonRiskRatio">Mantel–Haenszel RR with the Greenland–Robins CI.</param>
/// <param name="Test">The CMH test (continuity-corrected by default, as R <c>mantelhaen.test</c>).</param>
public sealed record StratifiedResponderComparison(string Treatment, string Reference, string StratifiedBy,
    IReadOnlyList<ResponderCounts> Strata, RiskEstimate CommonOddsRatio, RiskEstimate CommonRiskRatio, AssociationTestResult Test) : IHeadlineEstimate
{
    /// <summary>MH odds ratio, MH risk ratio and the CMH test.</summary>
    public IReadOnlyList<IEstimate> Estimates => [CommonOddsRatio, CommonRiskRatio, Test];

    /// <summary>The common odds ratio.</summary>
    public IEstimate Headline => CommonOddsRatio;

    /// <summary>The headline's estimate (also <see cref="IEstimate.Estimate"/>).</summary>
    public double Estimate => Headline.Estimate;

    /// <summary>The headline's confidence interval, with its level and method.</summary>
    public ConfidenceInterval Ci => Headline.Ci;

    /// <summary>The headline's group sizes, with missing and excluded counts.</summary>
    public EstimateSizes Sizes => Headline.Sizes;

    /// <summary>The headline's p-value (NaN when it has none).</summary>
    public double PValue => Headline.PValue;

    /// <summary>What is compared (the common odds ratio's key).</summary>
    public Comparison Comparison => CommonOddsRatio.Comparison;

    // The positional Reference is the reference arm; the contract's Reference is the citation.
    string IEstimate.Reference => CommonOddsRatio.Reference;
}

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

    /// <summary>Every estimate of the analysis, each with its typed <see cref="IEstimate.Comparison"/>: the per-arm
    /// proportions, then for each comparison RD, RR, OR, NNT, Fisher and chi-square, then the stratified results.</summary>
    public IReadOnlyList<IEstimate> Estimates =>
        [.. Arms, .. Comparisons.SelectMany(c => c.Estimates), .. Stratified.SelectMany(s => s.Estimates)];

    /// <inheritdoc />
    public TableView ToTableView()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (ArmResponders a in Arms)
            rows.Add([a.Arm, string.Create(CultureInfo.InvariantCulture, $"{a.Count.Responders}/{a.Count.Denominator}"),
                Display.Number(100 * a.Proportion.Estimate, "0.0") + "%", Display.Interval(new ConfidenceInterval(100 * a.Proportion.Ci.Lower, 100 * a.Proportion.Ci.Upper, a.Proportion.Ci.Level, a.Proportion.Ci.Method), "0.0"),
                Display.Integer(a.Count.NotEvaluable)]);
        var notes = new List<string>
        {
            $"Rule: {Rule} at {Visit.DisplayName}. Missing data: {MissingDataMethodDescriptions.Describe(MissingData)}; non-completers: {(NonCompleters == NonCompleterHandling.NonResponder ? "counted as non-responders" : "excluded (observed cases)")}.",
        };
        foreach (ResponderComparison c in Comparisons)
        {
            notes.Add($"{c.Treatment} vs {c.Reference}: RD {Display.Number(c.RiskDifference.Estimate, "0.000")} {Display.Interval(c.RiskDifference.Ci, "0.000")}; " +
                      $"RR {Display.Number(c.RiskRatio.Estimate, "0.00")} {Display.Interval(c.RiskRatio.Ci, "0.00")}; OR {Display.Number(c.OddsRatio.Estimate, "0.00")} {Display.Interval(c.OddsRatio.Ci, "0.00")} " +
                      $"({Display.CiHeader(c.RiskDifference.Ci)}s); {c.Nnt}; Fisher p = {Display.P(c.Fisher.PValue)}; chi-square p = {Display.P(c.ChiSquare.PValue)}.");
            if (c.Comparison.ReferenceNote.Length > 0) notes.Add(c.Comparison.ReferenceNote);
        }
        if (Report is not null) notes.Add(Display.DataLine(Report));
        foreach (StratifiedResponderComparison s in Stratified)
            notes.Add($"Stratified by {s.StratifiedBy} ({s.Strata.Count} strata): MH OR {Display.Number(s.CommonOddsRatio.Estimate, "0.00")} {Display.Interval(s.CommonOddsRatio.Ci, "0.00")}; " +
                      $"MH RR {Display.Number(s.CommonRiskRatio.Estimate, "0.00")} {Display.Interval(s.CommonRiskRatio.Ci, "0.00")}; CMH p = {Display.P(s.Test.PValue)}.");
        string ciHeader = Arms.Count > 0 ? Display.CiHeader(Arms[0].Proportion.Ci) + " (%)" : "CI (%)";
        return TableView.Create($"{Parameter} at {Visit.DisplayName}: {Rule}",
            [new("Arm"), new("Responders", true), new("%", true), new(ciHeader, true), new("Not evaluable", true)], rows, notes);
    }

    /// <summary>The tidy frame of <see cref="Estimates"/> (<see cref="Rendering.EstimateFrame"/>): one row per estimate with
    /// parameter, visit, arm, reference arm and missing-data method in their own columns.</summary>
    public DataFrame ToDataFrame() => Rendering.EstimateFrame.From(Estimates);

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}
