using System.Globalization;

namespace CohortAnalysis.EffectSizes;

public static partial class EffectSize
{
    /// <summary>Cohen's h: the difference of arcsine-transformed proportions, h = 2 asin √p₁ − 2 asin √p₂.</summary>
    /// <remarks>CI: h ± z·√(1/n₁ + 1/n₂), as R effectsize <c>cohens_h</c> (one-sided limits are ±π). Cohen (1988) ch. 6.
    /// Checked against R effectsize 0.8.3 <c>cohens_h</c>: 30/50 vs 15/50 gives h = 0.6128748, 95% CI [0.2208820, 1.0048676].</remarks>
    /// <param name="events1">Events (e.g. responders) in group 1.</param>
    /// <param name="n1">Size of group 1.</param>
    /// <param name="events2">Events in group 2 (reference).</param>
    /// <param name="n2">Size of group 2.</param>
    /// <param name="options">CiLevel and Alternative; defaults when null.</param>
    /// <exception cref="ArgumentException">A size is below 1 or a count is outside [0, n].</exception>
    public static EffectSizeEstimate CohensH(int events1, int n1, int events2, int n2, EffectSizeOptions? options = null)
    {
        options ??= EffectSizeOptions.Default;
        Guard.CiLevel(options.CiLevel, "CiLevel");
        RequireCounts(events1, n1, events2, n2);
        double h = 2 * Math.Asin(Math.Sqrt((double)events1 / n1)) - 2 * Math.Asin(Math.Sqrt((double)events2 / n2));
        double z = Intervals.Z(options.CiLevel, options.Alternative);
        double se = Math.Sqrt(1.0 / n1 + 1.0 / n2);
        (double lo, double hi) = Intervals.Sided(h - z * se, h + z * se, options.Alternative, -Math.PI, Math.PI);
        return new EffectSizeEstimate(EffectSizeIndex.CohensH, h, new ConfidenceInterval(lo, hi, options.CiLevel, CiMethod.Normal),
            new GroupSizes(n1, n2), "2 asin(sqrt(p1)) - 2 asin(sqrt(p2)); normal CI, SE = sqrt(1/n1 + 1/n2)", Citations.Cohen1988)
        { Variance = se * se };
    }

    /// <summary>The φ coefficient of a 2 × 2 table (group × event), signed: positive when group 1 has the higher event rate.</summary>
    /// <remarks>
    /// <para>φ = (a d − b c)/√((a + b)(c + d)(a + c)(b + d)) with a = events1, c = n1 − events1, b = events2, d = n2 − events2;
    /// it is Pearson's r between the group and event indicators, so |φ| = √(χ²/N).</para>
    /// <para>CI: Fisher z, tanh(atanh φ ± z/√(N − 3)), an approximation. R effectsize <c>phi()</c> instead reports |φ| with a
    /// one-sided noncentral χ² interval by default, so its limits differ.</para>
    /// </remarks>
    /// <param name="events1">Events in group 1.</param>
    /// <param name="n1">Size of group 1.</param>
    /// <param name="events2">Events in group 2.</param>
    /// <param name="n2">Size of group 2.</param>
    /// <param name="options">CiLevel and Alternative; defaults when null.</param>
    /// <exception cref="ArgumentException">A size is below 1, a count is outside [0, n], or a margin is empty.</exception>
    public static EffectSizeEstimate Phi(int events1, int n1, int events2, int n2, EffectSizeOptions? options = null)
    {
        options ??= EffectSizeOptions.Default;
        Guard.CiLevel(options.CiLevel, "CiLevel");
        RequireCounts(events1, n1, events2, n2);
        double a = events1, c = n1 - events1, b = events2, d = n2 - events2;
        double margins = (a + b) * (c + d) * (a + c) * (b + d);
        if (margins == 0) throw new ArgumentException("phi is undefined when a row or column of the 2 x 2 table is empty.");
        double phi = (a * d - b * c) / Math.Sqrt(margins);
        int total = n1 + n2;
        (double lo, double hi) = total > 3
            ? Intervals.Sided(Math.Tanh(Math.Atanh(phi) - Intervals.Z(options.CiLevel, options.Alternative) / Math.Sqrt(total - 3)),
                Math.Tanh(Math.Atanh(phi) + Intervals.Z(options.CiLevel, options.Alternative) / Math.Sqrt(total - 3)), options.Alternative, -1, 1)
            : (double.NaN, double.NaN);
        return new EffectSizeEstimate(EffectSizeIndex.Phi, phi, new ConfidenceInterval(lo, hi, options.CiLevel, CiMethod.FisherZ),
            new GroupSizes(n1, n2), "signed phi = (ad - bc)/sqrt(margins); Fisher-z CI with SE 1/sqrt(N - 3)", Citations.Cohen1988);
    }

    private static void RequireCounts(int events1, int n1, int events2, int n2)
    {
        Guard.AtLeast(n1, 1);
        Guard.AtLeast(n2, 1);
        if (events1 < 0 || events1 > n1 || events2 < 0 || events2 > n2)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Event counts must lie in [0, n]; got {events1}/{n1} and {events2}/{n2}."));
    }
}
