using CohortAnalysis.Models;
using CohortAnalysis.Tests.Data;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Tests.Models;

/// <summary><see cref="Mmrm.CompareStructures"/> and the text tables of an <see cref="MmrmFit"/>. The fit statistics
/// themselves are checked against SAS PROC MIXED in <see cref="MmrmSasTests"/>; here each row must be the fit that
/// <see cref="Mmrm.Fit"/> gives for that structure, and the table must say which is best.</summary>
public sealed class MmrmStructureComparisonTests
{
    private static readonly Lazy<Cohort> Demo = new(() => DemoTrial.Load());

    [Fact]
    public void CompareStructures_EachRowIsTheFitOfThatStructure()
    {
        CovarianceStructure[] structures = [CovarianceStructure.Unstructured, CovarianceStructure.CompoundSymmetry, CovarianceStructure.Autoregressive];
        CovarianceStructureComparison comparison = Mmrm.CompareStructures(Demo.Value, "MADRS", structures);
        Assert.Equal(structures.Length, comparison.Rows.Count);
        foreach (var (structure, row) in structures.Zip(comparison.Rows))
        {
            MmrmFit fit = Mmrm.Fit(Demo.Value, "MADRS", new() { Covariance = structure, Fallback = [] });
            Assert.Equal(structure, row.Structure);
            Assert.True(row.Converged);
            Assert.Equal(fit.CovarianceParameterCount, row.Parameters);
            Assert.Equal(fit.Minus2LogLikelihood, row.Minus2LogLikelihood, 1e-9);
            Assert.Equal(fit.Aic, row.Aic, 1e-9);
            Assert.Equal(fit.Aicc, row.Aicc, 1e-9);
            Assert.Equal(fit.Bic, row.Bic, 1e-9);
        }
        Assert.Equal(comparison.Rows.MinBy(r => r.Aic)!.Structure, comparison.BestByAic);
        Assert.Equal(comparison.Rows.MinBy(r => r.Bic)!.Structure, comparison.BestByBic);
        Assert.Equal(CovarianceStructure.CompoundSymmetry, comparison.BestByBic);   // 2 parameters; UN's 10 cost 8 log(118) in BIC
    }

    [Fact]
    public void CompareStructures_Default_FitsAllNine()
    {
        CovarianceStructureComparison comparison = Mmrm.CompareStructures(Demo.Value, "MADRS");
        Assert.Equal(Enum.GetValues<CovarianceStructure>(), comparison.Rows.Select(r => r.Structure));
        Assert.All(comparison.Rows, r => Assert.True(r.Converged, r.Note));
        TableView table = comparison.ToTableView();
        Assert.Equal(9, table.Rows.Count);
        Assert.Equal("0.00", table.Rows.Single(r => r[1] == "CSH")[7]);   // the smallest AIC on the demo trial
        Assert.StartsWith("Best by AIC: heterogeneous compound-symmetric (CSH)", table.Notes[0]);
    }

    [Fact]
    public void CompareStructures_TooManyParametersForTheData_IsARowNotAnError()
    {
        Cohort small = CsvText.Read(DemoTrial.Generate(subjects: 8), "small.csv");
        CovarianceStructureComparison comparison = Mmrm.CompareStructures(small, "MADRS",
            [CovarianceStructure.Unstructured, CovarianceStructure.CompoundSymmetry]);
        CovarianceStructureFit un = comparison.Rows[0];
        Assert.False(un.Converged);
        Assert.Equal(10, un.Parameters);
        Assert.True(double.IsNaN(un.Aic));
        Assert.Contains("fewer than the 10 parameters", un.Note);
        Assert.True(comparison.Rows[1].Converged, comparison.Rows[1].Note);
        Assert.Equal(CovarianceStructure.CompoundSymmetry, comparison.BestByAic);
        Assert.Equal("NA", comparison.ToTableView().Rows[0][7]);
    }

    [Fact]
    public void CompareStructures_NoStructureOrOneTwice_Throws()
    {
        Assert.Equal("No covariance structure to compare; give at least one. (Parameter 'structures')",
            Assert.Throws<ArgumentException>(() => Mmrm.CompareStructures(Demo.Value, "MADRS", [])).Message);
        Assert.StartsWith("Covariance structure CS is listed twice.",
            Assert.Throws<ArgumentException>(() => Mmrm.CompareStructures(Demo.Value, "MADRS",
                [CovarianceStructure.CompoundSymmetry, CovarianceStructure.CompoundSymmetry])).Message);
    }

    [Fact]
    public void FitTables_ShowEveryLsMeanDifferenceAndTheCovariance()
    {
        MmrmFit fit = Mmrm.Fit(Demo.Value, "MADRS");
        Assert.Equal("CHG ~ ARM + VISIT + ARM*VISIT + BASE + BASE*VISIT", fit.Formula);
        Assert.Equal(DemoTrial.Placebo, fit.ReferenceArm);
        Assert.Equal(fit.LsMeans.Count, fit.LsMeansTable().Rows.Count);
        Assert.Equal(2, fit.LsMeansTable(12).Rows.Count);
        Assert.Equal(fit.Differences.Count, fit.DifferencesTable().Rows.Count);
        Assert.Equal(fit.LsMeans.Count + fit.Differences.Count, fit.ToTableView().Rows.Count);
        TableView covariance = fit.CovarianceTable();
        Assert.Equal(4, covariance.Rows.Count);
        Assert.Equal(["", "Week 1", "Week 3", "Week 6", "Week 12"], covariance.Columns.Select(c => c.Header));
        Assert.NotEqual("1.000", covariance.Rows[0][1]);
        string text = fit.ToText(visit: 12);
        Assert.Contains("Unstructured covariance (as requested), REML, Satterthwaite df, model-based SE.", text);
        Assert.Contains("-2 Res Log Likelihood", text);
        Assert.Contains("Week 12  Psilocybin 25 mg - Placebo", text);
        Assert.DoesNotContain("Week 6   Psilocybin 25 mg - Placebo", text);
    }
}
