using System.Globalization;
using System.Text;
using CohortAnalysis.Data;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

/// <summary>What the MMRM must give by theory on seeded simulated data: the compound-symmetric truth recovered, the
/// balanced-data REML solution in closed form, and the unstructured MMRM's per-visit difference equal to the ANCOVA at
/// that visit.</summary>
public class MmrmPropertyTests
{
    private const int Visits = 4;
    private const double Between = 16, Within = 9;   // CS truth: covariance τ² = 16, variance τ² + σ² = 25 (correlation 0.64)

    /// <summary>Complete balanced data, <paramref name="subjects"/> subjects alternating two arms, 4 visits:
    /// yᵢⱼ = μ(arm, visit) + bᵢ + eᵢⱼ with bᵢ ~ N(0, τ²), eᵢⱼ ~ N(0, σ²), seeded.</summary>
    private static MmrmSpecification CompoundSymmetric(int subjects, int seed)
    {
        var random = new Random(seed);
        int n = subjects * Visits;
        var subject = new string[n];
        var arm = new string[n];
        var visit = new string[n];
        var y = new double[n];
        for (int i = 0; i < subjects; i++)
        {
            double b = Math.Sqrt(Between) * MmrmBadInput.Normal(random);
            for (int j = 0; j < Visits; j++)
            {
                int r = i * Visits + j;
                subject[r] = i.ToString("000", CultureInfo.InvariantCulture);
                arm[r] = i % 2 == 0 ? "Placebo" : "Active";
                visit[r] = $"V{j + 1}";
                y[r] = -2 * j - (i % 2) * 1.5 * j + b + Math.Sqrt(Within) * MmrmBadInput.Normal(random);
            }
        }
        var data = new ModelData(n).AddFactor("subject", subject).AddFactor("arm", arm, ["Placebo", "Active"])
            .AddFactor("visit", visit).AddNumeric("y", y);
        return new MmrmSpecification
        {
            Data = data, Response = "y", Subject = "subject", Visit = "visit", Arm = "arm",
            Terms = [new("arm"), new("visit"), new("arm", "visit")],
            Visits = Enumerable.Range(1, Visits).Select(j => new Visit(j, $"V{j}")).ToArray(), Parameter = "Y",
        };
    }

    private static MmrmFit Fit(MmrmSpecification spec, CovarianceStructure structure) =>
        MmrmModel.Fit(spec, MmrmOptions.Default with { Covariance = structure, Fallback = [], AdjustForBaseline = false });

    // With complete balanced data and one mean per arm × visit, the REML estimates of the CS model are the ANOVA
    // (expected mean squares) estimators whenever those are positive: σ̂² = MSW, τ̂² = (MSB − MSW)/T, with residuals from
    // the arm × visit means, MSB = T·Σᵢ r̄ᵢ²/(n − A), MSW = Σᵢⱼ (rᵢⱼ − r̄ᵢ)²/((n − A)(T − 1)) (Searle, Casella &amp;
    // McCulloch 1992, Variance Components, §6.7). A closed form, so the tolerance is that of an iterative fit (1e-8).
    [Fact]
    public void CompoundSymmetry_BalancedData_IsTheAnovaEstimator()
    {
        MmrmSpecification spec = CompoundSymmetric(200, 1203);
        MmrmFit fit = Fit(spec, CovarianceStructure.CompoundSymmetry);
        var (msb, msw) = MeanSquares(spec);
        double[,] sigma = fit.Covariance[0].Matrix;
        AssertClose.Relative(msw, sigma[0, 0] - sigma[0, 1], 1e-8, "sigma^2 = MSW");
        AssertClose.Relative((msb - msw) / Visits, sigma[0, 1], 1e-8, "tau^2 = (MSB - MSW)/T");
    }

