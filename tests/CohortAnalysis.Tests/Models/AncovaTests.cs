using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

public class AncovaTests
{
    // K10 (shared REFERENCE.md; PSIAIMS/CAMIS SAS/ancova.qmd and Comp/r-sas_ancova.qmd): SAS PROC GLM "DrugTest",
    // Post = Drug + Pre. Every digit printed there: Type III SS and LS means (SAS), SEs, CIs, differences and F (emmeans 1.8.4-1).
    [Fact]
    public void Fit_DrugTest_MatchesSasGlmToEveryPrintedDigit()
    {
        AncovaFit fit = Ancova.Fit(AncovaCases.DrugTest, "SCORE", 1, new() { Outcome = ChangeVariable.Value, Reference = "A" });
        Assert.Equal("AVAL ~ ARM + BASE", fit.Formula);
        Assert.Equal(30, fit.SubjectsAnalysed);
        var lsMean = fit.LsMeans.ToDictionary(e => e.Comparison.Arm!);
        Assert.Equal(6.714963, Math.Round(lsMean["A"].Estimate, 6));
        Assert.Equal(6.823935, Math.Round(lsMean["D"].Estimate, 6));
        Assert.Equal(10.161102, Math.Round(lsMean["F"].Estimate, 6));
        Assert.Equal(1.2884943, Math.Round(lsMean["A"].StandardError, 7));
        Assert.Equal(1.2724690, Math.Round(lsMean["D"].StandardError, 7));
        Assert.Equal(1.3159234, Math.Round(lsMean["F"].StandardError, 7));
        Assert.All(fit.LsMeans, e => Assert.Equal(26, e.DegreesOfFreedom));
        Assert.Equal(4.005778, Math.Round(fit.ResidualSd, 6));
        Assert.Equal((4.066426, 9.363501), (Math.Round(lsMean["A"].Ci.Lower, 6), Math.Round(lsMean["A"].Ci.Upper, 6)));
        Assert.Equal((4.208337, 9.439532), (Math.Round(lsMean["D"].Ci.Lower, 6), Math.Round(lsMean["D"].Ci.Upper, 6)));
        Assert.Equal((7.456182, 12.866021), (Math.Round(lsMean["F"].Ci.Lower, 6), Math.Round(lsMean["F"].Ci.Upper, 6)));

        LsMeanEstimate ad = fit.Difference("A", "D"), af = fit.Difference("A", "F"), df = fit.Difference("D", "F");
        Assert.Equal(-0.108971, Math.Round(ad.Estimate, 6));
        Assert.Equal(1.7951351, Math.Round(ad.StandardError, 7));
        Assert.Equal(0.9521, Math.Round(ad.PValue, 4));
        Assert.Equal(-3.446138, Math.Round(af.Estimate, 6));
        Assert.Equal(1.8867806, Math.Round(af.StandardError, 7));
        Assert.Equal((-7.324471, 0.432195), (Math.Round(af.Ci.Lower, 6), Math.Round(af.Ci.Upper, 6)));
        Assert.Equal(0.0793, Math.Round(af.PValue, 4));
        Assert.Equal(-3.337167, Math.Round(df.Estimate, 6));
        Assert.Equal(1.8538664, Math.Round(df.StandardError, 7));
        Assert.Equal(0.0835, Math.Round(df.PValue, 4));

        var tests = fit.TypeIIITests.ToDictionary(t => t.Term);
        Assert.Equal(68.55371, Math.Round(tests["ARM"].SumOfSquares, 5));
        Assert.Equal(577.89740, Math.Round(tests["BASE"].SumOfSquares, 5));
        Assert.Equal(2.1361, Math.Round(tests["ARM"].F, 4));
        Assert.Equal(0.1384, Math.Round(tests["ARM"].PValue, 4));
        Assert.Equal(36.0145, Math.Round(tests["BASE"].F, 4));
        Assert.Equal((2, 26.0), (tests["ARM"].NumeratorDf, tests["ARM"].DenominatorDf));
    }

