using CohortAnalysis.Data;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

/// <summary>The primary analysis of the bundled demo trial end to end: <c>Mmrm.Fit(DemoTrial.Load(), "MADRS")</c> with the
/// defaults (UN, REML, Satterthwaite).</summary>
public class MmrmDemoTrialTests
{
    private static readonly Cohort Demo = DemoTrial.Load();
    private static readonly MmrmFit Fit = Mmrm.Fit(Demo, "MADRS");

    [Fact]
    public void Fit_Demo_ConvergesWithTheRequestedStructure()
    {
        Assert.Equal(CovarianceStructure.Unstructured, Fit.StructureUsed);
        Assert.Equal("as requested", Fit.StructureNote);
        Assert.Empty(Fit.ConvergenceNotes);
        Assert.InRange(Fit.Iterations, 1, 100);
        Assert.InRange(Fit.ConvergenceCriterion, 0, 1e-10);
        Assert.Equal(10, Fit.CovarianceParameterCount);   // UN over weeks 1, 3, 6, 12
        Assert.True(Fit.Aic > Fit.Minus2LogLikelihood && Fit.Bic > Fit.Aic);
    }

    [Fact]
    public void Fit_Demo_CountsRecordsAndSubjectsUsedAndLeftOut()
    {
        int p = Demo.IndexOfParameter("MADRS");
        Range rows = Demo.RowsOf(p);
        int postBaseline = 0;
        var subjects = new HashSet<int>();
        for (int r = rows.Start.Value; r < rows.End.Value; r++)
        {
            subjects.Add(Demo.SubjectIndex[r]);
            if (Demo.VisitTimes[r] > Demo.BaselineVisitTimes[r] && !double.IsNaN(Demo.Changes[r])) postBaseline++;
        }
        Assert.Equal(postBaseline, Fit.ObservationsUsed);
        Assert.Equal(subjects.Count - 2, Fit.SubjectsUsed);
        Assert.Equal(new Dictionary<string, int> { [Mmrm.NoPostBaselineReason] = 2 }, Fit.ExcludedSubjects);
        Assert.Equal(2, Fit.SubjectsExcluded);
        Assert.Contains("2 subjects not analysed: no post-baseline record.", Fit.ToText());
        Assert.Contains("2 subjects not analysed: no post-baseline record.", Fit.ToTableView().Notes);
    }

    // The simulation's truth (DemoTrial remarks): psilocybin − placebo ≈ −7, −7.5, −7.5, −6 at weeks 1, 3, 6, 12.
    [Fact]
    public void Fit_Demo_GivesSensibleLsMeansAndDifferences()
    {
        Assert.Equal(8, Fit.LsMeans.Count);
        Assert.Equal([1.0, 3, 6, 12], Fit.Differences.Select(d => d.Comparison.Visit!.Value.Time));
        Assert.All(Fit.Differences, d =>
        {
            Assert.Equal(DemoTrial.Psilocybin, d.Comparison.Arm);
            Assert.Equal(DemoTrial.Placebo, d.Comparison.ReferenceArm);
            Assert.InRange(d.Estimate, -10, -4);
            Assert.True(d.Ci.Upper < 0, d.ToString());
            Assert.InRange(d.DegreesOfFreedom, 50, 118);
        });
        double[,] sigma = Fit.Covariance[0].Matrix;
        for (int i = 0; i < 4; i++)
        {
            Assert.True(sigma[i, i] > 0);
            for (int j = 0; j < i; j++) Assert.InRange(Fit.Covariance[0].Correlation[i, j], 0, 1);
        }
    }

    [Fact]
    public void LsMeanEstimate_TinyP_PrintsBelowTheSmallestShown()
    {
        LsMeanEstimate d = Fit.Differences[0];
        Assert.True(d.PValue < 1e-4);
        Assert.EndsWith(", p < 0.0001", d.ToString());
        Assert.DoesNotContain("p = 0", d.ToString());
    }
}
