using CohortAnalysis.Data;
using CohortAnalysis.Missing;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Missing;

public class ImputationErrorTests
{
    private static readonly Lazy<Cohort> Demo = new(() => DemoTrial.Load());

    [Fact]
    public void ReferenceArmNotInData_ThrowsListingArms()
    {
        var e = Assert.Throws<ArgumentException>(() => MultipleImputation.Analyze(Demo.Value, "MADRS",
            new ImputationOptions { Method = ImputationMethod.ConditionalMean, Strategy = ImputationStrategy.JumpToReference, ReferenceArm = "Sugar pill" }));
        Assert.StartsWith("No arm 'Sugar pill' to use as the reference; arms are: Placebo, Psilocybin 25 mg.", e.Message);
    }

    [Fact]
    public void LmcfOnSubjectWithoutPostBaselineValue_ThrowsNamingSubject()
    {
        string subject = Demo.Value.Subjects.First(s => Demo.Value.Arms[Demo.Value.ArmIndexOfSubject(Demo.Value.IndexOfSubject(s))] == DemoTrial.Psilocybin);
        var e = Assert.Throws<ArgumentException>(() => MultipleImputation.Analyze(Demo.Value, "MADRS", new ImputationOptions
        {
            Method = ImputationMethod.ConditionalMean, Events = [new IntercurrentEvent(subject, null, ImputationStrategy.LastMeanCarriedForward)],
        }));
        Assert.StartsWith($"Subject {subject} (Psilocybin 25 mg) has no post-baseline MADRS value used, so LMCF has no mean to carry forward;", e.Message);
    }

    [Fact]
    public void EventForUnknownSubject_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => MultipleImputation.Analyze(Demo.Value, "MADRS", new ImputationOptions
        {
            Method = ImputationMethod.ConditionalMean, Events = [new IntercurrentEvent("NOBODY", 3, ImputationStrategy.JumpToReference)],
        }));
        Assert.StartsWith("Intercurrent event for subject 'NOBODY': no such subject in", e.Message);
    }

    [Fact]
    public void EventAtUnknownVisit_ThrowsListingVisits()
    {
        string subject = Demo.Value.Subjects[0];
        var e = Assert.Throws<ArgumentException>(() => MultipleImputation.Analyze(Demo.Value, "MADRS", new ImputationOptions
        {
            Method = ImputationMethod.ConditionalMean, Events = [new IntercurrentEvent(subject, 5, ImputationStrategy.JumpToReference)],
        }));
        Assert.StartsWith($"Intercurrent event for subject '{subject}': LastVisit = 5 is not a post-baseline visit of MADRS; visits are: 1, 3, 6, 12.", e.Message);
    }

    [Fact]
    public void ModelThatCannotBeFitted_NamesEachStructureTried()
    {
        Cohort small = CohortCsvReader.Read(new StringReader(DemoTrial.Generate(subjects: 8)), "small.csv");
        var e = Assert.Throws<ModelFitException>(() => MultipleImputation.Analyze(small, "MADRS", new ImputationOptions
        {
            Method = ImputationMethod.ConditionalMean, Fallback = [],
        }));
        Assert.StartsWith("MADRS: the imputation model (MMRM Y ~ ARM + VISIT + ARM*VISIT + BASE + BASE*VISIT, REML,", e.Message);
        Assert.Contains("could not be fitted with any covariance structure tried: unstructured: ", e.Message);
    }

    [Fact]
    public void OptionThatDoesNotApply_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => MultipleImputation.Analyze(Demo.Value, "MADRS",
            new ImputationOptions { Method = ImputationMethod.Bayesian, Variance = ResamplingVariance.Bootstrap }));
        Assert.StartsWith("Variance = Bootstrap applies to conditional mean imputation only; Method is Bayesian.", e.Message);
        e = Assert.Throws<ArgumentException>(() => MultipleImputation.Analyze(Demo.Value, "MADRS",
            new ImputationOptions { Method = ImputationMethod.ConditionalMean, Imputations = 50 }));
        Assert.StartsWith("Imputations = 50 does not apply to conditional mean imputation with the jackknife", e.Message);
        e = Assert.Throws<ArgumentException>(() => MultipleImputation.Analyze(Demo.Value, "MADRS",
            new ImputationOptions { Method = ImputationMethod.ApproximateBayesian, BurnIn = 10 }));
        Assert.StartsWith("BurnIn applies to Bayesian imputation only; Method is ApproximateBayesian.", e.Message);
    }

    [Fact]
    public void Options_Defaults()
    {
        var o = ImputationOptions.Default;
        Assert.Equal(ChangeVariable.Change, o.Outcome);
        Assert.Equal(ImputationMethod.Bayesian, o.Method);
        Assert.Equal(ImputationStrategy.Mar, o.Strategy);
        Assert.Empty(o.Events);
        Assert.Null(o.ReferenceArm);
        Assert.Empty(o.Covariates);
        Assert.Equal(CovarianceStructure.Unstructured, o.Covariance);
        Assert.Equal(MmrmOptions.Default.Fallback, o.Fallback);
        Assert.Null(o.Imputations);
        Assert.Null(o.Variance);
        Assert.Null(o.BurnIn);
        Assert.Null(o.Thin);
        Assert.Equal(0, o.Delta);
        Assert.Equal(DeltaArms.Active, o.DeltaArms);
        Assert.Equal(20240601UL, o.Seed);
        Assert.Equal(0.95, o.CiLevel);
        Assert.Equal(-1, o.MaxDegreeOfParallelism);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImputationOptions { Imputations = 1 });
    }

    [Fact]
    public void Tokens_RoundTrip()
    {
        foreach (ImputationStrategy s in Enum.GetValues<ImputationStrategy>()) Assert.Equal(s, ImputationTokens.ParseStrategy(s.Token()));
        foreach (ImputationMethod m in Enum.GetValues<ImputationMethod>()) Assert.Equal(m, ImputationTokens.ParseMethod(m.Token()));
        Assert.Equal(["mar", "j2r", "cr", "cir", "lmcf"], Enum.GetValues<ImputationStrategy>().Select(s => s.Token()));
        var e = Assert.Throws<ArgumentException>(() => ImputationTokens.ParseStrategy("jr"));
        Assert.StartsWith("'jr' is not a known strategy; use one of: mar, j2r, cr, cir, lmcf.", e.Message);
    }
}
