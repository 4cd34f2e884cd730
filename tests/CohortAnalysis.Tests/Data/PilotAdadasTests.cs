using System.Globalization;
using System.Text.Json;
using CohortAnalysis.Data;
using CohortAnalysis.Models;
using CohortAnalysis.Tests.Cli;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>K7: the CDISC pilot's primary efficacy table 14-3.01 (ADAS-Cog(11) change from baseline to week 24, LOCF,
/// ANL01FL and EFFFL; ANCOVA CHG ~ treatment + pooled site + baseline) from the real pilot ADADAS: its PARAMCD ACTOT rows,
/// transcribed from the Dataset-JSON published in RConsortium/submissions-pilot5-datasetjson (provenance:
/// known-results/adam/README-pilot.md) and kept as CSV, Dataset-JSON and XPT. Two independent checks: the published table
/// to every printed digit, and R 4.2.2 lm + emmeans 1.8.4.1 (k7-pilot.R → k7-pilot-expected.csv) at 1e-6 relative.</summary>
public class PilotAdadasTests
{
    private const string Expected = "adam/k7-pilot-expected.csv";
    private const string Placebo = "Placebo", Low = "Xanomeline Low Dose", High = "Xanomeline High Dose";
    private const double RelativeTolerance = 1e-6;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "known-results", "adam");
    private static string Adsl => Path.Combine(Folder, "pilot-adsl-sitegr1p.csv");

    public static TheoryData<string> Files => new() { "pilot-adadas-actot.csv", "pilot-adadas-actot.json", "pilot-adadas-actot.xpt" };

    private static Cohort Read(string file) => CohortFileReader.Read(Path.Combine(Folder, file), CohortReadOptions.Default with
    {
        Adam = new AdamOptions { AnalysisFlag = "ANL01FL", Population = "EFFFL", SubjectLevelFile = Adsl, SubjectLevelVariables = ["SITEGR1P"] },
    });

    private static AncovaFit Fit(string file, string site) => Ancova.Fit(Read(file), "ACTOT", 24, new AncovaOptions { Covariates = [site] });

    private static double R(string id) => KnownResults.Row(Expected, id)["value"];

    private static void Close(double expected, double actual, string what)
    {
        double scale = Math.Max(Math.Abs(expected), 1e-12);
        Assert.True(Math.Abs(actual - expected) <= RelativeTolerance * scale,
            string.Create(CultureInfo.InvariantCulture, $"{what}: {actual:R} vs R {expected:R} (relative {Math.Abs(actual - expected) / scale:E2})"));
    }

    /// <summary>The published table's rounding: half away from zero (SAS ROUND; REFERENCE.md K11).</summary>
    private static string Printed(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static readonly (string Arm, string Reference, string Key)[] Contrasts =
        [(High, Placebo, "high_vs_placebo"), (Low, Placebo, "low_vs_placebo"), (High, Low, "high_vs_low")];

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_SelectsTheEfficacyAnalysisRecords(string file)
    {
        Cohort cohort = Read(file);
        Assert.Equal(1040, cohort.Report.RowsRead);
        Assert.Equal(cohort.Report.RowsRead, cohort.Report.RowsLoaded + cohort.Report.RowsExcluded);
        Assert.Contains(cohort.Report.Issues, i => i.Kind == DataIssueKind.NotAnalysisRecord);
        Assert.Contains(cohort.Report.Issues, i => i.Kind == DataIssueKind.OutsidePopulation);
        Assert.Contains(cohort.Report.Issues, i => i.Kind == DataIssueKind.DerivedRecord && i.Value == "LOCF");
        Assert.Contains("SITEGR1P", cohort.CovariateNames);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Ancova_Week24_ReproducesThePublishedTable(string file)
    {
        AncovaFit fit = Fit(file, "SITEGR1P");
        Assert.Equal(Placebo, fit.ReferenceArm);
        Assert.Equal(79 + 81 + 74, fit.SubjectsAnalysed);
        Assert.Equal([79, 81, 74], new[] { Placebo, Low, High }.Select(a => fit.LsMeans.Single(m => m.Comparison.Arm == a).Sizes.Groups.First));
        // Table 14-3.01: estimate (SE), 95% CI, p for each pairwise difference.
        var published = new Dictionary<string, string[]>
        {
            ["high_vs_placebo"] = ["-1.0", "0.84", "-2.7", "0.7", "0.233"],
            ["low_vs_placebo"] = ["-0.5", "0.82", "-2.1", "1.1", "0.569"],
            ["high_vs_low"] = ["-0.5", "0.84", "-2.2", "1.1", "0.520"],
        };
        foreach (var (arm, reference, key) in Contrasts)
        {
            LsMeanEstimate d = fit.Difference(arm, reference);
            Assert.Equal(published[key], new[] { Printed(d.Estimate, 1), Printed(d.StandardError, 2), Printed(d.Ci.Lower, 1), Printed(d.Ci.Upper, 1), Printed(d.PValue, 3) });
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Ancova_Week24_PooledSites_MatchesLmEmmeans(string file) => MatchesR(Fit(file, "SITEGR1P"), "pooled_");

    [Theory]
    [MemberData(nameof(Files))]
    public void Ancova_Week24_UnpooledSites_MatchesLmEmmeans(string file) => MatchesR(Fit(file, "SITEGR1"), "siteid_");

    /// <summary>Table 14-3.01's dose-response p (treatment as continuous: TRTPN placebo 0, xanomeline low 54, high 81 mg)
    /// against R lm (k7-pilot.R: summary(lm(CHG ~ TRTPN + site + BASE)), the slope's t test) at 1e-6 and the printed 0.245.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Ancova_Week24_DoseResponse_MatchesLmAndThePublishedTable(string file)
    {
        var doses = new Dictionary<string, double> { [Placebo] = 0, [Low] = 54, [High] = 81 };
        Cohort cohort = Read(file);
        foreach (var (site, prefix) in new[] { ("SITEGR1P", "pooled_"), ("SITEGR1", "siteid_") })
        {
            TermTest test = Ancova.DoseResponse(cohort, "ACTOT", 24, doses, new AncovaOptions { Covariates = [site] });
            Assert.Equal(Ancova.DoseName, test.Term);
            Assert.Equal(1, test.NumeratorDf);
            Assert.Equal(R(prefix + "residual_df") + 1, test.DenominatorDf);   // one slope instead of two arm effects
            Close(R(prefix + "dose_response_p"), test.PValue, $"dose-response p ({site})");
            if (prefix == "pooled_") Assert.Equal("0.245", Printed(test.PValue, 3));
        }
    }

    [Fact]
    public void Ancova_DoseResponse_RefusesAnArmWithoutADose()
    {
        var e = Assert.Throws<ArgumentException>(() => Ancova.DoseResponse(Read("pilot-adadas-actot.csv"), "ACTOT", 24,
            new Dictionary<string, double> { [Placebo] = 0, [High] = 81 }, new AncovaOptions { Covariates = ["SITEGR1P"] }));
        Assert.StartsWith($"Arm '{Low}' has no finite dose", e.Message);
    }

    private static void MatchesR(AncovaFit fit, string prefix)
    {
        Assert.Equal(108, KnownResults.Rows(Expected).Count);   // 3 × 16 descriptives + 2 × 30 model rows
        Assert.Equal(R(prefix + "residual_df"), fit.ResidualDf);
        Close(R(prefix + "residual_sd"), fit.ResidualSd, "residual SD");
        foreach (var (arm, key) in new[] { (Placebo, "placebo"), (Low, "low"), (High, "high") })
        {
            LsMeanEstimate m = fit.LsMeans.Single(e => e.Comparison.Arm == arm);
            Close(R($"{prefix}lsmean_{key}_estimate"), m.Estimate, $"LS mean {arm}");
            Close(R($"{prefix}lsmean_{key}_se"), m.StandardError, $"SE of LS mean {arm}");
        }
        foreach (var (arm, reference, key) in Contrasts)
        {
            LsMeanEstimate d = fit.Difference(arm, reference);
            Close(R($"{prefix}{key}_estimate"), d.Estimate, key);
            Close(R($"{prefix}{key}_se"), d.StandardError, key + " SE");
            Close(R($"{prefix}{key}_lower"), d.Ci.Lower, key + " CI lower");
            Close(R($"{prefix}{key}_upper"), d.Ci.Upper, key + " CI upper");
            Close(R($"{prefix}{key}_p"), d.PValue, key + " p");
            Assert.Equal(R(prefix + "residual_df"), d.DegreesOfFreedom);
        }
        string site = prefix == "pooled_" ? "SITEGR1P" : "SITEGR1";
        foreach (var (term, key) in new[] { ("ARM", "trtp"), (site, "site"), ("BASE", "base") })
        {
            TermTest t = fit.TypeIIITests.Single(x => x.Term == term);
            Close(R($"{prefix}{key}_typeIII_F"), t.F, $"Type III F {term}");
            Close(R($"{prefix}{key}_typeIII_p"), t.PValue, $"Type III p {term}");
        }
    }

    [Fact]
    public void Cli_Ancova_OnTheDatasetJson_GivesTheLibrarysNumbers()
    {
        string json = Path.Combine(Folder, "pilot-adadas-actot.json");
        var (code, output, error) = CohortCommand.Run("ancova", json, "--paramcd", "ACTOT", "--visit", "24", "--analysis-flag", "ANL01FL",
            "--population", "EFFFL", "--adsl", Adsl, "--covariates", "SITEGR1P", "--format", "json");
        Assert.True(code == 0, error);
        JsonElement root = JsonDocument.Parse(output).RootElement;
        AncovaFit fit = Fit("pilot-adadas-actot.json", "SITEGR1P");
        Assert.Equal(fit.SubjectsAnalysed, root.GetProperty("subjectsAnalysed").GetInt32());
        var pairs = fit.LsMeans.Zip(root.GetProperty("lsMeans").EnumerateArray()).Concat(fit.Differences.Zip(root.GetProperty("differences").EnumerateArray())).ToList();
        Assert.Equal(fit.LsMeans.Count + fit.Differences.Count, pairs.Count);
        foreach (var (e, j) in pairs)
        {
            Assert.Equal(e.Comparison.Arm, j.GetProperty("arm").GetString());
            Assert.Equal(e.Estimate, j.GetProperty("estimate").GetDouble());
            Assert.Equal(e.StandardError, j.GetProperty("se").GetDouble());
            Assert.Equal(e.Ci.Lower, j.GetProperty("ciLower").GetDouble());
            Assert.Equal(e.Ci.Upper, j.GetProperty("ciUpper").GetDouble());
            Assert.Equal(e.PValue, j.GetProperty("pValue").GetDouble());
        }
        Close(R("pooled_high_vs_placebo_estimate"), root.GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("arm").GetString() == High).GetProperty("estimate").GetDouble(), "CLI High − Placebo");
    }
}