    // The CS fit recovers the truth within Monte Carlo error. For balanced data σ̂² = MSW ~ σ²χ²(ν_w)/ν_w and
    // MSB ~ (Tτ² + σ²)χ²(ν_b)/ν_b with ν_b = n − A, ν_w = (n − A)(T − 1), independent, so
    // SE(σ̂²) = σ²√(2/ν_w) and SE(τ̂²) = √(2(Tτ² + σ²)²/ν_b + 2σ⁴/ν_w)/T (0.82 and 0.24 here). The tolerance is 4 SE:
    // a correct estimator fails it for fewer than 1 seed in 10 000, a biased one (e.g. ML's or a wrong divisor) does not
    // hide in it; the seed is fixed, so the test is deterministic.
    [Fact]
    public void CompoundSymmetry_RecoversTheTruth()
    {
        const int subjects = 1000, arms = 2;
        MmrmFit fit = Fit(CompoundSymmetric(subjects, 20261202), CovarianceStructure.CompoundSymmetry);
        double nub = subjects - arms, nuw = (subjects - arms) * (Visits - 1.0);
        double seWithin = Within * Math.Sqrt(2 / nuw);
        double seBetween = Math.Sqrt(2 * Math.Pow(Visits * Between + Within, 2) / nub + 2 * Within * Within / nuw) / Visits;
        double[,] sigma = fit.Covariance[0].Matrix;
        AssertClose.Absolute(Within, sigma[0, 0] - sigma[0, 1], 4 * seWithin, "sigma^2");
        AssertClose.Absolute(Between, sigma[0, 1], 4 * seBetween, "tau^2");
        Assert.Equal([("CS", sigma[0, 1]), ("Residual", sigma[0, 0] - sigma[0, 1])],
            fit.Covariance[0].Parameters.Select(p => (p.Name, p.Estimate)));
    }

    // The unstructured fit of the same data is close to the CS truth: with complete data its REML estimate is the residual
    // cross-product matrix over n − A, each element with normal-theory SE √((σⱼₖ² + σⱼⱼσₖₖ)/(n − A)) (1.12 for a
    // variance, 0.94 for a covariance here); tolerance 4 SE per element, as above.
    [Fact]
    public void Unstructured_CompoundSymmetricTruth_IsCloseToIt()
    {
        const int subjects = 1000, arms = 2;
        MmrmFit fit = Fit(CompoundSymmetric(subjects, 20261202), CovarianceStructure.Unstructured);
        Assert.Equal(CovarianceStructure.Unstructured, fit.StructureUsed);
        double[,] sigma = fit.Covariance[0].Matrix;
        for (int j = 0; j < Visits; j++)
            for (int k = 0; k <= j; k++)
            {
                double truth = j == k ? Between + Within : Between;
                double se = Math.Sqrt((truth * truth + (Between + Within) * (Between + Within)) / (subjects - arms));
                AssertClose.Absolute(truth, sigma[j, k], 4 * se, $"UN({j + 1},{k + 1})");
            }
    }

