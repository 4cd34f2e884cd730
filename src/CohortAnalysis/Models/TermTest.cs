namespace CohortAnalysis.Models;

/// <summary>The Type III F test of one model term: H₀ Lβ = 0 for the term's hypothesis matrix L.</summary>
/// <remarks>
/// <para>F = (Lβ̂)ᵀ(L V Lᵀ)⁻¹(Lβ̂)/q with q = rank L numerator df and, for a linear model, the residual df as denominator
/// (an MMRM's F and denominator df follow its df method: see <see cref="MmrmFit.TypeIIITests"/>). With the model-based
/// V = s²(XᵀX)⁻¹ the Type III sum of squares is (Lβ̂)ᵀ(L(XᵀX)⁻¹Lᵀ)⁻¹(Lβ̂) = F·q·s² (SAS PROC GLM "Type III SS"); with a
/// sandwich V it is a Wald F test (R <c>car::Anova(fit, type = 3, vcov. = vcovHC)</c>) and has no sum of squares (NaN).</para>
/// <para>Immutable; safe to share between threads.</para>
/// </remarks>
/// <param name="Term">The term, e.g. "ARM", "BASE", "ARM*SEX".</param>
/// <param name="NumeratorDf">q, the number of independent hypotheses.</param>
/// <param name="DenominatorDf">Residual df n − p (linear model); the df method's (MMRM).</param>
/// <param name="SumOfSquares">Type III SS (NaN with a sandwich covariance).</param>
/// <param name="F">The F statistic.</param>
/// <param name="PValue">P(F(q, n − p) ≥ F).</param>
/// <param name="Method">In words, e.g. "Type III F test, model-based covariance".</param>
public sealed record TermTest(string Term, int NumeratorDf, double DenominatorDf, double SumOfSquares, double F, double PValue, string Method)
{
    /// <summary>The Kenward–Roger scale λ by which <see cref="F"/> was multiplied (SAS and pbkrtest report the scaled F);
    /// 1 for every other method.</summary>
    public double Scale { get; init; } = 1;
}
