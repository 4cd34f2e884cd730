using CohortAnalysis.Data;
using CohortAnalysis.Missing;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Missing;

public class MultipleImputationTests
{
    private static readonly Lazy<Cohort> Demo = new(() => DemoTrial.Load());
    private const string Madrs = "MADRS";

    // Under MAR, conditional mean imputation from the MMRM (ARM*VISIT + BASE*VISIT) followed by ANCOVA at each visit
    // reproduces the MMRM's LS-mean differences exactly: with rᵢ = yᵢ − Xᵢβ̂ the completed residual is Σ[Σ_OO⁻¹r_O; 0], so the
    // completed-data normal equations are the GLS equations of the observed data (von Hippel & Bartlett 2021, §4;
    // Wolbers et al. 2022, §2.3). Tolerance 1e-7 relative: both sides stop the REML iterations at the same criterion.
    [Fact]
    public void ConditionalMean_Mar_ReproducesMmrmDifferences()
    {
        MmrmFit mmrm = Mmrm.Fit(Demo.Value, Madrs);
        ImputationResult cm = MultipleImputation.Analyze(Demo.Value, Madrs, new ImputationOptions { Method = ImputationMethod.ConditionalMean });
        Assert.Equal(mmrm.Differences.Count, cm.Differences.Count);
        foreach (PooledEstimate d in cm.Differences)
        {
            LsMeanEstimate expected = mmrm.Differences.Single(e => e.Comparison.Visit == d.Comparison.Visit);
            AssertClose.Relative(expected.Estimate, d.Estimate, 1e-7, d.Comparison.Describe());
            Assert.Equal(CiMethod.Normal, d.Ci.Method);
            Assert.True(d.StandardError > 0);
            Assert.Equal(MissingDataMethod.ConditionalMeanImputation, d.Comparison.MissingData);
        }
    }

    // The jackknife SE under MAR should be close to the MMRM's model-based SE (both estimate the same sampling SD); 25%.
    [Fact]
    public void ConditionalMean_JackknifeSe_IsNearMmrmSe()
    {
        MmrmFit mmrm = Mmrm.Fit(Demo.Value, Madrs);
        ImputationResult cm = MultipleImputation.Analyze(Demo.Value, Madrs, new ImputationOptions { Method = ImputationMethod.ConditionalMean });
        PooledEstimate last = cm.Differences[^1];
        double expected = mmrm.Differences.Single(e => e.Comparison.Visit == last.Comparison.Visit).StandardError;
        Assert.InRange(last.StandardError / expected, 0.75, 1.25);
    }

    // Bayesian MI under MAR converges to the MMRM estimate as M grows. Monte Carlo SE of the pooled estimate is √(b/M)
    // (≈ 0.02 here with M = 200); the posterior mean under the Jeffreys prior differs from the REML point estimate by
    // O(SE/n). Tolerance: 0.1 × the MMRM SE (≈ 0.1 points of MADRS), about 5 Monte Carlo SEs.
    [Fact]
    public void Bayesian_Mar_LargeM_ConvergesToMmrm()
    {
        MmrmFit mmrm = Mmrm.Fit(Demo.Value, Madrs);
        ImputationResult mi = MultipleImputation.Analyze(Demo.Value, Madrs, new ImputationOptions { Imputations = 200 });
        foreach (PooledEstimate d in mi.Differences)
        {
            LsMeanEstimate expected = mmrm.Differences.Single(e => e.Comparison.Visit == d.Comparison.Visit);
            double monteCarloSe = Math.Sqrt(d.BetweenVariance / d.Imputations);
            Assert.True(monteCarloSe < 0.03 * expected.StandardError * 10, $"Monte Carlo SE {monteCarloSe}");
            AssertClose.Absolute(expected.Estimate, d.Estimate, 0.1 * expected.StandardError, d.Comparison.Describe());
            Assert.InRange(d.StandardError / expected.StandardError, 0.85, 1.2);
            Assert.InRange(d.FractionMissingInformation, 0, 1);
            Assert.Equal(CiMethod.T, d.Ci.Method);
        }
    }

