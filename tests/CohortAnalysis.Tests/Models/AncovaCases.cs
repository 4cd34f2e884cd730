using CohortAnalysis.Data;
using CohortAnalysis.Models;

namespace CohortAnalysis.Tests.Models;

/// <summary>The analyses of known-results/ancova/ancova.R, by case id, on the cohort CSVs that script wrote.</summary>
internal static class AncovaCases
{
    public static Cohort DrugTest { get; } = Load("drugtest-cohort.csv", []);
    public static Cohort BtheB { get; } = Load("btheb-cohort.csv", ["DRUG", "LENGTH"]);
    public static Cohort Simulated { get; } = Load("simulated-cohort.csv", ["SITEID", "SEX", "AGE"]);

    public static Cohort Load(string file, string[] covariates) => CohortCsvReader.Read(KnownResults.PathOf("ancova/" + file),
        new CohortReadOptions { Mapping = ColumnMapping.AdamBds with { Covariates = covariates } });

    /// <summary>The cohort, parameter, visit, options and (for subgroup cases) subgroup of a case.</summary>
    public static (Cohort Cohort, string Parameter, double Visit, AncovaOptions Options, string? Subgroup) Of(string id)
    {
        AncovaOptions BtheB3 = new() { Outcome = ChangeVariable.Value, Covariates = ["DRUG", "LENGTH"], Reference = "TAU" };
        AncovaOptions Sim6 = new() { Covariates = ["SITEID", "SEX"], ContinuousCovariates = ["AGE"], Reference = "Placebo" };
        return id switch
        {
            "drugtest" => (DrugTest, "SCORE", 1, new() { Outcome = ChangeVariable.Value, Reference = "A" }, null),
            "btheb_chg2" => (BtheB, "BDI", 2, new() { Reference = "TAU" }, null),
            "btheb_pchg2" => (BtheB, "BDI", 2, new() { Outcome = ChangeVariable.PercentChange, Reference = "TAU" }, null),
            "btheb_aval3" => (BtheB, "BDI", 3, BtheB3, null),
            "btheb_aval3_prop" => (BtheB, "BDI", 3, BtheB3 with { Weights = LsMeanWeights.Proportional }, null),
            "btheb_aval3_HC0" => (BtheB, "BDI", 3, BtheB3 with { Covariance = RobustCovariance.Hc0 }, null),
            "btheb_aval3_HC1" => (BtheB, "BDI", 3, BtheB3 with { Covariance = RobustCovariance.Hc1 }, null),
            "btheb_aval3_HC2" => (BtheB, "BDI", 3, BtheB3 with { Covariance = RobustCovariance.Hc2 }, null),
            "btheb_aval3_HC3" => (BtheB, "BDI", 3, BtheB3 with { Covariance = RobustCovariance.Hc3 }, null),
            "btheb_sub_drug" => (BtheB, "BDI", 2, new() { Covariates = ["LENGTH"], Reference = "TAU" }, "DRUG"),
            "sim_chg6" => (Simulated, "MADRS", 6, Sim6, null),
            "sim_chg6_prop" => (Simulated, "MADRS", 6, Sim6 with { Weights = LsMeanWeights.Proportional }, null),
            "sim_chg6_HC0" => (Simulated, "MADRS", 6, Sim6 with { Covariance = RobustCovariance.Hc0 }, null),
            "sim_chg6_HC1" => (Simulated, "MADRS", 6, Sim6 with { Covariance = RobustCovariance.Hc1 }, null),
            "sim_chg6_HC2" => (Simulated, "MADRS", 6, Sim6 with { Covariance = RobustCovariance.Hc2 }, null),
            "sim_chg6_HC3" => (Simulated, "MADRS", 6, Sim6 with { Covariance = RobustCovariance.Hc3 }, null),
            "sim_sub_sex" => (Simulated, "MADRS", 6, new() { Covariates = ["SITEID"], ContinuousCovariates = ["AGE"], Reference = "Placebo" }, "SEX"),
            _ => throw new KeyNotFoundException(id),
        };
    }

    /// <summary>LS means, differences and Type III tests of a case, keyed as in the R CSVs ("case|subgroup|arm").</summary>
    public static (Dictionary<string, LsMeanEstimate> LsMeans, Dictionary<string, LsMeanEstimate> Differences, IReadOnlyList<TermTest> Tests, int N, double Sigma) Run(string id)
    {
        var (cohort, parameter, visit, options, subgroup) = Of(id);
        if (subgroup is null)
        {
            AncovaFit fit = Ancova.Fit(cohort, parameter, visit, options);
            return (fit.LsMeans.ToDictionary(e => $"{id}||{e.Comparison.Arm}"),
                fit.Differences.ToDictionary(e => $"{id}||{e.Comparison.Arm} - {e.Comparison.ReferenceArm}"),
                fit.TypeIIITests, fit.SubjectsAnalysed, fit.ResidualSd);
        }
        SubgroupAnalysis s = Ancova.Subgroups(cohort, parameter, visit, subgroup, options);
        return (s.LsMeans.ToDictionary(e => $"{id}|{e.Comparison.Subgroup}|{e.Comparison.Arm}"),
            s.Differences.ToDictionary(e => $"{id}|{e.Comparison.Subgroup}|{e.Comparison.Arm} - {e.Comparison.ReferenceArm}"),
            s.TypeIIITests, s.SubjectsAnalysed, double.NaN);
    }
}
