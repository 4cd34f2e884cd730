using System.Globalization;
using CohortAnalysis.Inference;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Responders;

/// <summary>Comparisons of response rates between two arms: risk difference, risk ratio, odds ratio, NNT, and the
/// Fisher exact and chi-square tests.</summary>
/// <remarks>Stateless and thread-safe. The first arm of <see cref="ResponderCounts"/> is compared with the second
/// (treatment vs reference). Zero cells never throw: see each method.</remarks>
public static class RiskComparison
{
    /// <summary>Risk difference p₁ − p₂ with a Newcombe hybrid score (default), Wald or continuity-corrected Wald interval.</summary>
    /// <remarks>
    /// <para>Newcombe (1998) method 10: with Wilson limits (l₁, u₁), (l₂, u₂) at the same z,
    /// L = d − √((p₁ − l₁)² + (u₂ − p₂)²), U = d + √((u₁ − p₁)² + (p₂ − l₂)²). SAS RISKDIFF(CL=NEWCOMBE).</para>
    /// <para>Wald: d ± z√(p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂); with continuity correction the half-width grows by
    /// min(½, |d|/(1/n₁ + 1/n₂))·(1/n₁ + 1/n₂), as R <c>prop.test</c> (default <c>correct = TRUE</c>). Both clipped to [−1, 1].</para>
    /// <para>All or no responders in both arms: d = 0; Newcombe stays a proper interval; Wald collapses to [0, 0].</para>
    /// <para>Example (R 4.2.2 prop.test and hand formulas, tests/known-results/responders/responders.R): 30/50 vs 15/50 gives 0.30, Newcombe [0.1050578, 0.4650105], Wald [0.1140615, 0.4859385].</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An arm has no subjects.</exception>
    public static RiskEstimate RiskDifference(ResponderCounts table, RiskComparisonOptions? options = null)
    {
        options ??= RiskComparisonOptions.Default;
        Validate(table, options);
        CiMethods.Require(options.RiskDifferenceCi, "a risk difference", nameof(options), CiMethod.Newcombe, CiMethod.Wald, CiMethod.WaldContinuityCorrected);
        int n1 = table.NFirst, n2 = table.NSecond;
        double p1 = table.RateFirst, p2 = table.RateSecond, d = p1 - p2;
        double z = Distributions.NormalQuantile(Sided.CriticalProbability(options.Alternative, options.CiLevel));
        double se = Math.Sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double lo, hi;
        string method;
        CiMethod ciMethod;
        string reference;
        switch (options.RiskDifferenceCi)
        {
            case CiMethod.Newcombe:
                (double l1, double u1) = Proportions.Wilson(p1, n1, z);
                (double l2, double u2) = Proportions.Wilson(p2, n2, z);
                lo = d - Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
                hi = d + Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
                method = "Newcombe hybrid score interval (method 10)";
                ciMethod = CiMethod.Newcombe;
                reference = Citations.Newcombe1998;
                break;
            case CiMethod.Wald:
                (lo, hi) = (d - z * se, d + z * se);
                method = "Wald interval";
                ciMethod = CiMethod.Wald;
                reference = Citations.Newcombe1998;
                break;
            case CiMethod.WaldContinuityCorrected:
                double sumInv = 1.0 / n1 + 1.0 / n2;
                double width = z * se + Math.Min(0.5, Math.Abs(d) / sumInv) * sumInv;
                (lo, hi) = (d - width, d + width);
                method = "Wald interval with continuity correction (R prop.test)";
                ciMethod = CiMethod.WaldContinuityCorrected;
                reference = Citations.Newcombe1998;
                break;
            default:
                throw new ArgumentException($"CI method {options.RiskDifferenceCi} does not apply to a risk difference.", nameof(options));
        }
        lo = Math.Max(-1, lo);
        hi = Math.Min(1, hi);
        if (options.Alternative == Alternative.Less) lo = -1;
        if (options.Alternative == Alternative.Greater) hi = 1;
        return new RiskEstimate(RiskMeasure.RiskDifference, d, new ConfidenceInterval(lo, hi, options.CiLevel, ciMethod),
            se, table.N, 1, "risk difference; " + method, reference);
    }

