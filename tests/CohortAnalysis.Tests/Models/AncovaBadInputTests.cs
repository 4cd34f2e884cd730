using System.Globalization;
using System.Text;
using CohortAnalysis.Data;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

public class AncovaBadInputTests
{
    /// <summary>A small two-arm cohort: 12 subjects, baseline and week 6, with SITEID, STRATA (= SITEID recoded) and AGE.</summary>
    private static Cohort Small(Func<int, string>? site = null, Func<int, string>? age = null)
    {
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL,SITEID,STRATA,AGE\n");
        for (int i = 0; i < 12; i++)
        {
            string arm = i % 2 == 0 ? "Placebo" : "Active";
            string s = site?.Invoke(i) ?? (i < 6 ? "S1" : "S2");
            string strata = s == "S1" ? "LOW" : "HIGH";
            string a = age?.Invoke(i) ?? (30 + 3 * i).ToString(CultureInfo.InvariantCulture);
            int baseline = 28 + i % 5, week6 = baseline - 4 - (i % 2) * 5 - i % 3;
            csv.Append(CultureInfo.InvariantCulture, $"P{i:00},{arm},MADRS,0,Y,{baseline},{s},{strata},{a}\n");
            csv.Append(CultureInfo.InvariantCulture, $"P{i:00},{arm},MADRS,6,,{week6},{s},{strata},{a}\n");
        }
        return CohortCsvReader.Parse(csv.ToString(), "small.csv",
            new CohortReadOptions { Mapping = ColumnMapping.AdamBds with { Covariates = ["SITEID", "STRATA", "AGE"] } });
    }

    [Fact]
    public void Fit_SmallCohort_Works()
    {
        AncovaFit fit = Ancova.Fit(Small(), "MADRS", 6, new() { Covariates = ["SITEID"], ContinuousCovariates = ["AGE"] });
        Assert.Equal("CHG ~ ARM + BASE + SITEID + AGE", fit.Formula);
        Assert.Equal("Placebo", fit.ReferenceArm);
        Assert.Equal(ReferenceArmSource.GuessedPlacebo, fit.Differences[0].Comparison.ReferenceSource);
        Assert.Contains("because its name contains \"placebo\"", fit.Differences[0].Note);
        Assert.Equal(12, fit.Residuals.Count);
        Assert.All(fit.Residuals, r => Assert.Equal(r.Observed, r.Fitted + r.Residual, 10));
    }

    [Fact]
    public void Fit_OneArmOnly_Throws()
    {
        Cohort cohort = Small();
        Cohort placebo = cohort.Subset(s => cohort.Arms[cohort.ArmIndexOfSubject(s)] == "Placebo");
        var ex = Assert.Throws<ModelSpecificationException>(() => Ancova.Fit(placebo, "MADRS", 6));
        Assert.Equal("ANCOVA needs at least two arms with CHG at Week 6; only 'Placebo' has any (6 subjects).", ex.Message);
    }

    [Fact]
    public void Fit_NoDataAtTheVisit_Throws()
    {
        var ex = Assert.Throws<ModelSpecificationException>(() => Ancova.Fit(Small(), "MADRS", 0));
        Assert.Equal("No subject has CHG of MADRS at Week 0; visits with data: 6.", ex.Message);
        ex = Assert.Throws<ModelSpecificationException>(() => Ancova.Fit(Small(), "MADRS", 12));
        Assert.Equal("MADRS has no visit 12; its visits are 0, 6.", ex.Message);
    }

    [Fact]
    public void Fit_ConstantCovariate_Throws()
    {
        var ex = Assert.Throws<ModelSpecificationException>(() =>
            Ancova.Fit(Small(age: _ => "40"), "MADRS", 6, new() { ContinuousCovariates = ["AGE"] }));
        Assert.Equal("Covariate AGE is constant (= 40) over the 12 records analysed; it cannot be estimated. Remove it from the model.", ex.Message);
        ex = Assert.Throws<ModelSpecificationException>(() =>
            Ancova.Fit(Small(site: _ => "S1"), "MADRS", 6, new() { Covariates = ["SITEID"] }));
        Assert.Equal("SITEID has a single level ('S1') in the 12 records analysed; it cannot be a model term.", ex.Message);
    }

    [Fact]
    public void Fit_CollinearCovariates_Throws()
    {
        var ex = Assert.Throws<ModelSpecificationException>(() =>
            Ancova.Fit(Small(), "MADRS", 6, new() { Covariates = ["SITEID", "STRATA"] }));
        Assert.Equal("Column STRATA[LOW] of term STRATA is a linear combination of earlier columns (collinear covariates); remove one of the collinear terms.", ex.Message);
    }

    [Fact]
    public void Fit_NonNumericContinuousCovariate_ThrowsNamingSubject()
    {
        var ex = Assert.Throws<ModelSpecificationException>(() =>
            Ancova.Fit(Small(age: i => i == 3 ? "forty" : "40"), "MADRS", 6, new() { ContinuousCovariates = ["AGE"] }));
        Assert.Equal("small.csv, subject P03, column AGE: 'forty' is not a number; a continuous covariate needs numbers (or declare AGE categorical).", ex.Message);
    }

    [Fact]
    public void Subgroups_EmptyArmBySubgroupCell_Throws()
    {
        var ex = Assert.Throws<ModelSpecificationException>(() =>
            Ancova.Subgroups(Small(site: i => i % 2 == 0 ? "S1" : (i < 6 ? "S1" : "S2")), "MADRS", 6, "SITEID"));
        Assert.Equal("Arm 'Placebo' has no subject with SITEID = 'S2'; the treatment effect in that subgroup cannot be estimated.", ex.Message);
    }

    [Fact]
    public void Options_Defaults_MatchSasAndEmmeans()
    {
        AncovaOptions o = AncovaOptions.Default;
        Assert.Equal(ChangeVariable.Change, o.Outcome);
        Assert.True(o.AdjustForBaseline);
        Assert.Empty(o.Covariates);
        Assert.Empty(o.ContinuousCovariates);
        Assert.Equal(LsMeanWeights.Equal, o.Weights);
        Assert.Equal(RobustCovariance.ModelBased, o.Covariance);
        Assert.Null(o.Reference);
        Assert.Equal(MissingDataMethod.ObservedCases, o.MissingData);
        Assert.Equal(0.95, o.CiLevel);
    }

    // Without baseline or covariates the ANCOVA is the pooled two-sample t test: LS means are the arm means.
    [Fact]
    public void Fit_NoCovariates_EqualsStudentT()
    {
        AncovaFit fit = Ancova.Fit(AncovaCases.BtheB, "BDI", 2, new() { AdjustForBaseline = false, Reference = "TAU" });
        double[] x = fit.Residuals.Where(r => r.Arm == "BtheB").Select(r => r.Observed).ToArray();
        double[] y = fit.Residuals.Where(r => r.Arm == "TAU").Select(r => r.Observed).ToArray();
        double mx = x.Average(), my = y.Average();
        double sp2 = (x.Sum(v => (v - mx) * (v - mx)) + y.Sum(v => (v - my) * (v - my))) / (x.Length + y.Length - 2);
        LsMeanEstimate d = fit.Differences.Single();
        AssertClose.Relative(mx - my, d.Estimate, 1e-12);
        AssertClose.Relative(Math.Sqrt(sp2 * (1.0 / x.Length + 1.0 / y.Length)), d.StandardError, 1e-12);
        Assert.Equal(x.Length + y.Length - 2, d.DegreesOfFreedom);
        Assert.Equal(new GroupSizes(x.Length, y.Length), d.Sizes.Groups);
    }
}
