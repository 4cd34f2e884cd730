using System.Globalization;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

/// <summary>The full MMRM against SAS PROC MIXED on mmrm's fev_data (tests/known-results/mmrm-sas, listings from R
/// package mmrm 0.3.18, design/SAS, SAS 9.4): <c>FEV1 = ARMCD AVISIT ARMCD*AVISIT RACE SEX / DDFM=SATTERTHWAITE;
/// REPEATED AVISIT / SUBJECT=USUBJID TYPE=UN; LSMEANS AVISIT*ARMCD / PDIFF CL</c> (REML: sas_log_reml.txt; ML:
/// sas_log.txt), and the spatial exponential structure on VISITN (sas_sp_exp_*.txt).</summary>
/// <remarks>Every printed digit: |printed − ours| ≤ ½ unit of the last printed digit + the allowance for SAS's early stop
/// (<see cref="SasShortfall"/>: √δ·SE_θ(q), δ = SAS's −2ℓ − ours from its iteration history).</remarks>
public sealed class MmrmSasLsMeanTests
{
    private static readonly ModelTerm[] FullModel = [new("ARMCD"), new("AVISIT"), new("ARMCD", "AVISIT"), new("RACE"), new("SEX")];

    [Theory]
    [InlineData("sas_log_reml.txt", true)]
    [InlineData("sas_log.txt", false)]
    public void Unstructured_CovarianceAndFit_MatchSas(string file, bool reml)
    {
        var sas = new SasListing(file);
        string[] visits = sas.ClassLevels("AVISIT");
        MmrmDesign design = MmrmDesign.Build(MmrmKnownData.Fev(visits), "FEV1", "USUBJID", "AVISIT", FullModel);
        MmrmEstimation fit = MmrmEstimation.Fit(design, CovarianceStructure.Unstructured, reml);
        Assert.True(fit.Outcome.Converged, fit.Outcome.Note);
        Assert.Equal(11, design.Frame.ColumnCount); // rank of SAS's 20 columns in X
        var shortfall = new SasShortfall(fit.Likelihood, fit.Outcome.Theta, fit.Outcome.Hessian,
            double.Parse(sas.FinalIteration().Minus2LogLikelihood, CultureInfo.InvariantCulture), fit.Minus2LogLikelihood);
        AssertCovariance(sas, fit, shortfall, 10);
        AssertFitStatistics(sas, fit, reml, design.Y.Length, p: 11);
    }

    [Fact]
    public void Unstructured_LsMeansAndAllDifferences_MatchSas()
    {
        var sas = new SasListing("sas_log_reml.txt");
        string[] visits = sas.ClassLevels("AVISIT");
        MmrmDesign design = MmrmDesign.Build(MmrmKnownData.Fev(visits), "FEV1", "USUBJID", "AVISIT", FullModel);
        MmrmEstimation fit = MmrmEstimation.Fit(design, CovarianceStructure.Unstructured, reml: true);
        var shortfall = new SasShortfall(fit.Likelihood, fit.Outcome.Theta, fit.Outcome.Hessian,
            double.Parse(sas.FinalIteration().Minus2LogLikelihood, CultureInfo.InvariantCulture), fit.Minus2LogLikelihood);
        ReferenceGrid grid = ReferenceGrid.Build(design.Frame, ["ARMCD", "AVISIT"]);

        var lsMeans = sas.LsMeans("AVISIT*ARMCD", 2);
        Assert.Equal(8, lsMeans.Count);
        foreach (string[] row in lsMeans)
            AssertRow(row[2..], grid.Cell(row[1], row[0]).L, fit, shortfall, $"LS mean {row[0]} {row[1]}");

        var differences = sas.Differences("AVISIT*ARMCD", 4);
        Assert.Equal(28, differences.Count);
        foreach (string[] row in differences)
            AssertRow(row[4..], ReferenceGrid.Difference(grid.Cell(row[1], row[0]), grid.Cell(row[3], row[2])), fit, shortfall,
                $"difference {row[0]} {row[1]} - {row[2]} {row[3]}");
    }