    /// <summary>Risk ratio p₁/p₂ with the log-scale (Katz) Wald interval.</summary>
    /// <remarks>
    /// <para>exp(ln RR ± z·SE), SE = √((1 − p₁)/(n₁p₁) + (1 − p₂)/(n₂p₂)) = √(1/a − 1/n₁ + 1/c − 1/n₂) (Katz et al. 1978;
    /// SAS RELRISK). Note: R effectsize 0.8.3 used a wrong SE here (fixed in 0.8.5, easystats/effectsize#584).</para>
    /// <para>Zero responders in an arm: without correction RR is 0 or ∞ with interval [0, ∞], and 0/0 gives NaN;
    /// with <see cref="ZeroCellCorrection.Haldane"/> ½ is added to every cell first. All responders in both arms
    /// gives RR = 1 with SE 0 and the point interval [1, 1].</para>
    /// <para>Example (R 4.2.2 prop.test and hand formulas, tests/known-results/responders/responders.R): 30/50 vs 15/50 gives 2.0 [1.237454, 3.232443].</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An arm has no subjects.</exception>
    public static RiskEstimate RiskRatio(ResponderCounts table, RiskComparisonOptions? options = null)
    {
        options ??= RiskComparisonOptions.Default;
        Validate(table, options);
        CiMethods.Require(options.RiskRatioCi, "a risk ratio", nameof(options), CiMethod.LogWald);
        (double a, double b, double c, double d, string note) = Cells(table, options.ZeroCellCorrection, anyZero: table.RespondersFirst == 0 || table.RespondersSecond == 0);
        double n1 = a + b, n2 = c + d;
        double rr = (a / n1) / (c / n2);
        double se = Math.Sqrt(Math.Max(0, 1 / a - 1 / n1 + 1 / c - 1 / n2));
        ConfidenceInterval ci = LogInterval(rr, se, options, CiMethod.LogWald, ref note);
        return new RiskEstimate(RiskMeasure.RiskRatio, rr, ci, se, table.N, 1,
            "risk ratio; log-scale Wald interval (Katz)", Citations.Katz1978, note);
    }

    /// <summary>Odds ratio with Woolf's logit interval (default) or the exact conditional interval of R <c>fisher.test</c>.</summary>
    /// <remarks>
    /// <para>Woolf: OR = ad/(bc), exp(ln OR ± z√(1/a + 1/b + 1/c + 1/d)) (Woolf 1955). Zero cells: without correction OR is
    /// 0 or ∞ with interval [0, ∞] (NaN for 0/0); <see cref="ZeroCellCorrection.Haldane"/> adds ½ to every cell first.</para>
    /// <para>Exact conditional: the estimate is the conditional MLE (as R <c>fisher.test</c>, not ad/bc); limits solve
    /// P(X ≥ a; ψ) = α/2 and P(X ≤ a; ψ) = α/2 under the noncentral hypergeometric distribution, found to full
    /// precision (R's <c>uniroot</c> default tolerance gives only ~4–5 digits). A zero cell gives a 0 or ∞ limit
    /// naturally; a table with a zero margin (all or no responders overall) has estimate NaN and interval [0, ∞].</para>
    /// <para>Example (R 4.2.2 prop.test and hand formulas, tests/known-results/responders/responders.R): 30/50 vs 15/50 gives Woolf 3.5 [1.5288671, 8.0124687].</para>
    /// <para>References: Woolf, B. (1955). Ann Hum Genet 19:251-253. Fisher (1935); Cornfield (1956) for the exact limits.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An arm has no subjects.</exception>
    public static RiskEstimate OddsRatio(ResponderCounts table, RiskComparisonOptions? options = null)
    {
        options ??= RiskComparisonOptions.Default;
        Validate(table, options);
        CiMethods.Require(options.OddsRatioCi, "an odds ratio", nameof(options), CiMethod.LogWald, CiMethod.ExactConditional);
        if (options.OddsRatioCi == CiMethod.ExactConditional)
            return ExactOddsRatio(table, options);
        bool anyZero = table.RespondersFirst == 0 || table.NonRespondersFirst == 0 || table.RespondersSecond == 0 || table.NonRespondersSecond == 0;
        (double a, double b, double c, double d, string note) = Cells(table, options.ZeroCellCorrection, anyZero);
        double or = a * d / (b * c);
        double se = Math.Sqrt(1 / a + 1 / b + 1 / c + 1 / d);
        ConfidenceInterval ci = LogInterval(or, se, options, CiMethod.LogWald, ref note);
        return new RiskEstimate(RiskMeasure.OddsRatio, or, ci, se, table.N, 1,
            "odds ratio; Woolf logit interval", Citations.Woolf1955, note);
    }

