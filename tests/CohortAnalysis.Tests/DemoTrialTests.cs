using System.Text;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Tests;

public class DemoTrialTests
{
    [Fact]
    public void Generate_WithDefaultSeed_ReproducesTheBundledFileBitForBit()
    {
        using var reader = new StreamReader(DemoTrial.OpenCsv(), Encoding.UTF8);
        Assert.Equal(reader.ReadToEnd(), DemoTrial.Generate());
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples-data", "demo-trial.csv")), DemoTrial.Generate());
    }

    [Fact]
    public void Load_HasTheDocumentedDesign()
    {
        Cohort cohort = DemoTrial.Load();
        Assert.Equal(120, cohort.Subjects.Count);
        Assert.Equal([DemoTrial.Placebo, DemoTrial.Psilocybin], cohort.Arms);
        Assert.Equal(["MADRS", "PAINNRS"], cohort.Parameters);
        Assert.Equal([0.0, 1, 3, 6, 12], cohort.Visits.Select(v => v.Time));
        Assert.Equal(["SITEID", "SEX", "AGEGR1"], cohort.CovariateNames);
        Assert.DoesNotContain(cohort.Report.Issues, i => i.Kind == DataIssueKind.DerivationMismatch);
        Assert.Equal(0, cohort.Report.RowsExcluded);
    }

    [Fact]
    public void Load_DropoutIsMonotoneAndHigherOnPlacebo()
    {
        CohortDescription d = DemoTrial.Load().Describe();
        VisitCompleteness placebo = d.Completeness.Single(c => c.Parameter == "MADRS" && c.Arm == DemoTrial.Placebo && c.Visit.Time == 12);
        VisitCompleteness active = d.Completeness.Single(c => c.Parameter == "MADRS" && c.Arm == DemoTrial.Psilocybin && c.Visit.Time == 12);
        Assert.True(placebo.Percent < active.Percent);
        Assert.True(placebo.Percent < 100);
    }

    [Fact]
    public void Generate_DifferentSeed_GivesADifferentTrial() => Assert.NotEqual(DemoTrial.Generate(1), DemoTrial.Generate(2));
}
