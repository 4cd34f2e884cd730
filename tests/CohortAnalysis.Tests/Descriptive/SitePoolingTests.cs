using CohortAnalysis.Descriptive;
using CohortAnalysis.Inference;
using CohortAnalysis.Responders;
using Xunit;

namespace CohortAnalysis.Tests.Descriptive;

/// <summary>Multi-site pooling: accumulators built per site, serialized, merged in any order equal the pooled analysis.</summary>
public class SitePoolingTests
{
    // Property: for 300 seeded random datasets (MADRS-like scores, some with a large offset), split into 1–12 sites at
    // random cut points (empty sites allowed), each site's accumulator sent through JSON and merged in a random order,
    // the merged mean, SD, r and counts equal the pooled ones to ≤ 1e-12 relative.
    [Fact]
    public void MergedSites_EqualPooled_ForManySeededSplits()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var rng = new Random(seed);
            int n = rng.Next(2, 400);
            double offset = seed % 5 == 0 ? 1e6 : 0;
            var x = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = offset + 20 + 25 * rng.NextDouble() + (rng.Next(20) == 0 ? double.NaN : 0);
                y[i] = 0.4 * x[i] + 3 * rng.NextDouble() - (rng.Next(25) == 0 ? double.NaN : 0);
            }
            int sites = rng.Next(1, 13);
            int[] cuts = Enumerable.Range(0, sites - 1).Select(_ => rng.Next(0, n + 1)).Append(0).Append(n).Order().ToArray();

            var summaries = new List<RunningSummary>();
            var correlations = new List<RunningCorrelation>();
            var tables = new List<ResponderCounts>();
            for (int s = 0; s + 1 < cuts.Length; s++)
            {
                int from = cuts[s], length = cuts[s + 1] - cuts[s];
                summaries.Add(RunningSummary.FromJson(new RunningSummary(x.AsSpan(from, length)).ToJson()));
                correlations.Add(RunningCorrelation.FromJson(new RunningCorrelation(x.AsSpan(from, length), y.AsSpan(from, length)).ToJson()));
                ResponderCounts t = ResponderCounts.Empty;
                for (int i = from; i < from + length; i++) t = t.Add(inFirstArm: i % 2 == 0, isResponder: y[i] > 0.4 * x[i] + 1.5);
                tables.Add(ResponderCounts.FromJson(t.ToJson()));
            }
            var order = Enumerable.Range(0, summaries.Count).OrderBy(_ => rng.Next()).ToArray();
            RunningSummary merged = order.Select(i => summaries[i]).Aggregate(RunningSummary.Combine);
            RunningCorrelation mergedR = order.Select(i => correlations[i]).Aggregate(RunningCorrelation.Combine);
            ResponderCounts mergedT = order.Select(i => tables[i]).Aggregate(ResponderCounts.Combine);

            Summary pooled = Summary.Of(x);
            Assert.Equal(pooled.N, merged.N);
            Assert.Equal(pooled.Sizes.Missing, merged.NMissing);
            AssertClose.Relative(pooled.Mean, merged.Mean, 1e-12, $"seed {seed} mean");
            if (pooled.N >= 2) AssertClose.Relative(pooled.Sd, merged.Sd, 1e-12, $"seed {seed} sd");
            Assert.Equal(pooled.Min, merged.Min);
            Assert.Equal(pooled.Max, merged.Max);

            var pooledR = new RunningCorrelation(x, y);
            Assert.Equal(pooledR.N, mergedR.N);
            Assert.Equal(pooledR.NMissing, mergedR.NMissing);
            if (pooledR.N >= 3)
            {
                CorrelationEstimate direct = Correlation.Pearson(x, y);
                AssertClose.Relative(direct.Estimate, mergedR.R, 1e-12, $"seed {seed} r");
                AssertClose.Relative(direct.Ci.Lower, mergedR.Pearson().Ci.Lower, 1e-11, $"seed {seed} r CI");
                AssertClose.Relative(pooledR.MeanY, mergedR.MeanY, 1e-12, $"seed {seed} mean y");
                AssertClose.Relative(pooledR.SumOfCrossProducts, mergedR.SumOfCrossProducts, 1e-12, $"seed {seed} Cxy");
            }

            ResponderCounts pooledT = ResponderCounts.Empty;
            for (int i = 0; i < n; i++) pooledT = pooledT.Add(i % 2 == 0, y[i] > 0.4 * x[i] + 1.5);
            Assert.Equal(pooledT, mergedT);
        }
    }
}
