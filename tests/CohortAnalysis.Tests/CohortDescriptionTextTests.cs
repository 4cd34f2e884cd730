using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests;

/// <summary>The completeness table of <see cref="CohortDescription.ToString"/> keeps its columns apart however large the
/// counts and however long the arm names (a 100 000-subject trial's "54229/54229 (100%)" once ran into the next cell).</summary>
public class CohortDescriptionTextTests
{
    [Fact]
    public void CompletenessTable_ColumnsSeparatedByAtLeastTwoSpaces_WithLargeCountsAndLongArms()
    {
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,AVISIT,AVAL\n");
        for (int s = 0; s < 24_000; s++)
        {
            string arm = s % 2 == 0 ? "Placebo" : "Psilocybin 25 mg two sessions";
            for (int v = 0; v < 3; v++)
                if (v == 0 || s % 7 != v) csv.Append(CultureInfo.InvariantCulture, $"S{s:00000},{arm},MADRS,{v * 6},{(v == 0 ? "Baseline" : $"Week {v * 6}")},{(s + v) % 61}\n");
        }
        string text = CohortCsvReader.Parse(csv.ToString(), "large.csv").Describe().ToString();

        string[] lines = text.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("MADRS", StringComparison.Ordinal));
        Assert.True(header > 0, text);
        string[] table = lines[header..(header + 3)];
        Assert.Contains("12000/12000 (100%)", table[1] + table[2]);
        foreach (string line in table)
            Assert.Equal(4, Regex.Split(line.Trim(), " {2,}").Length);
    }
}
