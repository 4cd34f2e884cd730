using System.Globalization;
using System.Text;
using CohortAnalysis.Data;
using CohortAnalysis.Missing;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Missing;

/// <summary><see cref="ImputedDataAnalysis.Mmrm"/>: each completed dataset analysed by the MMRM is what
/// <see cref="Mmrm.Fit"/> gives on that dataset, pooled by Rubin's rules; with nothing to impute it is the plain MMRM.</summary>
public class MmrmAnalysisTests
{
    private static readonly Lazy<Cohort> Demo = new(() => DemoTrial.Load());
    private static readonly string[] Sex = ["SEX"];

    // A second route to the same numbers: each completed dataset written out as a cohort (CSV, AVAL = BASE + CHG at full
    // precision), fitted by the public Mmrm.Fit with the same covariate, and pooled by the library's Rubin's rules as a
    // user analysis. With SEX in the model the MMRM is not the per-visit ANCOVA, so this checks the MMRM path itself.
    // Tolerances (relative): estimates 1e-8; SE and df 1e-6 (seen: 1.3e-7). The built-in analysis starts REML from the
    // imputation fit, Mmrm.Fit from the OLS residuals; both stop at the maximiser's relative criterion, so Σ̂, on which
    // the SE and df depend directly, agrees to about 1e-7.
    [Fact]
    public void BayesianMi_MmrmAnalysis_EqualsMmrmFitOnEachImputedDataset_PooledByRubinsRules()
    {
        var options = new ImputationOptions { Imputations = 4, BurnIn = 20, Thin = 2, Covariates = Sex, Strategy = ImputationStrategy.JumpToReference };
        ImputationResult builtIn = MultipleImputation.Analyze(Demo.Value, "MADRS", options with { Analysis = ImputedDataAnalysis.Mmrm });
        ImputationResult byHand = MultipleImputation.Analyze(Demo.Value, "MADRS", MmrmFitOf, options);
        Assert.Equal(12, builtIn.Estimates.Count);   // 4 visits × (2 LS means + 1 difference)
        Assert.Equal(builtIn.Estimates.Count, byHand.Estimates.Count);
        foreach (PooledEstimate expected in byHand.Estimates)
        {
            PooledEstimate actual = builtIn.Estimates.Single(e => e.Name == expected.Name && e.Comparison.Visit == expected.Comparison.Visit
                && e.Comparison.Arm == expected.Comparison.Arm && e.Comparison.ReferenceArm == expected.Comparison.ReferenceArm);
            string what = $"{expected.Name} {expected.Comparison.Describe()}";
            AssertClose.Relative(expected.Estimate, actual.Estimate, 1e-8, what);
            AssertClose.Relative(expected.StandardError, actual.StandardError, 1e-6, what + " SE");
            AssertClose.Relative(expected.DegreesOfFreedom, actual.DegreesOfFreedom, 1e-6, what + " df");
            AssertClose.Relative(expected.CompleteDataDegreesOfFreedom, actual.CompleteDataDegreesOfFreedom, 1e-6, what + " complete-data df");
            Assert.True(actual.BetweenVariance > 0, what);
        }
        Assert.Contains("MMRM on each completed dataset", builtIn.Differences[0].Method);
    }

    // Nothing missing: every completed dataset is the observed data, so the M analyses agree (b = 0) and the pooled
    // estimate and SE are the MMRM's; the complete-data df are its Satterthwaite df. Tolerance 1e-8 relative (both fits
    // start at or near the same optimum here).
    [Fact]
    public void NothingMissing_MmrmAnalysis_EqualsThePlainMmrm()
    {
        Cohort complete = CohortCsvReader.Parse(CompleteTrialCsv(80, 5), "complete.csv");
        MmrmFit mmrm = Mmrm.Fit(complete, "SCORE", new MmrmOptions { Covariates = Sex });
        ImputationResult mi = MultipleImputation.Analyze(complete, "SCORE", new ImputationOptions
        {
            Imputations = 3, BurnIn = 10, Thin = 1, Covariates = Sex, Analysis = ImputedDataAnalysis.Mmrm,
        });
        Assert.Equal(0, mi.ValuesImputed);
        Assert.Equal(mmrm.LsMeans.Count + mmrm.Differences.Count, mi.Estimates.Count);
        foreach (LsMeanEstimate expected in mmrm.LsMeans.Concat(mmrm.Differences))
        {
            PooledEstimate actual = mi.Estimates.Single(e => e.Name == expected.Name && e.Comparison.Visit == expected.Comparison.Visit
                && e.Comparison.Arm == expected.Comparison.Arm);
            string what = $"{expected.Name} {expected.Comparison.Describe()}";
            AssertClose.Relative(expected.Estimate, actual.Estimate, 1e-8, what);
            AssertClose.Relative(expected.StandardError, actual.StandardError, 1e-8, what + " SE");
            AssertClose.Relative(expected.DegreesOfFreedom, actual.CompleteDataDegreesOfFreedom, 1e-8, what + " df");
            Assert.True(actual.BetweenVariance <= 1e-20 * actual.WithinVariance, what + $" b = {actual.BetweenVariance}");
        }
    }

