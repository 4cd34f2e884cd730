using MathNet.Numerics;

namespace CohortAnalysis.EffectSizes;

/// <summary>The small-sample bias factor J(df) of Hedges' g.</summary>
internal static class SmallSampleCorrection
{
    /// <summary>J(df) for the chosen correction; NaN when df ≤ 1 (the exact factor is undefined there, as in R).</summary>
    public static double Factor(double df, HedgesCorrection correction) => correction switch
    {
        HedgesCorrection.None => 1,
        // written as R effectsize and metafor do (via lgamma), so the last digits agree with them
        HedgesCorrection.Exact => df > 1
            ? Math.Exp(SpecialFunctions.GammaLn(df / 2) - Math.Log(Math.Sqrt(df / 2)) - SpecialFunctions.GammaLn((df - 1) / 2))
            : double.NaN,
        HedgesCorrection.Approximate => df > 0.25 ? 1 - 3 / (4 * df - 1) : double.NaN,
        _ => throw new ArgumentOutOfRangeException(nameof(correction), correction, null),
    };

    public static string Describe(HedgesCorrection correction, double df) => correction switch
    {
        HedgesCorrection.Exact => FormattableString.Invariant($"exact J({df:0.###})"),
        HedgesCorrection.Approximate => FormattableString.Invariant($"approximate J({df:0.###}) = 1 - 3/(4df - 1)"),
        _ => "no small-sample correction",
    };
}
