using System.Globalization;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

/// <summary>MMRM estimates against SAS PROC MIXED listings on mmrm's fev_data (tests/known-results/mmrm-sas; listings
/// from R package mmrm 0.3.18, design/SAS, produced by its authors with SAS 9.4).</summary>
/// <remarks>
/// Our −2ℓ is never above SAS's (its iteration history, 8 decimals) and at most 2e-5 below: SAS stops slightly short of
/// the optimum. Fit statistics (AIC, AICC, BIC, −2ℓ): every printed digit. Covariance parameters and the intercept's
/// estimate, SE and df: every printed digit, i.e. within ½ unit of the last printed digit plus the allowance for SAS's
/// early stop, √δ·SE_θ(q) (<see cref="SasShortfall"/>).
/// </remarks>
public sealed class MmrmSasTests
{
    public static TheoryData<string, CovarianceStructure, bool, bool> InterceptOnlyListings()
    {
        var data = new TheoryData<string, CovarianceStructure, bool, bool>();
        (string Name, CovarianceStructure S)[] structures =
        [
            ("cs", CovarianceStructure.CompoundSymmetry), ("csh", CovarianceStructure.HeterogeneousCompoundSymmetry),
            ("ar1", CovarianceStructure.Autoregressive), ("ar1h", CovarianceStructure.HeterogeneousAutoregressive),
            ("adh", CovarianceStructure.AnteDependence), ("toeph", CovarianceStructure.HeterogeneousToeplitz),
        ];
        foreach (var (name, s) in structures)
            foreach (bool reml in new[] { true, false })
            {
                data.Add($"sas_{name}_{(reml ? "reml" : "ml")}.txt", s, reml, false);
                data.Add($"sas_group_{name}_{(reml ? "reml" : "ml")}.txt", s, reml, true);
            }
        data.Add("sas_log_simple_reml.txt", CovarianceStructure.Unstructured, true, false);
        data.Add("sas_log_simple.txt", CovarianceStructure.Unstructured, false, false);
        return data;
    }

    [Fact]
    public void Listings_AllCovered() => Assert.Equal(26, InterceptOnlyListings().Count);

    [Theory]
    [MemberData(nameof(InterceptOnlyListings))]
    public void InterceptOnly_MatchesSasListing(string file, CovarianceStructure structure, bool reml, bool group)
    {
        var sas = new SasListing(file);
        string[] visits = sas.ClassLevels("AVISIT");
        ModelData data = MmrmKnownData.Fev(visits);
        double[] times = visits.Select(v => double.Parse(v[3..], CultureInfo.InvariantCulture)).ToArray();
        MmrmDesign design = MmrmDesign.Build(data, "FEV1", "USUBJID", "AVISIT", [], group ? "ARMCD" : null, times);
        MmrmEstimation fit = MmrmEstimation.Fit(design, structure, reml);
        Assert.True(fit.Outcome.Converged, fit.Outcome.Note);

        var shortfall = new SasShortfall(fit.Likelihood, fit.Outcome.Theta, fit.Outcome.Hessian,
            double.Parse(sas.FinalIteration().Minus2LogLikelihood, CultureInfo.InvariantCulture), fit.Minus2LogLikelihood);
        Assert.True(shortfall.Delta < 2e-5, $"{file}: SAS's -2LL is {shortfall.Delta:E2} above ours");
        const double units = 0.5;

        var printed = sas.CovarianceParameters();
        Assert.Equal(fit.ParameterCount, printed.Count);
        CovarianceParameterization cov = fit.Likelihood.Covariance;
        foreach (var (name, groupLabel, estimate, _) in printed)
        {
            int g = group ? Array.IndexOf(design.GroupLabels, groupLabel) : 0;
            string ours = group && name == "Variance" ? "Residual" : name;
            double Natural() => cov.Natural(fit.Likelihood.CurrentTheta.AsSpan(g * cov.Count, cov.Count)).Single(n => n.Name == ours).Value;
            SasShortfall.AssertPrinted(estimate, fit.Natural[g].Single(n => n.Name == ours).Value, shortfall.Allowance(Natural), $"{file} {name} {groupLabel}");
        }

        int d = fit.ParameterCount + (reml ? 0 : 1);
        double nStar = reml ? design.Y.Length - 1 : design.Y.Length;
        string likelihoodLabel = reml ? "-2 Res Log Likelihood" : "-2 Log Likelihood";
        SasListing.AssertPrinted(sas.FitStatistic(likelihoodLabel), fit.Minus2LogLikelihood, $"{file} -2LL", units);
        SasListing.AssertPrinted(sas.FitStatistic("AIC (Smaller is Better)"), fit.Minus2LogLikelihood + 2 * d, $"{file} AIC", units);
        SasListing.AssertPrinted(sas.FitStatistic("AICC (Smaller is Better)"), fit.Minus2LogLikelihood + 2 * d * nStar / (nStar - d - 1), $"{file} AICC", units);
        SasListing.AssertPrinted(sas.FitStatistic("BIC (Smaller is Better)"), fit.Minus2LogLikelihood + d * Math.Log(200), $"{file} BIC", units);

        var (est, se, df) = sas.Intercept();
        LinearEstimate intercept = LinearEstimate.Of([1.0], fit.Beta, fit.Covariance, fit.Satterthwaite, 0.95);
        double[] l = [1.0];
        SasShortfall.AssertPrinted(est, intercept.Estimate, shortfall.Allowance(() => shortfall.Linear(l).Estimate), $"{file} intercept");
        SasShortfall.AssertPrinted(se, intercept.StandardError, shortfall.Allowance(() => shortfall.Linear(l).Se), $"{file} intercept SE");
        SasShortfall.AssertPrinted(df, intercept.DegreesOfFreedom, shortfall.Allowance(() => shortfall.Linear(l).Df), $"{file} intercept DF");
    }
}
