using CohortAnalysis.Responders;
using Xunit;

namespace CohortAnalysis.Tests.Responders;

public class ProportionTests
{
    private static Alternative Alt(string r) => r switch { "less" => Alternative.Less, "greater" => Alternative.Greater, _ => Alternative.TwoSided };

    // Source: known-results/responders/responders.R (R 4.2.2): Wilson = prop.test(correct = FALSE)$conf.int,
    // Clopper–Pearson = binom.test()$conf.int, cross-checked against Hmisc 4.8.0 binconf (two-sided; its Wilson rows with x = 1 or n − 1 use a Poisson modification and are skipped);
    // Agresti–Coull and Wald scripted from their formulas. Includes 0/20, 20/20, 49/50, one-sided, 90%.
    // Tolerance: 1e-12 relative for closed forms (Wilson, AC, Wald); 1e-10 for Clopper–Pearson (beta quantiles).
    [Fact]
    public void AllMethods_MatchR()
    {
        IReadOnlyList<KnownResult> rows = KnownResults.Rows("responders/proportions.csv");
        Assert.True(rows.Count >= 48);
        foreach (KnownResult r in rows)
        {
            int x = (int)r["x"], n = (int)r["n"];
            var o = new ProportionOptions { CiLevel = r["level"], Alternative = Alt(r.Text("alternative")) };
            ProportionEstimate w = Proportions.Rate(x, n, o);
            AssertClose.Relative(r["p"], w.Estimate, 1e-15, r.Id);
            Check(r, "wilson", w.Ci, 1e-12);
            // Hmisc's binconf deliberately replaces the Wilson limit at x = 1 (lower) and x = n − 1 (upper) by a Poisson
            // limit (Brown, Cai & DasGupta 2001); we keep the plain Wilson interval of prop.test, so skip those rows.
            if (!double.IsNaN(r["hmisc_wilson_low"]) && x != 1 && x != n - 1) Check(r, "hmisc_wilson", w.Ci, 1e-12);
            ProportionEstimate cp = Proportions.Rate(x, n, o with { Method = CiMethod.ClopperPearson });
            Check(r, "cp", cp.Ci, 1e-10);
            if (!double.IsNaN(r["hmisc_exact_low"])) Check(r, "hmisc_exact", cp.Ci, 1e-10);
            Check(r, "ac", Proportions.Rate(x, n, o with { Method = CiMethod.AgrestiCoull }).Ci, 1e-12);
            Check(r, "wald", Proportions.Rate(x, n, o with { Method = CiMethod.Wald }).Ci, 1e-12);
        }
    }

    private static void Check(KnownResult r, string prefix, ConfidenceInterval ci, double tolerance)
    {
        AssertClose.Absolute(r[prefix + "_low"], ci.Lower, tolerance * Math.Max(1e-3, Math.Abs(r[prefix + "_low"])), $"{r.Id} {prefix} low");
        AssertClose.Relative(r[prefix + "_high"], ci.Upper, tolerance, $"{r.Id} {prefix} high");
    }

    [Fact]
    public void NoResponders_AndAllResponders_GiveDefinedIntervals()
    {
        foreach (CiMethod m in Proportions.CiMethodsAllowed)
        {
            ConfidenceInterval none = Proportions.Rate(0, 20, new ProportionOptions { Method = m }).Ci;
            ConfidenceInterval all = Proportions.Rate(20, 20, new ProportionOptions { Method = m }).Ci;
            Assert.Equal(0, none.Lower);
            Assert.True(none.Upper >= 0 && none.Upper < 0.2, $"{m}: {none}");
            Assert.Equal(1, all.Upper);
            Assert.True(all.Lower > 0.8 && all.Lower <= 1, $"{m}: {all}");
        }
    }

    [Fact]
    public void InvalidCounts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Rate(3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Rate(5, 4));
    }

    [Fact]
    public void Options_DefaultsArePinned()
    {
        Assert.Equal(CiMethod.Wilson, ProportionOptions.Default.Method);
        Assert.Equal(0.95, ProportionOptions.Default.CiLevel);
        Assert.Equal(Alternative.TwoSided, ProportionOptions.Default.Alternative);
    }

    [Fact]
    public void ToString_IsReadable()
    {
        Assert.Equal("proportion = 30/50 = 0.6, 95% CI [0.4618, 0.7239] (Wilson)", Proportions.Rate(30, 50).ToString());
    }
}
