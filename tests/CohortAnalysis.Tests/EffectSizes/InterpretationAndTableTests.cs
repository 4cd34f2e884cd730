using CohortAnalysis.EffectSizes;
using Microsoft.Data.Analysis;
using Xunit;
using static CohortAnalysis.Tests.EffectSizes.Datasets;

namespace CohortAnalysis.Tests.EffectSizes;

public class InterpretationAndTableTests
{
    // Source: known-results/effect-sizes/interpret.csv (effectsize 0.8.3 interpret_cohens_d / interpret_r; right-open bins).
    [Fact]
    public void Rules_MatchEffectsizeLabels()
    {
        foreach (KnownResult row in KnownResults.Rows("effect-sizes/interpret.csv"))
        {
            EffectSizeRule rule = row.Id.Split('_')[0] switch
            {
                "cohen" when row.Id.StartsWith("cohen_r", StringComparison.Ordinal) => EffectSizeRules.Cohen1988R,
                "cohen" => EffectSizeRules.Cohen1988D,
                "saw" => EffectSizeRules.Sawilowsky2009D,
                "gignac" => EffectSizeRules.Gignac2016R,
                "funder" => EffectSizeRules.Funder2019R,
                "lovakov" => EffectSizeRules.Lovakov2021D,
                _ => throw new InvalidOperationException(row.Id),
            };
            Assert.Equal(row.Text("label"), rule.Label(row["value"]));
        }
    }

    [Fact]
    public void Rule_DescribeNamesSource_AndRejectsBadShapes()
    {
        Assert.Equal("medium (Cohen 1988)", EffectSizeRules.Cohen1988D.Describe(-0.5));
        Assert.Equal("not estimable", EffectSizeRules.Cohen1988D.Label(double.NaN));
        Assert.Throws<ArgumentException>(() => new EffectSizeRule("x", "X", "X", [0.2, 0.5], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => new EffectSizeRule("x", "X", "X", [0.5, 0.2], ["a", "b", "c"]));
    }

    [Fact]
    public void Table_ToDataFrame_IsTidy_WithOneRowPerEstimateAndNaNCells()
    {
        var week6 = new Comparison { Parameter = "MADRS", Visit = new Visit(6, "Week 6"), Arm = "Psilocybin", ReferenceArm = "Placebo" };
        var table = new EffectSizeTable(
        [
            EffectSize.HedgesG(MadrsPsilocybin, MadrsPlacebo) with { Comparison = week6 },
            EffectSizeEstimate.NotEstimable(EffectSizeIndex.HedgesG, new GroupSizes(1, 5), "arm Psilocybin has n = 1",
                new ConfidenceInterval(double.NaN, double.NaN, 0.95, CiMethod.NoncentralT), week6 with { Visit = new Visit(12, "Week 12") }),
        ]);
        DataFrame frame = table.ToDataFrame(EffectSizeRules.Cohen1988D);
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("MADRS", frame["parameter"][0]);
        Assert.Equal(6.0, frame["visit"][0]);
        Assert.Equal("Psilocybin", frame["arm"][0]);
        Assert.Equal("Placebo", frame["reference"][0]);
        Assert.Equal("Hedges' g", frame["name"][0]);
        AssertClose.Relative(table[0].Estimate, (double)frame["estimate"][0]!, 0);
        Assert.Null(frame["estimate"][1]);
        Assert.Equal("large (Cohen 1988)", frame["interpretation"][0]);
        Assert.Equal(6, frame["n"][0]);
        Assert.Equal("arm Psilocybin has n = 1", frame["note"][1]);
        Assert.Contains("Psilocybin vs Placebo", table.ToString(), StringComparison.Ordinal);
    }
}