    // Without covariates the MMRM on complete data has the same regressors at every visit, so its LS means and SEs are the
    // per-visit ANCOVA's (GLS = OLS; the REML Σ̂ has the ANCOVA residual variances on its diagonal).
    [Fact]
    public void ConditionalMean_WithoutCovariates_MmrmAnalysisEqualsAncovaAnalysis()
    {
        var options = new ImputationOptions { Method = ImputationMethod.ConditionalMean, Strategy = ImputationStrategy.CopyReference };
        ImputationResult ancova = MultipleImputation.Analyze(Demo.Value, "MADRS", options);
        ImputationResult mmrm = MultipleImputation.Analyze(Demo.Value, "MADRS", options with { Analysis = ImputedDataAnalysis.Mmrm });
        Assert.Equal(ancova.Estimates.Count, mmrm.Estimates.Count);
        for (int k = 0; k < ancova.Estimates.Count; k++)
        {
            Assert.Equal(ancova.Estimates[k].Comparison, mmrm.Estimates[k].Comparison);
            AssertClose.Relative(ancova.Estimates[k].Estimate, mmrm.Estimates[k].Estimate, 1e-8, ancova.Estimates[k].Comparison.Describe());
            AssertClose.Relative(ancova.Estimates[k].StandardError, mmrm.Estimates[k].StandardError, 1e-6, ancova.Estimates[k].Comparison.Describe() + " SE");
        }
    }

    [Fact]
    public void MmrmAnalysis_WithAUserAnalysis_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => MultipleImputation.Analyze(Demo.Value, "MADRS", MmrmFitOf,
            new ImputationOptions { Analysis = ImputedDataAnalysis.Mmrm }));
        Assert.StartsWith("Analysis = Mmrm does not apply when a user analysis is given", e.Message);
    }

    /// <summary>Mmrm.Fit on the completed dataset (as a cohort), its LS means and differences as complete-data estimates.</summary>
    private static IReadOnlyList<CompleteDataEstimate> MmrmFitOf(CompletedDataset data)
    {
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL,SEX\n");
        for (int row = 0; row < data.Count; row++)
        {
            string id = row.ToString("D4", CultureInfo.InvariantCulture), arm = data.Arms[data.ArmIndex(row)], sex = data.Covariate(row, "SEX");
            double baseline = data.Baseline(row);
            csv.Append(CultureInfo.InvariantCulture, $"{id},{arm},MADRS,0,Y,{baseline:R},{sex}\n");
            for (int j = 0; j < data.Visits.Count; j++)
                csv.Append(CultureInfo.InvariantCulture, $"{id},{arm},MADRS,{data.Visits[j].Time:R},,{baseline + data.Value(row, j):R},{sex}\n");
        }
        MmrmFit fit = Mmrm.Fit(CohortCsvReader.Parse(csv.ToString(), "completed.csv"), "MADRS",
            new MmrmOptions { Covariates = Sex, ReferenceArm = data.ReferenceArm, Fallback = [] });
        Visit VisitAt(Visit? v) => data.Visits.Single(x => x.Time == v!.Value.Time);
        return fit.LsMeans.Concat(fit.Differences).Select(e => new CompleteDataEstimate(
            new Comparison { Visit = VisitAt(e.Comparison.Visit), Arm = e.Comparison.Arm, ReferenceArm = e.Comparison.ReferenceArm },
            e.Name, e.Estimate, e.StandardError * e.StandardError, e.DegreesOfFreedom)).ToList();
    }

    /// <summary>A complete two-arm trial (parameter SCORE, weeks 0, 2, 4, 8, SEX), seeded, full precision.</summary>
    private static string CompleteTrialCsv(int subjects, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL,SEX\n");
        for (int i = 0; i < subjects; i++)
        {
            string arm = i % 2 == 0 ? "Placebo" : "Active", sex = i % 3 == 0 ? "F" : "M";
            double baseline = 30 + 5 * Models.MmrmBadInput.Normal(random), level = 3 * Models.MmrmBadInput.Normal(random), walk = 0;
            foreach (double week in new double[] { 0, 2, 4, 8 })
            {
                walk += 1.5 * Models.MmrmBadInput.Normal(random);
                double y = week == 0 ? baseline : 0.6 * baseline + 10 - week * (i % 2 == 0 ? 0.5 : 1.2) + (sex == "F" ? 1.5 : 0) + level + walk;
                csv.Append(CultureInfo.InvariantCulture, $"S{i:000},{arm},SCORE,{week},{(week == 0 ? "Y" : "")},{y:R},{sex}\n");
            }
        }
        return csv.ToString();
    }
}