    [Theory]
    [InlineData(ImputationMethod.Bayesian)]
    [InlineData(ImputationMethod.ApproximateBayesian)]
    public void SameSeed_AnyThreadCount_GivesIdenticalBits(ImputationMethod method)
    {
        var options = new ImputationOptions { Method = method, Imputations = 12, Strategy = ImputationStrategy.JumpToReference };
        ImputationResult one = MultipleImputation.Analyze(Demo.Value, Madrs, options with { MaxDegreeOfParallelism = 1 });
        ImputationResult many = MultipleImputation.Analyze(Demo.Value, Madrs, options with { MaxDegreeOfParallelism = 4 });
        ImputationResult again = MultipleImputation.Analyze(Demo.Value, Madrs, options);
        Assert.Equal(one.Estimates.Select(e => BitConverter.DoubleToInt64Bits(e.Estimate)), many.Estimates.Select(e => BitConverter.DoubleToInt64Bits(e.Estimate)));
        Assert.Equal(one.Estimates.Select(e => BitConverter.DoubleToInt64Bits(e.StandardError)), again.Estimates.Select(e => BitConverter.DoubleToInt64Bits(e.StandardError)));
        ImputationResult other = MultipleImputation.Analyze(Demo.Value, Madrs, options with { Seed = 7 });
        Assert.NotEqual(one.Estimates[^1].Estimate, other.Estimates[^1].Estimate);
    }

    // Jump to reference moves the active arm's dropouts to placebo's mean, so the benefit shrinks; copy reference also
    // removes the pre-dropout benefit from the conditional mean, and CIR keeps the benefit reached (Carpenter et al. 2013).
    [Fact]
    public void ReferenceBased_ConditionalMean_ShrinksTheDifference()
    {
        double Last(ImputationStrategy s) => MultipleImputation.Analyze(Demo.Value, Madrs,
            new ImputationOptions { Method = ImputationMethod.ConditionalMean, Strategy = s }).Differences[^1].Estimate;
        double mar = Last(ImputationStrategy.Mar), j2r = Last(ImputationStrategy.JumpToReference), cir = Last(ImputationStrategy.CopyIncrementsFromReference);
        Assert.True(mar < 0);
        Assert.True(j2r > mar, $"J2R {j2r} vs MAR {mar}");
        Assert.True(cir >= mar && cir <= j2r, $"CIR {cir} between MAR {mar} and J2R {j2r}");
    }

    [Fact]
    public void Delta_ZeroGrid_EqualsPrimary_AndTippingPointIsFound()
    {
        var options = new ImputationOptions { Method = ImputationMethod.ConditionalMean, Strategy = ImputationStrategy.JumpToReference };
        ImputationResult primary = MultipleImputation.Analyze(Demo.Value, Madrs, options);
        TippingPointResult tip = MultipleImputation.TippingPoint(Demo.Value, Madrs, 12, [0, 20, 40, 80, 160, 320], options);
        Assert.Equal(6, tip.Rows.Count);
        Assert.Equal(primary.Differences[^1].Estimate, tip.Rows[0].Estimate);
        Assert.True(tip.Rows[1].Estimate > tip.Rows[0].Estimate);
        Assert.NotNull(tip.TippingDelta);
        Assert.True(tip.Rows.First(r => r.Delta == tip.TippingDelta).PValue >= 0.05);
    }

