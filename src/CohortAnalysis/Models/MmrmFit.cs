using System.Globalization;

namespace CohortAnalysis.Models;

/// <summary>A fitted mixed model for repeated measures: LS means by arm and visit, differences from the reference arm at
/// each visit, the estimated covariance, fit statistics and how the fit was reached.</summary>
/// <remarks>
/// <para>Fit statistics follow SAS PROC MIXED: AIC = −2ℓ + 2d, AICC = −2ℓ + 2d·n*/(n* − d − 1), BIC = −2ℓ + d·log(subjects),
/// with d the number of covariance parameters (REML; ML adds the p fixed effects) and n* = n − p under REML, n under ML.</para>
/// <para>Immutable; computed once. Create with <see cref="Mmrm.Fit"/>.</para>
/// </remarks>
public sealed partial class MmrmFit
{
    private readonly Func<IReadOnlyList<double>, string, LsMeanEstimate> _contrast;

    internal MmrmFit(Func<IReadOnlyList<double>, string, LsMeanEstimate> contrast) => _contrast = contrast;

    /// <summary>The parameter analysed (PARAMCD), or the response name.</summary>
    public required string Parameter { get; init; }
    /// <summary>The outcome analysed.</summary>
    public required ChangeVariable Outcome { get; init; }
    /// <summary>The options used.</summary>
    public required MmrmOptions Options { get; init; }
    /// <summary>The covariance structure of the fit reported (the requested one unless the fallback chain moved on).</summary>
    public required CovarianceStructure StructureUsed { get; init; }
    /// <summary>Why <see cref="StructureUsed"/> was used: "as requested", or which structures failed and why.</summary>
    public required string StructureNote { get; init; }
    /// <summary>Each structure tried before the one used, with the reason it was abandoned.</summary>
    public required IReadOnlyList<string> ConvergenceNotes { get; init; }
    /// <summary>Iterations of the maximisation (BFGS and Newton steps).</summary>
    public required int Iterations { get; init; }
    /// <summary>Final relative gradient criterion gᵀH⁻¹g/|−2ℓ| (converged below 1e-10).</summary>
    public required double ConvergenceCriterion { get; init; }
    /// <summary>−2 (restricted) log-likelihood, with SAS's constants.</summary>
    public required double Minus2LogLikelihood { get; init; }
    /// <summary>Akaike's information criterion (smaller is better).</summary>
    public required double Aic { get; init; }
    /// <summary>AIC with the small-sample correction (Hurvich &amp; Tsai 1989).</summary>
    public required double Aicc { get; init; }
    /// <summary>Schwarz's Bayesian criterion with the number of subjects as n (SAS).</summary>
    public required double Bic { get; init; }
    /// <summary>Number of covariance parameters estimated.</summary>
    public required int CovarianceParameterCount { get; init; }
    /// <summary>The estimated covariance (one entry, or one per arm with group covariance).</summary>
    public required IReadOnlyList<MmrmCovariance> Covariance { get; init; }
    /// <summary>Fixed-effect coefficients (R treatment coding; names as "ARM[Active]*VISIT[Week 2]").</summary>
    public required IReadOnlyList<LsMeanEstimate> Coefficients { get; init; }
    /// <summary>LS means by arm and visit.</summary>
    public required IReadOnlyList<LsMeanEstimate> LsMeans { get; init; }
    /// <summary>LS-mean differences, each arm minus the reference arm, at each visit.</summary>
    public required IReadOnlyList<LsMeanEstimate> Differences { get; init; }
    /// <summary>Type III F test of every term, in model order (SAS PROC MIXED "Type 3 Tests of Fixed Effects", lmerTest
    /// <c>anova(type = 3)</c>).</summary>
    /// <remarks>Hypotheses as <see cref="TermTest"/> (factors: equal-weight marginal means; BASE: the slope averaged over
    /// visits; VISIT: at BASE = 0, as SAS). F = (Lβ̂)ᵀ(LV̂Lᵀ)⁻¹(Lβ̂)/q. Satterthwaite: the multi-df denominator df of
    /// Fai &amp; Cornelius (1996) (SAS, lmerTest). Kenward–Roger: V̂ the adjusted covariance, F scaled by λ and referred to
    /// F(q, m) (Kenward &amp; Roger 1997, §4; <see cref="TermTest.Scale"/>). Between-within and residual: the smallest
    /// df of the term's coefficients, or n − p. With the empirical covariance, a Wald F with those df.</remarks>
    public required IReadOnlyList<TermTest> TypeIIITests { get; init; }
    /// <summary>Records analysed (subject × visit with an outcome and every covariate).</summary>
    public required int ObservationsUsed { get; init; }
    /// <summary>Subjects with at least one record analysed.</summary>
    public required int SubjectsUsed { get; init; }
    /// <summary>Records not analysed, by reason (missing outcome: the subject stays in through its other visits, MAR).</summary>
    public required IReadOnlyDictionary<string, int> Excluded { get; init; }
    /// <summary>Records not analysed: the sum of <see cref="Excluded"/>.</summary>
    public int ObservationsExcluded => Excluded.Values.Sum();
    /// <summary>Subjects of the parameter with no record analysed, by reason: no baseline record, no post-baseline record,
    /// the outcome missing at every post-baseline visit, a covariate missing.</summary>
    public required IReadOnlyDictionary<string, int> ExcludedSubjects { get; init; }
    /// <summary>Subjects not analysed: the sum of <see cref="ExcludedSubjects"/>.</summary>
    public int SubjectsExcluded => ExcludedSubjects.Values.Sum();

    /// <summary>LS means then differences, for the renderers.</summary>
    public IEnumerable<IEstimate> Estimates => LsMeans.Concat(Differences);

    /// <summary>A user contrast Σ cᵢ·LSMeanᵢ over <see cref="LsMeans"/> (coefficients in that order), with the fit's df method.</summary>
    /// <param name="coefficients">One coefficient per LS mean.</param>
    /// <param name="label">Label (becomes <see cref="Comparison.Term"/>).</param>
    public LsMeanEstimate Contrast(IReadOnlyList<double> coefficients, string label) => _contrast(coefficients, label);

    /// <summary>Summary of the fit in words: structure, method, −2ℓ, AIC, BIC, records used.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"MMRM {Parameter} {Comparison.VariableCode(Outcome)}: {MmrmEstimation.Describe(StructureUsed)} covariance ({StructureNote}), {(Options.Method == EstimationMethod.Reml ? "REML" : "ML")}, -2LL = {Minus2LogLikelihood:0.####}, AIC = {Aic:0.####}, BIC = {Bic:0.####}; {ObservationsUsed} observations from {SubjectsUsed} subjects");
}
