using System.Globalization;
using System.Text;
using CohortAnalysis.Data;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

/// <summary>What <see cref="Mmrm.Fit"/> says about data it cannot analyse; the CLI's one-line errors for the same files are
/// in Cli/MmrmCommandTests.</summary>
public class MmrmBadInputTests
{
    [Fact]
    public void Fit_SmallCohort_Works()
    {
        MmrmFit fit = Mmrm.Fit(MmrmBadInput.Cohort(), "MADRS", new() { Covariates = ["SITEID"] });
        Assert.Equal(CovarianceStructure.Unstructured, fit.StructureUsed);
        Assert.Equal(MmrmBadInput.Subjects, fit.SubjectsUsed);
        Assert.Equal(MmrmBadInput.Subjects * 3, fit.ObservationsUsed);
        Assert.Empty(fit.ExcludedSubjects);
    }

    [Fact]
    public void Fit_OneArmOnly_Throws()
    {
        Cohort cohort = MmrmBadInput.Cohort();
        Cohort placebo = cohort.Subset(s => cohort.Arms[cohort.ArmIndexOfSubject(s)] == "Placebo");
        var ex = Assert.Throws<ModelSpecificationException>(() => Mmrm.Fit(placebo, "MADRS"));
        Assert.Equal("MADRS: outcomes are in one arm only (Placebo); an MMRM comparing arms needs at least two.", ex.Message);
    }

    [Fact]
    public void Fit_VisitWithNoData_Throws()
    {
        var ex = Assert.Throws<ModelSpecificationException>(() => Mmrm.Fit(MmrmBadInput.Cohort(missing: (_, week) => week == 3), "MADRS"));
        Assert.Equal("MADRS: visit Week 3 has no CHG value in any arm; an MMRM with visits as categories cannot estimate it. Leave the visit's records out or fill them in.", ex.Message);
    }

    [Fact]
    public void Fit_ArmWithoutDataAtAVisit_Throws()
    {
        var ex = Assert.Throws<ModelSpecificationException>(() =>
            Mmrm.Fit(MmrmBadInput.Cohort(missing: (i, week) => week == 2 && i % 2 == 1), "MADRS"));
        Assert.Equal("MADRS: arm Active has no CHG value at visit Week 2; its LS mean there cannot be estimated (each arm needs an outcome at each visit).", ex.Message);
    }

    [Fact]
    public void Fit_ConstantCovariate_Throws()
    {
        var ex = Assert.Throws<ModelSpecificationException>(() =>
            Mmrm.Fit(MmrmBadInput.Cohort(site: _ => "S1"), "MADRS", new() { Covariates = ["SITEID"] }));
        Assert.Equal($"SITEID has a single level ('S1') in the {MmrmBadInput.Subjects * 3} records analysed; it cannot be a model term.", ex.Message);
    }

    [Fact]
    public void Fit_CollinearCovariates_Throws()
    {
        var ex = Assert.Throws<ModelSpecificationException>(() =>
            Mmrm.Fit(MmrmBadInput.Cohort(), "MADRS", new() { Covariates = ["SITEID", "STRATA"] }));
        Assert.Equal("Column STRATA[LOW] of term STRATA is a linear combination of earlier columns (collinear covariates); remove one of the collinear terms.", ex.Message);
    }

    // A cohort cannot hold a subject in two arms: the reader refuses the file, naming the subject and both arms. The
    // model's own check (for records built without a cohort) is below.
    [Fact]
    public void Read_SubjectInTwoArms_Throws()
    {
        var ex = Assert.Throws<CohortDataException>(() => MmrmBadInput.Cohort(arm: (i, week) => week == 3 && i == 4 ? "Active" : null));
        Assert.Contains("small-mmrm.csv line 21, column TRT01P: subject P04 appears in arms Placebo (line 18) and Active.", ex.Message);
    }

