using CohortAnalysis.Numerics;
using MathNet.Numerics.Distributions;

namespace CohortAnalysis.EffectSizes;

/// <summary>Interval arithmetic shared by the estimators: normal (Wald) limits, noncentral-t limits, sidedness.</summary>
internal static class Intervals
{
    /// <summary>The two-sided level used for a one-sided interval: 2·level − 1 (effectsize <c>.adjust_ci</c>).</summary>
    public static double TwoSidedLevel(double level, Alternative alternative) =>
        alternative == Alternative.TwoSided ? level : 2 * level - 1;

    public static double Z(double level, Alternative alternative) =>
        MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - (1 - TwoSidedLevel(level, alternative)) / 2);

    public static (double Lower, double Upper) Normal(double estimate, double se, double level, Alternative alternative)
    {
        double z = Z(level, alternative);
        return Sided(estimate - z * se, estimate + z * se, alternative);
    }

    /// <summary>Limits for d = t·√hn by inverting the noncentral t of t (effectsize <c>.get_ncp_t</c>).</summary>
    public static (double Lower, double Upper) NoncentralT(double t, double df, double scale, double level, Alternative alternative)
    {
        (double lo, double hi) = NoncentralTInterval.ForNcp(t, df, level, alternative);
        return (lo * scale, hi * scale);
    }

    public static (double Lower, double Upper) Sided(double lower, double upper, Alternative alternative,
        double min = double.NegativeInfinity, double max = double.PositiveInfinity) => alternative switch
    {
        Alternative.Less => (min, upper),
        Alternative.Greater => (lower, max),
        _ => (lower, upper),
    };

    public static void RequireSupported(CiMethod method, string parameter, params CiMethod[] supported)
    {
        if (Array.IndexOf(supported, method) < 0)
            throw new ArgumentException(
                $"CiMethod = {method} is not available here; use one of {string.Join(", ", supported)}.", parameter);
    }

    public static bool IsBootstrap(CiMethod method) =>
        method is CiMethod.BootstrapPercentile or CiMethod.BootstrapBasic or CiMethod.BootstrapBca;

    public static CiMethod ToBootstrapInterval(CiMethod method) => IsBootstrap(method) ? method : CiMethod.BootstrapBca;

    public static string Describe(CiMethod method, double df) => method switch
    {
        CiMethod.NoncentralT => FormattableString.Invariant($"CI by noncentral t inversion (df = {df:0.###})"),
        CiMethod.Normal => "normal-approximation CI",
        CiMethod.T => FormattableString.Invariant($"scaled central t CI (df = {df:0.###})"),
        _ => $"CI by {CiMethods.Describe(method)}",
    };
}