    [Theory]
    [InlineData("sas_sp_exp_reml.txt", true)]
    [InlineData("sas_sp_exp_ml.txt", false)]
    public void SpatialExponential_MatchesSas(string file, bool reml)
    {
        // REPEATED / SUBJECT=USUBJID TYPE=SP(EXP)(VISITN): Σᵢⱼ = σ²·exp(−|VISITNᵢ − VISITNⱼ|/θ), SAS's SP(EXP) = θ.
        var sas = new SasListing(file);
        string[] visits = ["VIS1", "VIS2", "VIS3", "VIS4"];
        MmrmDesign design = MmrmDesign.Build(MmrmKnownData.Fev(visits), "FEV1", "USUBJID", "AVISIT", [], null, [1, 2, 3, 4]);
        MmrmEstimation fit = MmrmEstimation.Fit(design, CovarianceStructure.SpatialExponential, reml);
        Assert.True(fit.Outcome.Converged, fit.Outcome.Note);
        var shortfall = new SasShortfall(fit.Likelihood, fit.Outcome.Theta, fit.Outcome.Hessian,
            double.Parse(sas.FinalIteration().Minus2LogLikelihood, CultureInfo.InvariantCulture), fit.Minus2LogLikelihood);
        AssertCovariance(sas, fit, shortfall, 2);
        AssertFitStatistics(sas, fit, reml, design.Y.Length, p: 1);
        var (est, se, df) = sas.Intercept();
        AssertRow([est, se, df], [1.0], fit, shortfall, $"{file} intercept", columns: 3);
    }

    private static void AssertCovariance(SasListing sas, MmrmEstimation fit, SasShortfall shortfall, int count)
    {
        var printed = sas.CovarianceParameters();
        Assert.Equal(count, printed.Count);
        CovarianceParameterization cov = fit.Likelihood.Covariance;
        foreach (var (name, _, estimate, _) in printed)
        {
            double Natural() => cov.Natural(fit.Likelihood.CurrentTheta).Single(n => n.Name == name).Value;
            double allowance = shortfall.Allowance(Natural);
            SasShortfall.AssertPrinted(estimate, fit.Natural[0].Single(n => n.Name == name).Value, allowance, $"{sas.File} {name}");
        }
    }

    private static void AssertFitStatistics(SasListing sas, MmrmEstimation fit, bool reml, int n, int p)
    {
        int d = fit.ParameterCount + (reml ? 0 : p);
        double nStar = reml ? n - p : n;
        double m2ll = fit.Minus2LogLikelihood;
        SasListing.AssertPrinted(sas.FitStatistic(reml ? "-2 Res Log Likelihood" : "-2 Log Likelihood"), m2ll, $"{sas.File} -2LL");
        SasListing.AssertPrinted(sas.FitStatistic("AIC (Smaller is Better)"), m2ll + 2 * d, $"{sas.File} AIC");
        SasListing.AssertPrinted(sas.FitStatistic("AICC (Smaller is Better)"), m2ll + 2 * d * nStar / (nStar - d - 1), $"{sas.File} AICC");
        SasListing.AssertPrinted(sas.FitStatistic("BIC (Smaller is Better)"), m2ll + d * Math.Log(200), $"{sas.File} BIC");
    }

    /// <summary>Printed columns estimate, SE, DF[, t, p, alpha, lower, upper] against L at θ̂, each within ½ printed unit
    /// plus SAS's early-stop allowance.</summary>
    private static void AssertRow(string[] printed, double[] l, MmrmEstimation fit, SasShortfall shortfall, string what, int columns = 8)
    {
        LinearEstimate ours = LinearEstimate.Of(l, fit.Beta, fit.Covariance, fit.Satterthwaite, 0.95);
        double Quantile(double df) => CohortAnalysis.Numerics.Distributions.StudentTQuantile(0.975, df);
        double aEst = shortfall.Allowance(() => shortfall.Linear(l).Estimate);
        double aSe = shortfall.Allowance(() => shortfall.Linear(l).Se);
        double aDf = shortfall.Allowance(() => shortfall.Linear(l).Df);
        SasShortfall.AssertPrinted(printed[0], ours.Estimate, aEst, $"{what} estimate");
        SasShortfall.AssertPrinted(printed[1], ours.StandardError, aSe, $"{what} SE");
        SasShortfall.AssertPrinted(printed[2], ours.DegreesOfFreedom, aDf, $"{what} DF");
        if (columns < 8) return;
        SasShortfall.AssertPrinted(printed[3], ours.Statistic, Math.Abs(ours.Statistic) * (aEst / Math.Abs(ours.Estimate) + aSe / ours.StandardError), $"{what} t");
        double aLower = shortfall.Allowance(() => { var q = shortfall.Linear(l); return q.Estimate - Quantile(q.Df) * q.Se; });
        double aUpper = shortfall.Allowance(() => { var q = shortfall.Linear(l); return q.Estimate + Quantile(q.Df) * q.Se; });
        SasShortfall.AssertPrinted(printed[6], ours.Ci.Lower, aLower, $"{what} lower");
        SasShortfall.AssertPrinted(printed[7], ours.Ci.Upper, aUpper, $"{what} upper");
    }
}
