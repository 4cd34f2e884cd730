namespace CohortAnalysis.Numerics;

/// <summary>The noncentral t distribution function, which MathNet.Numerics 5.0 does not provide.</summary>
/// <remarks>
/// <para>Series of Lenth (1989, AS 243), written from the paper's formula: for t ≥ 0, x = t²/(t² + ν), λ = δ²/2,
/// F(t; ν, δ) = Φ(−δ) + ½ Σⱼ [pⱼ I_x(j + ½, ν/2) + qⱼ I_x(j + 1, ν/2)],
/// pⱼ = e^{−λ} λʲ / j!, qⱼ = δ e^{−λ} λʲ / (√2 Γ(j + 3/2)); for t &lt; 0, F(t; ν, δ) = 1 − F(−t; ν, −δ).</para>
/// <para>Unlike AS 243 (and R's <c>pnt</c>, which starts at j = 0 and switches to a normal approximation for
/// δ &gt; 37.62), the sum starts at the Poisson mode and runs outwards in both directions, so large δ keep full
/// accuracy. The incomplete beta ratios are computed once at the mode and then by the exact recurrence
/// I_x(a + 1, b) = I_x(a, b) − x^a (1 − x)^b / (a B(a, b)), so each term costs a few multiplications.</para>
/// <para>Accuracy: absolute error near 1e-15 (checked against scipy/Boost and R's pt(ncp=), see
/// tests/known-results/effect-sizes/noncentral_t.py).</para>
/// <para>The series itself lives in <see cref="NoncentralTAtQuantile"/>, which also gives ∂F/∂δ and keeps the terms
/// that do not change while δ moves within one Poisson mode.</para>
/// </remarks>
internal static class NoncentralT
{
    /// <summary>P(T ≤ t) for T ~ t(ν, δ).</summary>
    public static double Cdf(double t, double df, double ncp) => new NoncentralTAtQuantile(t, df).Cdf(ncp, out _);
}
