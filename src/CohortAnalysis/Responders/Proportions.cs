using System.Globalization;
using CohortAnalysis.Inference;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Responders;

/// <summary>One proportion (response or remission rate) with a confidence interval.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class Proportions
{
    /// <summary>The proportion x/n with a Wilson (default), Clopper–Pearson, Agresti–Coull or Wald interval.</summary>
    /// <remarks>
    /// <para>With z = z(1 − α/2) (z(1 − α) one-sided):</para>
    /// <para>Wilson: (p + z²/2n ± z√(p(1 − p)/n + z²/4n²))/(1 + z²/n) — R <c>prop.test(correct = FALSE)</c> (Wilson 1927).</para>
    /// <para>Clopper–Pearson: [B(α/2; x, n − x + 1), B(1 − α/2; x + 1, n − x)] with beta quantiles B, 0 when x = 0,
    /// 1 when x = n — R <c>binom.test</c> (Clopper &amp; Pearson 1934).</para>
    /// <para>Agresti–Coull: p̃ ± z√(p̃(1 − p̃)/ñ), ñ = n + z², p̃ = (x + z²/2)/ñ, clipped to [0, 1] (Agresti &amp; Coull 1998).</para>
    /// <para>Wald: p ± z√(p(1 − p)/n), clipped to [0, 1].</para>
    /// <para>0 or n responders need no special handling: every method returns a defined interval (Wald's is the point 0 or 1).</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, or x outside [0, n], or an invalid CI level.</exception>
    public static ProportionEstimate Rate(int responders, int n, ProportionOptions? options = null)
    {
        options ??= ProportionOptions.Default;
        Guard.CiLevel(options.CiLevel);
        RequireMethod(options.Method);
        Guard.AtLeast(n, 1);
        if (responders < 0 || responders > n)
            throw new ArgumentOutOfRangeException(nameof(responders), responders, string.Create(CultureInfo.InvariantCulture,
                $"responders = {responders} must lie between 0 and n = {n}."));
        double p = (double)responders / n;
        (double lo, double hi) = Interval(responders, n, options.CiLevel, options.Alternative, options.Method);
        var ci = new ConfidenceInterval(lo, hi, options.CiLevel, options.Method);
        return new ProportionEstimate(responders, EstimateSizes.Single(n), p, ci, Describe(options.Method), Reference(options.Method));
    }

    /// <summary>The interval methods that apply to one proportion.</summary>
    public static IReadOnlyList<CiMethod> CiMethodsAllowed { get; } = [CiMethod.Wilson, CiMethod.ClopperPearson, CiMethod.AgrestiCoull, CiMethod.Wald];

    internal static void RequireMethod(CiMethod method) =>
        CiMethods.Require(method, "a proportion", "options", [.. CiMethodsAllowed]);

    internal static (double Lower, double Upper) Interval(int x, int n, double level, Alternative alternative, CiMethod method)
    {
        double z = Distributions.NormalQuantile(Sided.CriticalProbability(alternative, level));
        double p = (double)x / n;
        (double lo, double hi) = method switch
        {
            CiMethod.Wilson => Wilson(p, n, z),
            CiMethod.ClopperPearson => ClopperPearson(x, n, alternative == Alternative.TwoSided ? (1 - level) / 2 : 1 - level),
            CiMethod.AgrestiCoull => AgrestiCoull(x, n, z),
            CiMethod.Wald => Clip(p - z * Math.Sqrt(p * (1 - p) / n), p + z * Math.Sqrt(p * (1 - p) / n)),
            _ => throw new ArgumentException($"CI method {method} does not apply to a proportion.", nameof(method)),
        };
        return alternative switch
        {
            Alternative.Less => (0, hi),
            Alternative.Greater => (lo, 1),
            _ => (lo, hi),
        };
    }

    /// <summary>Wilson score limits, written as R's prop.test computes them.</summary>
    internal static (double Lower, double Upper) Wilson(double p, int n, double z)
    {
        double z22n = z * z / (2.0 * n);
        double root = z * Math.Sqrt(p * (1 - p) / n + z22n / (2.0 * n));
        double lo = (p + z22n - root) / (1 + 2 * z22n);
        double hi = (p + z22n + root) / (1 + 2 * z22n);
        return Clip(lo, hi);
    }

    private static (double, double) ClopperPearson(int x, int n, double alpha) =>
        (x == 0 ? 0 : Distributions.BetaQuantile(alpha, x, n - x + 1),
         x == n ? 1 : Distributions.BetaQuantile(1 - alpha, x + 1, n - x));

    private static (double, double) AgrestiCoull(int x, int n, double z)
    {
        double nTilde = n + z * z;
        double pTilde = (x + z * z / 2) / nTilde;
        double half = z * Math.Sqrt(pTilde * (1 - pTilde) / nTilde);
        return Clip(pTilde - half, pTilde + half);
    }

    private static (double, double) Clip(double lo, double hi) => (Math.Max(0, lo), Math.Min(1, hi));

    private static string Describe(CiMethod m) => m switch
    {
        CiMethod.Wilson => "Wilson score interval (R prop.test, correct = FALSE)",
        CiMethod.ClopperPearson => "Clopper-Pearson exact interval (R binom.test)",
        CiMethod.AgrestiCoull => "Agresti-Coull interval, clipped to [0, 1]",
        _ => "Wald interval, clipped to [0, 1]",
    };

    private static string Reference(CiMethod m) => m switch
    {
        CiMethod.Wilson => Citations.Wilson1927,
        CiMethod.ClopperPearson => Citations.ClopperPearson1934,
        CiMethod.AgrestiCoull => Citations.AgrestiCoull1998,
        _ => Citations.AgrestiCoull1998,
    };
}
