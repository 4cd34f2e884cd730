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
/// <remarks>Immutable; safe to share between threads. Fields mirror R's <c>wilcox.test</c> output. It is a test, not an
/// estimate: <see cref="Estimate"/> is NaN and the interval empty (R reports neither without <c>conf.int = TRUE</c>);
/// <see cref="Statistic"/> and <see cref="PValue"/> carry the answer.</remarks>
/// <param name="StatisticName">"V" (signed-rank: sum of ranks of positive differences) or "W" (rank-sum: Mann–Whitney U of x).</param>
/// <param name="Statistic">The statistic as R reports it.</param>
/// <param name="PValue">p-value for <see cref="Alternative"/>.</param>
/// <param name="PValueMethod">Exact or normal approximation.</param>
/// <param name="Z">The (corrected) normal deviate when the approximation was used; NaN for exact p-values.</param>
/// <param name="Alternative">The alternative hypothesis.</param>
/// <param name="Mu">The null location shift.</param>
/// <param name="Sizes">Values ranked (non-zero differences for signed-rank; group sizes for rank-sum), NaN values left
/// out (<see cref="EstimateSizes.Missing"/>) and, for signed-rank, differences equal to μ dropped before ranking as R
/// does (<see cref="EstimateSizes.Excluded"/>).</param>
/// <param name="HasTies">Whether tied ranks occurred.</param>
/// <param name="Method">Test name and p-value method.</param>
/// <param name="Reference">Citation.</param>
/// <param name="Note">Empty, or what was left out.</param>
public sealed record RankTestResult(
    string StatisticName,
    double Statistic,
    double PValue,
    RankPValueMethod PValueMethod,
    double Z,
    Alternative Alternative,
    double Mu,
    EstimateSizes Sizes,
    bool HasTies,
    string Method,
    string Reference,
    string Note = "") : ITabular, IEstimate
{
    /// <summary>What the test compares (parameter, visit, arms); <see cref="Comparison.None"/> for plain numbers.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;

    /// <summary>"Wilcoxon signed-rank test" or "Wilcoxon rank-sum test".</summary>
    public string Name => StatisticName == "V" ? "Wilcoxon signed-rank test" : "Wilcoxon rank-sum test";

    /// <summary>NaN: a test has no point estimate here.</summary>
    public double Estimate => double.NaN;

    /// <summary>No interval (<see cref="CiMethod.None"/>).</summary>
    public ConfidenceInterval Ci => ConfidenceInterval.None;

    /// <summary>One row: statistic, z, p, p-value method and n; notes give the alternative, zeros, ties and reference.</summary>
    public TableView ToTableView() => TableView.Create(Method,
        [new("Statistic"), new("Value", true), new("z", true), new("p", true), new("p method"), new("n", true)],
        [[StatisticName, Display.Number(Statistic, "0.###"), Display.Number(Z, "0.###"), Display.P(PValue),
          PValueMethod == RankPValueMethod.Exact ? "exact" : "normal approximation", Display.Sizes(Sizes.Groups)]],
        new[]
        {
            $"{Sided.Describe(Alternative)}; mu = {Display.Number(Mu, "0.####")}.",
            Note.Length > 0 ? Note + "." : "",
            HasTies ? "Ties present." : "",
            Reference,
        }.Where(s => s.Length > 0));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Method}: {StatisticName} = {Statistic:0.###}, p = {TTestEstimate.FormatP(PValue)} ({Sided.Describe(Alternative)}, mu = {Mu:0.####}), {Sizes}")
        + (Note.Length > 0 ? "; " + Note : "")
        + (HasTies ? ", ties present" : "");
}
