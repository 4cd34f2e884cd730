using System.Globalization;

namespace CohortAnalysis.Responders;

/// <summary>Whether a number needed to treat counts patients to benefit or to harm.</summary>
public enum NntDirection
{
    /// <summary>NNT(benefit), NNTB: treating this many gives one more good outcome.</summary>
    Benefit,
    /// <summary>NNT(harm), NNTH: treating this many gives one more bad outcome.</summary>
    Harm,
    /// <summary>The risk difference is exactly 0: NNT is infinite.</summary>
    None,
}

/// <summary>Number needed to treat, 1/|RD|, with the interval read off the risk-difference interval (Altman 1998).</summary>
/// <remarks>
/// <para>Immutable. When the RD interval excludes 0, <see cref="Ci"/> is [1/|far bound|, 1/|near bound|] in the
/// direction of <see cref="Direction"/>. When it includes 0 the NNT interval passes through infinity and is not one
/// interval: <see cref="Ci"/> has NaN bounds and the set is NNTB from <see cref="BenefitLimit"/> to ∞ together with
/// NNTH from <see cref="HarmLimit"/> to ∞, printed as Altman recommends: "NNTB 2.2 to ∞ to NNTH 10.5"
/// (<see cref="IntervalText"/>, also in <see cref="Note"/>).</para>
/// </remarks>
/// <param name="Estimate">1/|RD| (∞ when RD = 0).</param>
/// <param name="Direction">Benefit or harm, from the sign of RD and whether the event is desirable.</param>
/// <param name="Ci">The NNT interval when the RD interval excludes 0; NaN bounds otherwise.</param>
/// <param name="IncludesInfinity">Whether the RD interval includes 0 (the NNT interval passes through ∞).</param>
/// <param name="BenefitLimit">The NNTB end nearest to 0 patients (1/benefit bound of RD); NaN when the RD interval has no benefit side.</param>
/// <param name="HarmLimit">The NNTH end (1/harm bound of RD); NaN when the RD interval has no harm side.</param>
/// <param name="RiskDifference">The risk difference it was derived from.</param>
/// <param name="Reference">Citation.</param>
public sealed record NntEstimate(
    double Estimate,
    NntDirection Direction,
    ConfidenceInterval Ci,
    bool IncludesInfinity,
    double BenefitLimit,
    double HarmLimit,
    RiskEstimate RiskDifference,
    string Reference) : ITabular, IEstimate
{
    /// <summary>The comparison of <see cref="RiskDifference"/>.</summary>
    public Comparison Comparison => RiskDifference.Comparison;

    /// <summary>The sizes of <see cref="RiskDifference"/>.</summary>
    public EstimateSizes Sizes => RiskDifference.Sizes;

    /// <summary>"NNT (benefit)", "NNT (harm)" or "NNT".</summary>
    public string Name => Direction switch
    {
        NntDirection.Benefit => "NNT (benefit)",
        NntDirection.Harm => "NNT (harm)",
        _ => "NNT",
    };

    /// <summary>How it was computed.</summary>
    public string Method => "1/|risk difference|; interval from the reciprocal limits of the risk-difference interval (" + CiMethods.Describe(RiskDifference.Ci.Method) + ")";

    /// <summary>Altman's reading of the interval when it passes through infinity; empty otherwise.</summary>
    public string Note => IncludesInfinity ? "the risk-difference interval includes 0, so the NNT interval passes through infinity: " + IntervalText : "";

    /// <summary>The interval as text without the level: "[2.2, 9.5]", "NNTB 2.2 to Inf to NNTH 10.5", "NNTH 4 to Inf".</summary>
    public string IntervalText => !IncludesInfinity ? $"[{F(Ci.Lower)}, {F(Ci.Upper)}]"
        : double.IsNaN(BenefitLimit) ? $"NNTH {F(HarmLimit)} to Inf"
        : double.IsNaN(HarmLimit) ? $"NNTB {F(BenefitLimit)} to Inf"
        : $"NNTB {F(BenefitLimit)} to Inf to NNTH {F(HarmLimit)}";

    /// <summary>One row: the NNT reading, its value and interval (Altman's NNTB/NNTH form when the CI crosses no effect).</summary>
    public TableView ToTableView() => TableView.Create("Number needed to treat",
        [new("Direction"), new("NNT", true), new(Display.CiHeader(Ci), true), new("Risk difference", true), new(Display.CiHeader(RiskDifference.Ci) + " (RD)", true)],
        [[Direction.ToString(), Display.Number(Estimate, "0.#"), IntervalText,
          Display.Number(RiskDifference.Estimate, "0.0000"), Display.Interval(RiskDifference.Ci, "0.0000")]],
        [Reference]);

    /// <inheritdoc />
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string head = Direction switch
        {
            NntDirection.Benefit => string.Create(c, $"NNT(benefit) = {F(Estimate)}"),
            NntDirection.Harm => string.Create(c, $"NNT(harm) = {F(Estimate)}"),
            _ => "NNT = Inf (no difference)",
        };
        return string.Create(c, $"{head}, {Ci.Level * 100:0.##}% CI {IntervalText} (from the risk difference {RiskDifference.Ci})");
    }

    private static string F(double x) => RiskEstimate.Format(x);
}