    /// <summary>Number needed to treat, 1/|RD|, with its interval from the risk-difference interval (Altman 1998).</summary>
    /// <remarks>
    /// <para>RD and its interval come from <see cref="RiskDifference"/> with the same options (Newcombe by default).
    /// NNT(benefit) when RD favours the first arm (RD &gt; 0 for a desirable event, &lt; 0 for an adverse one; see
    /// <see cref="RiskComparisonOptions.EventIsDesirable"/>), NNT(harm) otherwise. Interval: reciprocals of the RD
    /// bounds; when the RD interval includes 0 the NNT interval runs "NNTB 1/U to ∞ to NNTH 1/|L|" (see <see cref="NntEstimate"/>).</para>
    /// <para>Reference: Altman, D. G. (1998). Confidence intervals for the number needed to treat. BMJ 317:1309-1312.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An arm has no subjects.</exception>
    public static NntEstimate NumberNeededToTreat(ResponderCounts table, RiskComparisonOptions? options = null)
    {
        options ??= RiskComparisonOptions.Default;
        RiskEstimate rd = RiskDifference(table, options);
        double sign = options.EventIsDesirable ? 1 : -1;
        // Benefit-oriented difference b = sign·RD and its interval.
        double b = sign * rd.Estimate;
        double bLo = sign > 0 ? rd.Ci.Lower : -rd.Ci.Upper;
        double bHi = sign > 0 ? rd.Ci.Upper : -rd.Ci.Lower;
        var direction = b > 0 ? NntDirection.Benefit : b < 0 ? NntDirection.Harm : NntDirection.None;
        double value = 1 / Math.Abs(b);
        ConfidenceInterval ci = ConfidenceInterval.NotEstimable(options.CiLevel, CiMethod.Transformed);
        bool infinite = !(bLo > 0 || bHi < 0);
        double benefitLimit = double.NaN, harmLimit = double.NaN;
        if (bLo > 0)
        {
            ci = new ConfidenceInterval(1 / bHi, 1 / bLo, options.CiLevel, CiMethod.Transformed);
            benefitLimit = 1 / bHi;
        }
        else if (bHi < 0)
        {
            ci = new ConfidenceInterval(1 / -bLo, 1 / -bHi, options.CiLevel, CiMethod.Transformed);
            harmLimit = 1 / -bLo;
        }
        else
        {
            if (bHi > 0) benefitLimit = 1 / bHi;
            if (bLo < 0) harmLimit = 1 / -bLo;
        }
        return new NntEstimate(value, direction, ci, infinite, benefitLimit, harmLimit, rd, Citations.Altman1998);
    }

    /// <summary>Fisher's exact test of no association, as R <c>fisher.test</c>.</summary>
    /// <remarks>
    /// <para>Conditional on the margins, X = a is hypergeometric. Two-sided p = Σ P(k) over tables with P(k) ≤ P(a)·(1 + 10⁻⁷)
    /// (R's rule); "greater" = P(X ≥ a), "less" = P(X ≤ a). A table with a zero margin gives p = 1.</para>
    /// <para>Reference: Fisher, R. A. (1935). The logic of inductive inference. J R Stat Soc 98:39-82.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An arm has no subjects.</exception>
    public static AssociationTestResult FisherExact(ResponderCounts table, RiskComparisonOptions? options = null)
    {
        options ??= RiskComparisonOptions.Default;
        Validate(table, options);
        var h = new Hypergeometric(table.NFirst, table.NSecond, table.RespondersFirst + table.RespondersSecond);
        int x = table.RespondersFirst;
        double p = options.Alternative switch
        {
            Alternative.Less => h.Cdf(x, 0, upper: false),
            Alternative.Greater => h.Cdf(x, 0, upper: true),
            _ => h.TwoSidedP(x),
        };
        return new AssociationTestResult(double.NaN, double.NaN, Math.Min(1, p), options.Alternative, table.N,
            "Fisher's exact test", Citations.Fisher1935, h.Lo == h.Hi ? "a margin is zero: the table carries no information (p = 1)" : "");
    }

    /// <summary>Pearson's chi-square test for the 2×2 table, with Yates' correction by default, as R <c>chisq.test</c>.</summary>
    /// <remarks>
    /// <para>X² = Σ(|O − E| − y)²/E with y = min(½, min|O − E|) when <see cref="RiskComparisonOptions.ContinuityCorrection"/>
    /// (R <c>correct = TRUE</c>, the default), else y = 0. p = P(χ²₁ &gt; X²); always two-sided (the option's
    /// <see cref="Alternative"/> is ignored). A zero margin makes an expected count 0: statistic and p are NaN with a note.</para>
    /// <para>References: Pearson, K. (1900). Phil Mag 50:157-175. Yates, F. (1934). J R Stat Soc Suppl 1:217-235.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An arm has no subjects.</exception>
    public static AssociationTestResult ChiSquare(ResponderCounts table, RiskComparisonOptions? options = null)
    {
        options ??= RiskComparisonOptions.Default;
        Validate(table, options);
        double[] observed = [table.RespondersFirst, table.NonRespondersFirst, table.RespondersSecond, table.NonRespondersSecond];
        double total = table.Total;
        double r1 = table.RespondersFirst + table.RespondersSecond, r2 = total - r1;
        double[] expected = [r1 * table.NFirst / total, r2 * table.NFirst / total, r1 * table.NSecond / total, r2 * table.NSecond / total];
        string method = options.ContinuityCorrection ? "Pearson's chi-square test with Yates' continuity correction" : "Pearson's chi-square test";
        if (r1 == 0 || r2 == 0)
            return new AssociationTestResult(double.NaN, 1, double.NaN, Alternative.TwoSided, table.N, method, Citations.Yates1934,
                "all subjects have the same outcome: an expected count is 0, so the chi-square test is undefined");
        double yates = 0;
        if (options.ContinuityCorrection)
        {
            yates = 0.5;
            for (int i = 0; i < 4; i++) yates = Math.Min(yates, Math.Abs(observed[i] - expected[i]));
        }
        double x2 = 0;
        for (int i = 0; i < 4; i++)
        {
            double dev = Math.Abs(observed[i] - expected[i]) - yates;
            x2 += dev * dev / expected[i];
        }
        return new AssociationTestResult(x2, 1, Distributions.ChiSquare1Upper(x2), Alternative.TwoSided, table.N, method,
            options.ContinuityCorrection ? Citations.Yates1934 : Citations.Pearson1900);
    }

