using System.Globalization;
using System.Text;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>A score column read with a missing-value token that is itself a number ('-99', as some EDC exports write
/// it): the token is missing, every other number is a score, with and without such a token declared. The reader parses
/// plain decimals before looking for tokens only when no token is one.</summary>
public class NumericMissingTokenTests
{
    private static string Trial()
    {
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,AVISIT,AVAL\n");
        for (int s = 0; s < 3_000; s++)
            for (int v = 0; v < 2; v++)
                csv.Append(CultureInfo.InvariantCulture,
                    $"S{s:0000},{(s % 2 == 0 ? "Placebo" : "Drug")},MADRS,{v * 6},{(v == 0 ? "Baseline" : "Week 6")},{(s % 10 == 3 && v == 1 ? "-99" : s % 10 == 4 && v == 1 ? "NA" : ((s + v) % 61).ToString(CultureInfo.InvariantCulture))}\n");
        return csv.ToString();
    }

    [Fact]
    public void NumericToken_IsMissing_OtherNumbersAreScores()
    {
        var options = CohortReadOptions.Default with { MissingTokens = ["", "NA", ".", "-99"], OutOfRangeScores = InvalidRowPolicy.Reject };
        Cohort cohort = CohortCsvReader.Parse(Trial(), "tokens.csv", options);
        double[] values = cohort.Values.ToArray();
        Assert.Equal(6_000, values.Length);
        Assert.Equal(600, values.Count(double.IsNaN));
        Assert.DoesNotContain(-99.0, values);
        Assert.Equal(Enumerable.Range(0, 3_000).Sum(s => s % 61 + (s % 10 is 3 or 4 ? 0 : (s + 1) % 61)), values.Where(v => !double.IsNaN(v)).Sum());
    }

    [Fact]
    public void WithoutTheToken_MinusNinetyNine_IsAScoreOutOfRange()
    {
        var e = Assert.Throws<CohortDataException>(() =>
            CohortCsvReader.Parse(Trial(), "tokens.csv", CohortReadOptions.Default with { OutOfRangeScores = InvalidRowPolicy.Reject }));
        Assert.Contains("'-99' is below the MADRS range", e.Message);
    }
}
