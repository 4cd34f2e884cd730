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
/// NNTH from <see cref="HarmLimit"/> to ∞, printed as Altman recommends: "NNTB 2.2 to ∞ to NNTH 10.5".</para>
/// </remarks>
/// <param name="Value">1/|RD| (∞ when RD = 0).</param>
/// <param name="Direction">Benefit or harm, from the sign of RD and whether the event is desirable.</param>
/// <param name="Ci">The NNT interval when the RD interval excludes 0; NaN bounds otherwise.</param>
/// <param name="IncludesInfinity">Whether the RD interval includes 0 (the NNT interval passes through ∞).</param>
/// <param name="BenefitLimit">The NNTB end nearest to 0 patients (1/benefit bound of RD); NaN when the RD interval has no benefit side.</param>
/// <param name="HarmLimit">The NNTH end (1/harm bound of RD); NaN when the RD interval has no harm side.</param>
/// <param name="RiskDifference">The risk difference it was derived from.</param>
/// <param name="Reference">Citation.</param>
public sealed record NntEstimate(
    double Value,
    NntDirection Direction,
    ConfidenceInterval Ci,
    bool IncludesInfinity,
    double BenefitLimit,
    double HarmLimit,
    RiskEstimate RiskDifference,
    string Reference) : ITabular
{
    /// <summary>One row: the NNT reading, its value and interval (Altman's NNTB/NNTH form when the CI crosses no effect).</summary>
    public TableView ToTableView()
    {
        string text = ToString();
        int comma = text.IndexOf(", ", StringComparison.Ordinal);
        int from = text.IndexOf(" (from the risk difference", StringComparison.Ordinal);
        return TableView.Create("Number needed to treat",
            [new("Direction"), new("NNT", true), new("Interval", true), new("Risk difference", true), new(Display.CiHeader(RiskDifference.Ci) + " (RD)", true)],
            [[Direction.ToString(), Display.Number(Value, "0.#"), comma > 0 && from > comma ? text[(comma + 2)..from] : "",
              Display.Number(RiskDifference.Value, "0.0000"), Display.Interval(RiskDifference.Ci, "0.0000")]],
            [Reference]);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string head = Direction switch
        {
            NntDirection.Benefit => string.Create(c, $"NNT(benefit) = {F(Value)}"),
            NntDirection.Harm => string.Create(c, $"NNT(harm) = {F(Value)}"),
            _ => "NNT = Inf (no difference)",
        };
        string level = string.Create(c, $"{Ci.Level * 100:0.##}% CI");
        string interval;
        if (!IncludesInfinity)
            interval = string.Create(c, $"{level} [{F(Ci.Lower)}, {F(Ci.Upper)}]");
        else if (double.IsNaN(BenefitLimit))
            interval = string.Create(c, $"{level} NNTH {F(HarmLimit)} to Inf");
        else if (double.IsNaN(HarmLimit))
            interval = string.Create(c, $"{level} NNTB {F(BenefitLimit)} to Inf");
        else
            interval = string.Create(c, $"{level} NNTB {F(BenefitLimit)} to Inf to NNTH {F(HarmLimit)}");
        return $"{head}, {interval} (from the risk difference {RiskDifference.Ci})";
    }

    private static string F(double x) => RiskEstimate.Format(x);
}