    // Source: known-results/ancova/ancova.R (R 4.2.2; emmeans 1.8.4-1, car 3.1-1, sandwich 3.0-2, HSAUR3 1.0-13): lm + emmeans
    // (equal and proportional weights; vcov. = vcovHC HC0–HC3), on K10, Beat the Blues and a simulated three-arm trial.
    // Tolerance: 1e-9 relative for estimates, SEs and CI bounds (the issue asks 1e-6); 1e-8 for p-values; df exact.
    [Fact]
    public void LsMeansAndDifferences_MatchEmmeans()
    {
        var lsRows = KnownResults.Rows("ancova/lsmeans.csv");
        var diffRows = KnownResults.Rows("ancova/differences.csv");
        Assert.Equal(47, lsRows.Count);
        Assert.Equal(28, diffRows.Count);
        int checkedLs = 0, checkedDiff = 0;
        foreach (var group in lsRows.Select(r => r.Id.Split('|')[0]).Distinct())
        {
            var (lsMeans, differences, _, _, _) = AncovaCases.Run(group);
            foreach (var row in lsRows.Where(r => r.Id.Split('|')[0] == group))
            {
                LsMeanEstimate e = lsMeans[row.Id];
                AssertClose.Relative(row["estimate"], e.Estimate, 1e-9, row.Id);
                AssertClose.Relative(row["se"], e.StandardError, 1e-9, row.Id + " se");
                Assert.Equal(row["df"], e.DegreesOfFreedom);
                AssertClose.Relative(row["lower"], e.Ci.Lower, 1e-9, row.Id + " lower");
                AssertClose.Relative(row["upper"], e.Ci.Upper, 1e-9, row.Id + " upper");
                checkedLs++;
            }
            Assert.Equal(lsRows.Count(r => r.Id.Split('|')[0] == group), lsMeans.Count);
            foreach (var row in diffRows.Where(r => r.Id.Split('|')[0] == group))
            {
                LsMeanEstimate e = differences[row.Id];
                AssertClose.Relative(row["estimate"], e.Estimate, 1e-9, row.Id);
                AssertClose.Relative(row["se"], e.StandardError, 1e-9, row.Id + " se");
                Assert.Equal(row["df"], e.DegreesOfFreedom);
                AssertClose.Relative(row["t"], e.Statistic, 1e-9, row.Id + " t");
                AssertClose.Relative(row["p"], e.PValue, 1e-8, row.Id + " p");
                AssertClose.Relative(row["lower"], e.Ci.Lower, 1e-9, row.Id + " lower");
                AssertClose.Relative(row["upper"], e.Ci.Upper, 1e-9, row.Id + " upper");
                checkedDiff++;
            }
        }
        Assert.Equal((47, 28), (checkedLs, checkedDiff));
    }

    // Source: known-results/ancova/ancova.R, car::Anova(type = 3) with contr.sum (SS, F, p), and with vcov. = vcovHC(HC3)
    // (Wald F, no SS). Tolerance 1e-9 relative (SS, F), 1e-8 (p).
    [Fact]
    public void TypeIIITests_MatchCarAnova()
    {
        var rows = KnownResults.Rows("ancova/type3.csv");
        Assert.Equal(33, rows.Count);
        foreach (var group in rows.Select(r => r.Id.Split('|')[0]).Distinct())
        {
            var (_, _, tests, _, _) = AncovaCases.Run(group);
            var byTerm = tests.ToDictionary(t => t.Term);
            var expected = rows.Where(r => r.Id.Split('|')[0] == group).ToArray();
            Assert.Equal(expected.Length, tests.Count);
            foreach (var row in expected)
            {
                TermTest t = byTerm[row.Id.Split('|')[1].Replace(':', '*')];
                Assert.Equal(row["df1"], t.NumeratorDf);
                Assert.Equal(row["df2"], t.DenominatorDf);
                AssertClose.Relative(row["ss"], t.SumOfSquares, 1e-9, row.Id + " SS");
                AssertClose.Relative(row["F"], t.F, 1e-9, row.Id + " F");
                AssertClose.Relative(row["p"], t.PValue, 1e-8, row.Id + " p");
            }
        }
    }

    // Source: known-results/ancova/ancova.R, nobs and sigma of each lm. Tolerance 1e-10.
    [Fact]
    public void SubjectsAndResidualSd_MatchLm()
    {
        var rows = KnownResults.Rows("ancova/fits.csv");
        Assert.Equal(7, rows.Count);
        foreach (var row in rows)
        {
            var (_, _, _, n, sigma) = AncovaCases.Run(row.Id);
            Assert.Equal((int)row["n"], n);
            if (!double.IsNaN(sigma)) AssertClose.Relative(row["sigma"], sigma, 1e-10, row.Id);
        }
    }
}