    [Fact]
    public void UserAnalysis_IsPooled()
    {
        static IReadOnlyList<CompleteDataEstimate> MeanDifference(CompletedDataset data)
        {
            int last = data.Visits.Count - 1, reference = data.Arms.ToList().IndexOf(data.ReferenceArm);
            var groups = Enumerable.Range(0, data.Count).GroupBy(r => data.ArmIndex(r) == reference).ToDictionary(g => g.Key, g => g.Select(r => data.Value(r, last)).ToArray());
            double Var(double[] x) => x.Sum(v => (v - x.Average()) * (v - x.Average())) / (x.Length - 1) / x.Length;
            return [new CompleteDataEstimate(new Comparison { Term = "mean difference" }, "Mean difference",
                groups[false].Average() - groups[true].Average(), Var(groups[false]) + Var(groups[true]), double.PositiveInfinity)];
        }
        ImputationResult r = MultipleImputation.Analyze(Demo.Value, Madrs, MeanDifference, new ImputationOptions { Imputations = 10 });
        PooledEstimate e = Assert.Single(r.Estimates);
        Assert.Equal("Mean difference", e.Name);
        Assert.InRange(e.FractionMissingInformation, 0, 1);
        Assert.Empty(r.Differences);
    }

    [Fact]
    public void SubjectStrategies_CountDropoutsAndImputedValues()
    {
        ImputationResult r = MultipleImputation.Analyze(Demo.Value, Madrs, new ImputationOptions { Method = ImputationMethod.ConditionalMean });
        Assert.Equal(120, r.SubjectsUsed);
        Assert.All(r.SubjectStrategies.Where(s => s.Source == StrategySource.Complete), s => Assert.Equal(0, s.ValuesImputed));
        Assert.All(r.SubjectStrategies.Where(s => s.Source == StrategySource.Dropout), s => Assert.True(s.ValuesImputed > 0));
        Assert.Equal(r.SubjectStrategies.Sum(s => s.ValuesImputed), r.Differences.GroupBy(d => d.Comparison.Visit).Sum(g => g.First().Sizes.Missing));
    }

    // Bootstrap and jackknife estimate the same sampling SD; with B = 200 the bootstrap SE has ~5% Monte Carlo error. 25%.
    [Fact]
    public void ConditionalMean_BootstrapSe_IsNearJackknifeSe()
    {
        var options = new ImputationOptions { Method = ImputationMethod.ConditionalMean, Strategy = ImputationStrategy.JumpToReference };
        PooledEstimate jack = MultipleImputation.Analyze(Demo.Value, Madrs, options).Differences[^1];
        PooledEstimate boot = MultipleImputation.Analyze(Demo.Value, Madrs, options with { Variance = ResamplingVariance.Bootstrap, Imputations = 200 }).Differences[^1];
        Assert.Equal(jack.Estimate, boot.Estimate);
        Assert.Equal(200, boot.Imputations);
        Assert.InRange(boot.StandardError / jack.StandardError, 0.75, 1.25);
    }

    [Fact]
    public void Cancelled_Throws_AndProgressReachesTotal()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => MultipleImputation.Analyze(Demo.Value, Madrs,
            new ImputationOptions { Imputations = 5 }, cancellationToken: cancelled.Token));
        var reports = new List<ImputationProgress>();
        var progress = new SynchronousProgress(reports);
        MultipleImputation.Analyze(Demo.Value, Madrs, new ImputationOptions { Method = ImputationMethod.ApproximateBayesian, Imputations = 5 }, progress);
        Assert.Contains(reports, r => r.Stage == "imputations" && r.Completed == 5 && r.Total == 5);
        Assert.Contains(reports, r => r.Stage == "analyses" && r.Completed == 5 && r.Total == 5);
        Assert.True(reports.FindLastIndex(r => r.Stage == "imputations") < reports.FindIndex(r => r.Stage == "analyses"), "analyses follow the imputations");
        reports.Clear();
        MultipleImputation.TippingPoint(Demo.Value, Madrs, 12, [0, 1, 2], new ImputationOptions { Imputations = 4, BurnIn = 10, Thin = 1 }, progress: progress);
        Assert.Equal(12, reports.Count(r => r.Stage == "analyses"));
        Assert.Contains(reports, r => r.Stage == "analyses" && r.Completed == 12 && r.Total == 12);
    }

    private sealed class SynchronousProgress(List<ImputationProgress> reports) : IProgress<ImputationProgress>
    {
        public void Report(ImputationProgress value) { lock (reports) reports.Add(value); }
    }
}
