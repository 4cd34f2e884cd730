using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

/// <summary>Type III F tests of the MMRM, multi-df terms included, with Satterthwaite and Kenward–Roger df, against
/// lmerTest <c>anova(type = 3)</c> and pbkrtest <c>KRmodcomp</c> on lmer (1 | subject), the CS model; values and the
/// script in tests/known-results/mmrm-r (type3-reference.R; R 4.2.2, lme4 1.1.31, lmerTest 3.1.3, pbkrtest 0.5.2;
/// sessionInfo in type3-sessionInfo.txt).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Complete balanced data (kr-balanced.csv): Satterthwaite and Kenward–Roger give the exact F tests (df 22 and
/// 66, λ = 1); F and p to 1e-6 relative, df to 1e-4 (lmerTest's df come from a numerical Hessian).</item>
/// <item>Simulated trial with dropout (sim-long.csv): Satterthwaite F to 2e-6 (lmer's optimum is located to about
/// 1e-6: the LS means in MmrmRTests agree to that), df to 1e-4 (lmerTest, observed information as ours).
/// Kenward–Roger: pbkrtest uses the expected information of the covariance parameters, SAS and we the observed one,
/// which differ with missing data (1e-2 relative on the df of BASE: ours is then the Satterthwaite df, as it must be
/// for one df), so the KR F and df are compared to 2e-2 relative only: a
/// check that λ and m are those of Kenward &amp; Roger §4, not an agreement to the digit (none is possible with
/// pbkrtest here, and no SAS listing of a multi-df KR test is available offline; see the README there).</item>
/// </list>
/// </remarks>
public class MmrmTypeIIITests
{
    private static readonly IReadOnlyList<KnownResult> Reference = KnownResults.Rows("mmrm-r/type3-reference.csv");

    [Fact]
    public void Reference_AllRowsPresent() => Assert.Equal(19, Reference.Count);

    [Theory]
    [InlineData("balanced_satterthwaite", DegreesOfFreedomMethod.Satterthwaite, 1e-6, 1e-4)]
    [InlineData("balanced_kr", DegreesOfFreedomMethod.KenwardRoger, 1e-6, 1e-4)]
    [InlineData("balanced_krmodcomp", DegreesOfFreedomMethod.KenwardRoger, 1e-6, 1e-4)]
    [InlineData("sim_satterthwaite", DegreesOfFreedomMethod.Satterthwaite, 2e-6, 1e-4)]
    [InlineData("sim_kr", DegreesOfFreedomMethod.KenwardRoger, 2e-2, 2e-2)]
    public void TypeIII_MatchesLmerTestAndPbkrtest(string caseName, DegreesOfFreedomMethod df, double fTolerance, double dfTolerance)
    {
        bool balanced = caseName.StartsWith("balanced", StringComparison.Ordinal);
        MmrmFit fit = MmrmModel.Fit(balanced ? Balanced() : Simulated(), MmrmOptions.Default with
        {
            Covariance = CovarianceStructure.CompoundSymmetry, DegreesOfFreedom = df, Fallback = [], AdjustForBaseline = false,
        });
        var rows = Reference.Where(r => r.Id == caseName).ToList();
        Assert.Equal(caseName switch { "balanced_krmodcomp" => 1, _ when balanced => 3, _ => 6 }, rows.Count);
        Assert.Equal(balanced ? 3 : 6, fit.TypeIIITests.Count);
        foreach (KnownResult row in rows)
        {
            TermTest ours = fit.TypeIIITests.Single(t => Canonical(t.Term) == Canonical(row.Text("term")));
            string what = $"{caseName} {row.Text("term")}";
            Assert.Equal((int)row["numdf"], ours.NumeratorDf);
            AssertClose.Relative(row["f"], ours.F, fTolerance, what + " F");
            AssertClose.Relative(row["dendf"], ours.DenominatorDf, dfTolerance, what + " df");
            AssertClose.Relative(row["p"], ours.PValue, Math.Max(fTolerance, dfTolerance) * 10, what + " p");
            if (row.Text("scale") != "NA") AssertClose.Relative(row["scale"], ours.Scale, 1e-6, what + " scale");
        }
    }

    // One-df terms: the F test is the square of the t test of the same contrast, with the same df (q = 1: λ = 1, m = the
    // Satterthwaite df of the contrast).
    [Theory]
    [InlineData(DegreesOfFreedomMethod.Satterthwaite)]
    [InlineData(DegreesOfFreedomMethod.KenwardRoger)]
    public void TypeIII_OneDfTerm_IsTheSquaredT(DegreesOfFreedomMethod df)
    {
        MmrmFit fit = MmrmModel.Fit(Balanced(), MmrmOptions.Default with
        {
            Covariance = CovarianceStructure.CompoundSymmetry, DegreesOfFreedom = df, Fallback = [], AdjustForBaseline = false,
        });
        LsMeanEstimate average = fit.Contrast([-0.25, -0.25, -0.25, -0.25, 0.25, 0.25, 0.25, 0.25], "Active - Placebo, average");
        TermTest arm = fit.TypeIIITests.Single(t => t.Term == "arm");
        AssertClose.Relative(average.Statistic * average.Statistic, arm.F, 1e-10, "F = t^2");
        // The LS-mean contrast takes its df from the Satterthwaite formula, the test from m = 4 + (q + 2)/(qρ − 1), the
        // same number for q = 1 (with Σ̂'s covariance in two parameterisations): they agree to rounding of the optimum.
        AssertClose.Relative(average.DegreesOfFreedom, arm.DenominatorDf, 1e-7, "df");
        AssertClose.Relative(average.PValue, arm.PValue, 1e-7, "p");
        AssertClose.Relative(1, arm.Scale, 1e-12, "scale");
    }

    private static string Canonical(string term) => string.Join("*", term.ToLowerInvariant().Split('*').Order(StringComparer.Ordinal));

    private static MmrmSpecification Balanced() => new()
    {
        Data = MmrmKnownData.Read("mmrm-r/kr-balanced.csv", ["subject", "arm", "visit"], ["y"],
            new() { ["arm"] = ["Placebo", "Active"], ["visit"] = ["V1", "V2", "V3", "V4"] }),
        Response = "y", Subject = "subject", Visit = "visit", Arm = "arm",
        Terms = [new("arm"), new("visit"), new("arm", "visit")],
        Visits = Enumerable.Range(1, 4).Select(i => new Visit(i, $"V{i}")).ToArray(), Parameter = "Y",
    };

    private static MmrmSpecification Simulated() => new()
    {
        Data = MmrmKnownData.Read("mmrm-r/sim-long.csv", ["subject", "arm", "sex", "visit"], ["base", "chg"],
            new() { ["arm"] = ["Placebo", "Low", "High"], ["visit"] = ["V1", "V2", "V3", "V4"] }),
        Response = "chg", Subject = "subject", Visit = "visit", Arm = "arm",
        Terms = [new("arm"), new("visit"), new("arm", "visit"), new("base"), new("base", "visit"), new("sex")],
        Visits = Enumerable.Range(1, 4).Select(i => new Visit(i, $"V{i}")).ToArray(), Parameter = "CHG",
    };
}
