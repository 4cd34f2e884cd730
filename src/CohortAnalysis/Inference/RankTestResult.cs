using System.Globalization;

namespace CohortAnalysis.Inference;

/// <summary>How a rank test's p-value was obtained.</summary>
public enum RankPValueMethod
{
    /// <summary>Exact permutation distribution (R <c>psignrank</c> / <c>pwilcox</c>).</summary>
    Exact,
    /// <summary>Normal approximation with tie correction (and continuity correction unless switched off).</summary>
    NormalApproximation,
}

/// <summary>The result of a Wilcoxon signed-rank or Wilcoxon rank-sum (Mann–Whitney) test.</summary>
/// <remarks>Immutable; safe to share between threads. Fields mirror R's <c>wilcox.test</c> output.</remarks>
/// <param name="StatisticName">"V" (signed-rank: sum of ranks of positive differences) or "W" (rank-sum: Mann–Whitney U of x).</param>
/// <param name="Statistic">The statistic as R reports it.</param>
/// <param name="PValue">p-value for <see cref="Alternative"/>.</param>
/// <param name="PValueMethod">Exact or normal approximation.</param>
/// <param name="Z">The (corrected) normal deviate when the approximation was used; NaN for exact p-values.</param>
/// <param name="Alternative">The alternative hypothesis.</param>
/// <param name="Mu">The null location shift.</param>
/// <param name="N">Values ranked: non-zero differences (signed-rank) or group sizes (rank-sum).</param>
/// <param name="ZeroDifferences">Signed-rank: differences equal to μ, dropped before ranking (R's behaviour); 0 for rank-sum.</param>
/// <param name="HasTies">Whether tied ranks occurred.</param>
/// <param name="Method">Test name and p-value method.</param>
/// <param name="Reference">Citation.</param>
public sealed record RankTestResult(
    string StatisticName,
    double Statistic,
    double PValue,
    RankPValueMethod PValueMethod,
    double Z,
    Alternative Alternative,
    double Mu,
    GroupSizes N,
    int ZeroDifferences,
    bool HasTies,
    string Method,
    string Reference) : ITabular
{
    /// <summary>One row: statistic, z, p, p-value method and n; notes give the alternative, zeros, ties and reference.</summary>
    public TableView ToTableView() => TableView.Create(Method,
        [new("Statistic"), new("Value", true), new("z", true), new("p", true), new("p method"), new("n", true)],
        [[StatisticName, Display.Number(Statistic, "0.###"), Display.Number(Z, "0.###"), Display.P(PValue),
          PValueMethod == RankPValueMethod.Exact ? "exact" : "normal approximation", Display.Sizes(N)]],
        new[]
        {
            $"{Sided.Describe(Alternative)}; mu = {Display.Number(Mu, "0.####")}.",
            ZeroDifferences > 0 ? $"{Display.Integer(ZeroDifferences)} zero differences dropped." : "",
            HasTies ? "Ties present." : "",
            Reference,
        }.Where(s => s.Length > 0));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Method}: {StatisticName} = {Statistic:0.###}, p = {TTestEstimate.FormatP(PValue)} ({Sided.Describe(Alternative)}, mu = {Mu:0.####}), {N}")
        + (ZeroDifferences > 0 ? $", {ZeroDifferences} zero differences dropped" : "")
        + (HasTies ? ", ties present" : "");
}