    private static RiskEstimate ExactOddsRatio(ResponderCounts table, RiskComparisonOptions options)
    {
        var h = new Hypergeometric(table.NFirst, table.NSecond, table.RespondersFirst + table.RespondersSecond);
        int x = table.RespondersFirst;
        double alpha = options.Alternative == Alternative.TwoSided ? (1 - options.CiLevel) / 2 : 1 - options.CiLevel;
        string note = "";
        double estimate, lo, hi;
        if (h.Lo == h.Hi)
        {
            (estimate, lo, hi) = (double.NaN, 0, double.PositiveInfinity);
            note = "a margin is zero (all or no responders overall): the odds ratio is not estimable";
        }
        else
        {
            estimate = h.ConditionalMle(x);
            lo = options.Alternative == Alternative.Less ? 0 : h.LowerLimit(x, alpha);
            hi = options.Alternative == Alternative.Greater ? double.PositiveInfinity : h.UpperLimit(x, alpha);
        }
        return new RiskEstimate(RiskMeasure.OddsRatio, estimate, new ConfidenceInterval(lo, hi, options.CiLevel, CiMethod.ExactConditional),
            double.NaN, table.N, 1, "odds ratio; conditional MLE with exact conditional interval (R fisher.test)", Citations.Fisher1935, note);
    }

    /// <summary>exp(ln θ ± z·SE), with the zero-cell conventions documented on the callers.</summary>
    internal static ConfidenceInterval LogInterval(double estimate, double se, RiskComparisonOptions options, CiMethod method, ref string note)
    {
        if (double.IsNaN(estimate))
        {
            note = Append(note, "0/0: the ratio is undefined (no responders, or no non-responders, in both arms); use ZeroCellCorrection.Haldane for a finite estimate");
            return ConfidenceInterval.NotEstimable(options.CiLevel, method);
        }
        if (estimate == 0 || double.IsPositiveInfinity(estimate))
        {
            note = Append(note, "zero cell: the estimate is " + (estimate == 0 ? "0" : "infinite") + " and the log-scale interval is [0, Inf]; use ZeroCellCorrection.Haldane for a finite interval");
            return new ConfidenceInterval(0, double.PositiveInfinity, options.CiLevel, method);
        }
        double z = Distributions.NormalQuantile(Sided.CriticalProbability(options.Alternative, options.CiLevel));
        double log = Math.Log(estimate);
        double lo = options.Alternative == Alternative.Less ? 0 : Math.Exp(log - z * se);
        double hi = options.Alternative == Alternative.Greater ? double.PositiveInfinity : Math.Exp(log + z * se);
        return new ConfidenceInterval(lo, hi, options.CiLevel, method);
    }

    private static (double A, double B, double C, double D, string Note) Cells(ResponderCounts t, ZeroCellCorrection correction, bool anyZero)
    {
        double add = correction == ZeroCellCorrection.Haldane && anyZero ? 0.5 : 0;
        string note = add > 0 ? "Haldane-Anscombe correction: 0.5 added to every cell because of a zero cell" : "";
        return (t.RespondersFirst + add, t.NonRespondersFirst + add, t.RespondersSecond + add, t.NonRespondersSecond + add, note);
    }

    internal static string Append(string note, string more) => note.Length == 0 ? more : note + "; " + more;

    private static void Validate(ResponderCounts table, RiskComparisonOptions options)
    {
        Guard.NotNull(table);
        Guard.NotNull(options);
        Guard.CiLevel(options.CiLevel);
        if (table.NFirst < 1 || table.NSecond < 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Both arms need at least one subject; the first arm has n = {table.NFirst}, the second n = {table.NSecond}."), nameof(table));
    }
}
