using System.Globalization;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

/// <summary>The MMRM against R on data nobody on the team computed: Beat the Blues (HSAUR3::BtheB, bdi at 2, 3, 5, 8
/// months ~ treatment × visit + bdi.pre × visit + drug + length) and a seeded simulated 3-arm trial with MAR dropout
/// and intermittent gaps, each with UN, CS and AR(1); values and the script that made them in
/// tests/known-results/mmrm-r (make-reference.R; R 4.2.2, nlme 3.1.162, emmeans 1.8.4.1, lme4 1.1.31, lmerTest 3.1.3,
/// pbkrtest 0.5.2).</summary>
/// <remarks>
/// Which oracle gives which quantity, and to what tolerance:
/// <list type="bullet">
/// <item>nlme::gls (REML; corSymm + varIdent, corCompSymm, corAR1): log-likelihood to 1e-6 absolute (nlme's and lme4's
/// REML constants are SAS's); LS means and differences to 2e-6 relative (5e-5 with corSymm), SEs to 1e-5 relative:
/// nlme stops when its
/// objective has converged (the log-likelihoods agree to 1e-6 and better) but θ̂ only to about 1e-5 relative, which
/// moves the estimates by up to 1.1e-6 (2.2e-5 with corSymm, whose optimum nlme locates least precisely) and the SEs by up to 5e-6 relative on these data (tighter gls control options
/// change nothing). For lmer (sim_cs_lmer) every quantity matches to 1e-6 relative and the df to 1e-4.</item>
/// <item>Satterthwaite df: lmerTest on lmer (1 | subject) (the CS model) to 1e-4 relative. emmeans on gls derives df
/// from nlme's numerically differentiated apVar (mode = "satterthwaite" for CS: 1e-3; "appx-satterthwaite", which it
/// falls back to for UN and AR(1): 2e-2), so gls serves for estimates and likelihood, lmerTest and SAS
/// (MmrmSasLsMeanTests) for df.</item>
/// <item>Kenward–Roger: pbkrtest via emmeans (lmer.df = "kenward-roger") on complete balanced CS data, where its
/// expected information equals our observed one: SE 1e-6 relative, df 1e-4; the arm effect averaged over visits is
/// the exact between-subject t test (df = subjects − 2 = 22).</item>
/// </list>
/// </remarks>
public sealed class MmrmRTests
{
    private static readonly IReadOnlyList<KnownResult> Reference = KnownResults.Rows("mmrm-r/reference.csv");

    public static TheoryData<string> GlsCases() => ["btheb_un", "btheb_cs", "btheb_ar1", "sim_un", "sim_cs", "sim_ar1", "sim_cs_lmer"];

    [Fact]
    public void Reference_AllCasesPresent() => Assert.Equal(136, Reference.Count);

    [Theory]
    [MemberData(nameof(GlsCases))]
    public void GlsAndEmmeans_Match(string caseName)
    {
        bool btheb = caseName.StartsWith("btheb", StringComparison.Ordinal);
        string structureName = caseName.Split('_')[1];
        CovarianceStructure structure = structureName switch
        {
            "un" => CovarianceStructure.Unstructured,
            "cs" => CovarianceStructure.CompoundSymmetry,
            _ => CovarianceStructure.Autoregressive,
        };
        ModelData data = btheb
            ? MmrmKnownData.Read("mmrm-r/btheb-long.csv", ["subject", "treatment", "drug", "length", "visit"], ["bdi.pre", "bdi"],
                new() { ["treatment"] = ["TAU", "BtheB"], ["visit"] = ["M2", "M3", "M5", "M8"] })
            : MmrmKnownData.Read("mmrm-r/sim-long.csv", ["subject", "arm", "sex", "visit"], ["base", "chg"],
                new() { ["arm"] = ["Placebo", "Low", "High"], ["visit"] = ["V1", "V2", "V3", "V4"] });
        string arm = btheb ? "treatment" : "arm", baseline = btheb ? "bdi.pre" : "base";
        ModelTerm[] terms = btheb
            ? [new(arm), new("visit"), new(arm, "visit"), new(baseline), new(baseline, "visit"), new("drug"), new("length")]
            : [new(arm), new("visit"), new(arm, "visit"), new(baseline), new(baseline, "visit"), new("sex")];
        MmrmDesign design = MmrmDesign.Build(data, btheb ? "bdi" : "chg", "subject", "visit", terms, arm: arm);
        MmrmEstimation fit = MmrmEstimation.Fit(design, structure, reml: true);
        Assert.True(fit.Outcome.Converged, fit.Outcome.Note);
        var rows = Reference.Where(r => r.Id == caseName).ToList();
        Assert.Equal(btheb ? 13 : 21, rows.Count);

        double nlmeLogLik = -fit.Minus2LogLikelihood / 2;
        AssertClose.Absolute(double.Parse(rows.Single(r => r.Text("kind") == "logLik").Text("estimate"), CultureInfo.InvariantCulture),
            nlmeLogLik, 1e-6, $"{caseName} logLik");

        ReferenceGrid grid = ReferenceGrid.Build(design.Frame, [arm, "visit"]);
        bool lmer = caseName.EndsWith("lmer", StringComparison.Ordinal);
        double dfTolerance = lmer ? 1e-4 : structureName == "cs" ? 1e-3 : 2e-2;
        foreach (KnownResult row in rows.Where(r => r.Text("kind") != "logLik"))
        {
            double[] l = row.Text("kind") == "lsmean"
                ? grid.Cell(row.Text("arm"), row.Text("visit")).L
                : ReferenceGrid.Difference(grid.Cell(row.Text("arm"), row.Text("visit")), grid.Cell(row.Text("reference"), row.Text("visit")));
            LinearEstimate ours = LinearEstimate.Of(l, fit.Beta, fit.Covariance, fit.Satterthwaite, 0.95);
            string what = $"{caseName} {row.Text("kind")} {row.Text("arm")} {row.Text("visit")}";
            AssertClose.Relative(Value(row, "estimate"), ours.Estimate, lmer ? 1e-6 : structureName == "un" ? 5e-5 : 2e-6, what);
            AssertClose.Relative(Value(row, "se"), ours.StandardError, lmer ? 1e-6 : 1e-5, what + " SE");
            AssertClose.Relative(Value(row, "df"), ours.DegreesOfFreedom, dfTolerance, what + " df");
        }
    }