    // With complete data, an unstructured Σ and every fixed effect specific to the visit (ARM, VISIT, ARM*VISIT, BASE,
    // BASE*VISIT: the design is I_T ⊗ X₀ with X₀ the ANCOVA design), generalised least squares equals ordinary least
    // squares visit by visit whatever Σ is (Zellner 1962, seemingly unrelated regressions with identical regressors;
    // Kruskal's theorem), so the MMRM difference at a visit is the ANCOVA difference there. The SE and df agree too: the
    // REML Σ̂ of this model is the residual cross-product matrix over n − p₀, so Var(β̂) = Σ̂ ⊗ (X₀ᵀX₀)⁻¹ gives the
    // ANCOVA's σ̂ⱼ²(X₀ᵀX₀)⁻¹ at visit j, and the REML likelihood is a Wishart one with n − p₀ df, whose observed
    // information at the optimum is the expected one, so the Satterthwaite df of a one-visit contrast are n − p₀.
    // Covariates entered once (not by visit) break the identity, so none are used. Tolerance 1e-8 relative for the
    // estimate (algebra only) and for SE and df (they depend on Σ̂, converged far beyond that).
    [Fact]
    public void Unstructured_CompleteData_DifferenceAtEachVisitEqualsAncova()
    {
        Cohort cohort = CohortCsvReader.Parse(CompleteTrialCsv(60, 7), "complete.csv");
        MmrmFit mmrm = Mmrm.Fit(cohort, "SCORE", new() { Fallback = [] });
        Assert.Equal(3, mmrm.Differences.Count);
        Assert.Equal(60, mmrm.SubjectsUsed);
        foreach (double week in new double[] { 2, 4, 8 })
        {
            AncovaFit ancova = Ancova.Fit(cohort, "SCORE", week);
            LsMeanEstimate expected = ancova.Differences.Single();
            LsMeanEstimate actual = mmrm.Differences.Single(d => d.Comparison.Visit?.Time == week);
            Assert.Equal(expected.Comparison.Arm, actual.Comparison.Arm);
            Assert.Equal(60 - 3, ancova.ResidualDf);
            AssertClose.Relative(expected.Estimate, actual.Estimate, 1e-8, $"week {week} difference");
            AssertClose.Relative(expected.StandardError, actual.StandardError, 1e-8, $"week {week} SE");
            AssertClose.Relative(expected.DegreesOfFreedom, actual.DegreesOfFreedom, 1e-8, $"week {week} df");
            foreach (LsMeanEstimate lsMean in ancova.LsMeans)
                AssertClose.Relative(lsMean.Estimate,
                    mmrm.LsMeans.Single(m => m.Comparison.Visit?.Time == week && m.Comparison.Arm == lsMean.Comparison.Arm).Estimate,
                    1e-8, $"week {week} LS mean {lsMean.Comparison.Arm}");
        }
    }

    /// <summary>A complete two-arm trial as CSV (parameter SCORE, no instrument range): baseline at week 0, weeks 2, 4
    /// and 8, correlated errors (a subject effect plus a random walk), seeded; full-precision values.</summary>
    private static string CompleteTrialCsv(int subjects, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL\n");
        double[] weeks = [0, 2, 4, 8];
        for (int i = 0; i < subjects; i++)
        {
            string arm = i % 2 == 0 ? "Placebo" : "Active";
            double baseline = 30 + 5 * MmrmBadInput.Normal(random), level = 3 * MmrmBadInput.Normal(random), walk = 0;
            foreach (double week in weeks)
            {
                walk += 1.5 * MmrmBadInput.Normal(random);
                double y = week == 0 ? baseline : 0.6 * baseline + 10 - week * (i % 2 == 0 ? 0.5 : 1.2) + level + walk;
                csv.Append(CultureInfo.InvariantCulture, $"S{i:000},{arm},SCORE,{week},{(week == 0 ? "Y" : "")},{y:R}\n");
            }
        }
        return csv.ToString();
    }

    private static (double Msb, double Msw) MeanSquares(MmrmSpecification spec)
    {
        var arm = (FactorVariable)spec.Data[spec.Arm];
        var visit = (FactorVariable)spec.Data[spec.Visit];
        var subject = (FactorVariable)spec.Data[spec.Subject];
        double[] y = ((NumericVariable)spec.Data[spec.Response]).Values;
        int n = subject.Levels.Length, a = arm.Levels.Length, t = visit.Levels.Length;
        var cellSum = new double[a, t];
        var cellCount = new int[a, t];
        for (int r = 0; r < y.Length; r++) { cellSum[arm.Codes[r], visit.Codes[r]] += y[r]; cellCount[arm.Codes[r], visit.Codes[r]]++; }
        var residual = new double[y.Length];
        var subjectMean = new double[n];
        for (int r = 0; r < y.Length; r++)
        {
            residual[r] = y[r] - cellSum[arm.Codes[r], visit.Codes[r]] / cellCount[arm.Codes[r], visit.Codes[r]];
            subjectMean[subject.Codes[r]] += residual[r] / t;
        }
        double ssb = t * subjectMean.Sum(m => m * m);
        double ssw = residual.Select((e, r) => Math.Pow(e - subjectMean[subject.Codes[r]], 2)).Sum();
        return (ssb / (n - a), ssw / ((n - a) * (t - 1.0)));
    }
}
