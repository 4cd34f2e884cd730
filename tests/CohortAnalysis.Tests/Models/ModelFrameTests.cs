using CohortAnalysis.Models;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace CohortAnalysis.Tests.Models;

public sealed class ModelFrameTests
{
    // A small unbalanced two-arm data set with a two-level factor and a continuous covariate.
    private static readonly string[] Arm = ["P", "P", "P", "P", "T", "T", "T", "T", "T", "P"];
    private static readonly string[] Sex = ["F", "M", "F", "F", "M", "M", "F", "M", "M", "M"];
    private static readonly double[] Base = [20, 24, 31, 27, 22, 29, 25, 30, 21, 26];
    private static readonly double[] Y = [-3, -5, -2, -6, -9, -12, -8, -11, -10, -4];

    private static ModelData Data() => new ModelData(Arm.Length)
        .AddFactor("ARM", Arm).AddFactor("SEX", Sex).AddNumeric("BASE", Base).AddNumeric("Y", Y);

    [Fact]
    public void Frame_HierarchicalInteraction_UsesContrastColumns()
    {
        var frame = new ModelFrame(Data(), [new("ARM"), new("SEX"), new("ARM", "SEX"), new("BASE"), new("BASE", "ARM")]);
        Assert.Equal(["(Intercept)", "ARM[T]", "SEX[M]", "ARM[T]*SEX[M]", "BASE", "BASE*ARM[T]"], frame.ColumnNames);
        Assert.Equal(10, frame.Rows.Length);
        Assert.Equal(Base[4], frame.X[4, 5]);   // BASE*ARM[T] for a T subject
        Assert.Equal(0, frame.X[0, 5]);
    }

    [Fact]
    public void Frame_InteractionWithoutMarginal_UsesIndicatorColumns()
    {
        // R model.matrix(~ ARM + ARM:BASE): BASE enters per arm.
        var frame = new ModelFrame(Data(), [new("ARM"), new("ARM", "BASE")]);
        Assert.Equal(["(Intercept)", "ARM[T]", "ARM[P]*BASE", "ARM[T]*BASE"], frame.ColumnNames);
    }

    [Fact]
    public void Frame_SasCoding_DropsLastLevel()
    {
        var frame = new ModelFrame(Data(), [new("ARM")], coding: FactorCoding.ReferenceLast);
        Assert.Equal(["(Intercept)", "ARM[P]"], frame.ColumnNames);
    }

    [Fact]
    public void LsMeans_ArmOnly_AreArmMeans()
    {
        var frame = new ModelFrame(Data(), [new("ARM")]);
        LeastSquares fit = LeastSquares.Fit(frame.X, Vector<double>.Build.DenseOfArray(Y));
        ReferenceGrid grid = ReferenceGrid.Build(frame, ["ARM"]);
        foreach (ReferenceGridCell cell in grid.Cells)
        {
            double mean = Enumerable.Range(0, Y.Length).Where(i => Arm[i] == cell.Levels[0]).Average(i => Y[i]);
            LinearEstimate e = LinearEstimate.Of(cell.L, fit.Beta, fit.Covariance, _ => fit.ResidualDf, 0.95);
            AssertClose.Relative(mean, e.Estimate, 1e-12, cell.Levels[0]);
            Assert.Equal(5, cell.Count);
        }
        Assert.Equal(2, grid.Cells.Count);
    }

    [Fact]
    public void LsMeans_EqualWeights_AverageTheFactorLevelsAlike_ProportionalWeights_ByFrequency()
    {
        var frame = new ModelFrame(Data(), [new("ARM"), new("SEX"), new("BASE")]);
        LeastSquares fit = LeastSquares.Fit(frame.X, Vector<double>.Build.DenseOfArray(Y));
        double baseMean = Base.Average();
        double Predict(string arm, string sex) =>
            fit.Beta[0] + (arm == "T" ? fit.Beta[1] : 0) + (sex == "M" ? fit.Beta[2] : 0) + fit.Beta[3] * baseMean;

        ReferenceGridCell equal = ReferenceGrid.Build(frame, ["ARM"]).Cell("T");
        AssertClose.Relative((Predict("T", "F") + Predict("T", "M")) / 2, Dot(equal.L, fit.Beta), 1e-12);

        ReferenceGridCell proportional = ReferenceGrid.Build(frame, ["ARM"], LsMeanWeights.Proportional).Cell("T");
        double males = Sex.Count(s => s == "M") / (double)Sex.Length;
        AssertClose.Relative((1 - males) * Predict("T", "F") + males * Predict("T", "M"), Dot(proportional.L, fit.Beta), 1e-12);
    }

    [Fact]
    public void Contrast_NeedsOneCoefficientPerCell()
    {
        var frame = new ModelFrame(Data(), [new("ARM")]);
        ReferenceGrid grid = ReferenceGrid.Build(frame, ["ARM"]);
        double[] diff = grid.Contrast([1, -1]);
        Assert.Equal(ReferenceGrid.Difference(grid.Cells[0], grid.Cells[1]), diff);
        Assert.Throws<ArgumentException>(() => grid.Contrast([1]));
    }

    [Fact]
    public void Frame_MissingValues_AreCountedByVariable()
    {
        double[] b = (double[])Base.Clone();
        b[2] = double.NaN;
        ModelData data = new ModelData(Arm.Length).AddFactor("ARM", Arm).AddNumeric("BASE", b);
        var frame = new ModelFrame(data, [new("ARM"), new("BASE")]);
        Assert.Equal(9, frame.Rows.Length);
        Assert.Equal(1, frame.Excluded["BASE"]);
    }

    [Fact]
    public void Frame_ConstantCovariate_Throws()
    {
        ModelData data = Data().AddNumeric("SITE", Enumerable.Repeat(3.0, Arm.Length).ToArray());
        var e = Assert.Throws<ModelSpecificationException>(() => new ModelFrame(data, [new("ARM"), new("SITE")]));
        Assert.Equal("Covariate SITE is constant (= 3) over the 10 records analysed; it cannot be estimated. Remove it from the model.", e.Message);
    }

    [Fact]
    public void Frame_CollinearCovariates_Throws()
    {
        ModelData data = Data().AddNumeric("BASE2", Base.Select(b => 2 * b + 1).ToArray());
        var e = Assert.Throws<ModelSpecificationException>(() => new ModelFrame(data, [new("ARM"), new("BASE"), new("BASE2")]));
        Assert.Equal("Column BASE2 of term BASE2 is a linear combination of earlier columns (collinear covariates); remove one of the collinear terms.", e.Message);
    }

    [Fact]
    public void Frame_SingleLevelFactor_Throws()
    {
        ModelData data = new ModelData(3).AddFactor("ARM", ["A", "A", "A"]).AddNumeric("Y", [1, 2, 3]);
        var e = Assert.Throws<ModelSpecificationException>(() => new ModelFrame(data, [new("ARM")]));
        Assert.Equal("ARM has a single level ('A') in the 3 records analysed; it cannot be a model term.", e.Message);
    }

    [Fact]
    public void Frame_LevelWithoutRecords_Throws()
    {
        ModelData data = new ModelData(4).AddFactor("VISIT", ["W1", "W2", "W1", "W2"], ["W1", "W2", "W3"]);
        var e = Assert.Throws<ModelSpecificationException>(() => new ModelFrame(data, [new("VISIT")]));
        Assert.Equal("VISIT level 'W3' has no record among the 4 analysed; drop the level or check the data.", e.Message);
    }

    private static double Dot(double[] l, Vector<double> b) => l.Select((x, i) => x * b[i]).Sum();
}