    [Theory]
    [InlineData(DegreesOfFreedomMethod.KenwardRoger)]
    [InlineData(DegreesOfFreedomMethod.KenwardRogerFirstOrder)]
    public void KenwardRoger_MatchesPbkrtestOnBalancedData(DegreesOfFreedomMethod method)
    {
        ModelData data = MmrmKnownData.Read("mmrm-r/kr-balanced.csv", ["subject", "arm", "visit"], ["y"],
            new() { ["arm"] = ["Placebo", "Active"], ["visit"] = ["V1", "V2", "V3", "V4"] });
        var spec = new MmrmSpecification
        {
            Data = data, Response = "y", Subject = "subject", Visit = "visit", Arm = "arm",
            Terms = [new("arm"), new("visit"), new("arm", "visit")],
            Visits = Enumerable.Range(1, 4).Select(i => new Visit(i, $"V{i}")).ToArray(), Parameter = "Y",
        };
        MmrmFit fit = MmrmModel.Fit(spec, MmrmOptions.Default with
        {
            Covariance = CovarianceStructure.CompoundSymmetry, DegreesOfFreedom = method, Fallback = [], AdjustForBaseline = false,
        });
        var rows = Reference.Where(r => r.Id == "kr_cs").ToList();
        Assert.Equal(13, rows.Count);
        foreach (KnownResult row in rows.Where(r => r.Text("visit") != "average"))
        {
            LsMeanEstimate ours = row.Text("kind") == "lsmean"
                ? fit.LsMeans.Single(e => e.Comparison.Arm == row.Text("arm") && e.Comparison.Visit?.DisplayName == row.Text("visit"))
                : fit.Differences.Single(e => e.Comparison.Arm == row.Text("arm") && e.Comparison.Visit?.DisplayName == row.Text("visit"));
            string what = $"KR {row.Text("kind")} {row.Text("arm")} {row.Text("visit")}";
            AssertClose.Relative(Value(row, "estimate"), ours.Estimate, 1e-6, what);
            AssertClose.Relative(Value(row, "se"), ours.StandardError, 1e-6, what + " SE");
            AssertClose.Relative(Value(row, "df"), ours.DegreesOfFreedom, 1e-4, what + " df");
        }
        // Arm effect averaged over visits (cells ordered arm-major: Placebo V1..V4, Active V1..V4).
        LsMeanEstimate average = fit.Contrast([-0.25, -0.25, -0.25, -0.25, 0.25, 0.25, 0.25, 0.25], "Active - Placebo, average");
        KnownResult avg = rows.Single(r => r.Text("visit") == "average");
        AssertClose.Relative(Value(avg, "estimate"), average.Estimate, 1e-6, "KR average");
        AssertClose.Relative(Value(avg, "se"), average.StandardError, 1e-6, "KR average SE");
        AssertClose.Absolute(22, average.DegreesOfFreedom, 1e-4, "KR average df (exact: 24 subjects - 2)");
    }

    private static double Value(KnownResult row, string column) => double.Parse(row.Text(column), CultureInfo.InvariantCulture);
}