    [Fact]
    public void Fit_RecordsWithASubjectInTwoArms_Throws()
    {
        string[] subjects = ["A", "A", "B", "B", "C", "C", "D", "D"];
        string[] arms = ["P", "T", "P", "P", "T", "T", "T", "T"];
        var data = new ModelData(8)
            .AddFactor("subject", subjects).AddFactor("arm", arms, ["P", "T"])
            .AddFactor("visit", ["V1", "V2", "V1", "V2", "V1", "V2", "V1", "V2"])
            .AddNumeric("y", [1, 2, 3, 5, 2, 4, 6, 3]);
        var spec = new MmrmSpecification
        {
            Data = data, Response = "y", Subject = "subject", Visit = "visit", Arm = "arm",
            Terms = [new("arm"), new("visit"), new("arm", "visit")], Visits = [new(1, "V1"), new(2, "V2")], Parameter = "Y",
        };
        var ex = Assert.Throws<ModelSpecificationException>(() => MmrmModel.Fit(spec, MmrmOptions.Default with { AdjustForBaseline = false }));
        Assert.Equal("Subject A has records in two levels of arm: P and T; a subject belongs to one arm.", ex.Message);
    }

    [Fact]
    public void Fit_FewerSubjectsThanCovarianceParameters_Throws()
    {
        var ex = Assert.Throws<ModelSpecificationException>(() => Mmrm.Fit(MmrmBadInput.Cohort(subjects: 5), "MADRS"));
        Assert.Equal("The data have 5 subjects, fewer than the 6 parameters of the unstructured covariance over 3 visits; choose a structure with fewer parameters.", ex.Message);
    }
}

/// <summary>A small two-arm MMRM cohort as CSV: subjects P00, P01, … alternating Placebo/Active, baseline at week 0 and
/// weeks 1, 2, 3, with SITEID, STRATA (SITEID recoded, so collinear with it) and seeded normal noise.</summary>
internal static class MmrmBadInput
{
    public const int Subjects = 16;
    public const string FileName = "small-mmrm.csv";

    /// <param name="subjects">Number of subjects.</param>
    /// <param name="site">SITEID per subject; default S1 for the first half, S2 for the rest.</param>
    /// <param name="missing">(subject, week) → AVAL missing (NA).</param>
    /// <param name="arm">(subject, week) → an arm other than the subject's, for that record.</param>
    public static string Csv(int subjects = Subjects, Func<int, string>? site = null, Func<int, int, bool>? missing = null,
        Func<int, int, string?>? arm = null)
    {
        var random = new Random(20261202);
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL,SITEID,STRATA\n");
        for (int i = 0; i < subjects; i++)
        {
            string trt = i % 2 == 0 ? "Placebo" : "Active";
            string s = site?.Invoke(i) ?? (i < subjects / 2 ? "S1" : "S2");
            string strata = s == "S1" ? "LOW" : "HIGH";
            int baseline = 28 + i % 7;
            double level = 3 * Normal(random);
            for (int week = 0; week <= 3; week++)
            {
                double y = week == 0 ? baseline : Math.Round(baseline - 2 * week - (i % 2) * 3 * week + level + 2 * Normal(random));
                string aval = missing?.Invoke(i, week) == true && week > 0 ? "NA" : y.ToString(CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture,
                    $"P{i:00},{arm?.Invoke(i, week) ?? trt},MADRS,{week},{(week == 0 ? "Y" : "")},{aval},{s},{strata}\n");
            }
        }
        return csv.ToString();
    }

    public static Cohort Cohort(int subjects = Subjects, Func<int, string>? site = null, Func<int, int, bool>? missing = null,
        Func<int, int, string?>? arm = null) =>
        CohortCsvReader.Parse(Csv(subjects, site, missing, arm), FileName,
            new CohortReadOptions { Mapping = ColumnMapping.AdamBds with { Covariates = ["SITEID", "STRATA"] } });

    /// <summary>A standard normal draw (Box–Muller) from a seeded stream.</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
