using CohortAnalysis.Change;
using CohortAnalysis.Pooling;
using Xunit;
using CohortAnalysis.Data;

namespace CohortAnalysis.Tests.Pooling;

public class SiteSummaryTests
{
    private static readonly Cohort Demo = DemoTrial.Load();

    // Property: however subjects are split into sites (seeded, 60 ways, 1–9 sites, every missing-data method), merging the
    // sites' JSON summaries gives the pooled summary: counts exactly, means/SDs/r to 1e-12 relative.
    [Fact]
    public void Combine_OfRandomSiteSplits_EqualsPooled()
    {
        var random = new Random(20221103);
        for (int split = 0; split < 60; split++)
        {
            var options = new SiteSummaryOptions { MissingData = (MissingDataMethod)(split % 4) };
            SiteSummary pooled = SiteSummary.Of(Demo, "all", options);
            int sites = 1 + random.Next(9);
            int[] siteOf = Enumerable.Range(0, Demo.Subjects.Count).Select(_ => random.Next(sites)).ToArray();
            var parts = Enumerable.Range(0, sites)
                .Where(k => siteOf.Contains(k))
                .Select(k => SiteSummary.FromJson(SiteSummary.Of(Demo.Subset(s => siteOf[s] == k), $"site {k}", options).ToJson()))
                .OrderBy(_ => random.Next()).ToList();
            SiteSummary merged = SiteSummary.Combine(parts);
            AssertSame(pooled, merged);
        }
    }

    [Fact]
    public void BySite_MergedEqualsPooled_AndNamesTheSites()
    {
        IReadOnlyDictionary<string, SiteSummary> bySite = SiteSummary.BySite(Demo);
        Assert.Equal(["101", "102", "103", "104"], bySite.Keys);
        SiteSummary merged = SiteSummary.Combine(bySite.Values);
        AssertSame(SiteSummary.Of(Demo, "all"), merged);
        Assert.Equal(["101", "102", "103", "104"], merged.Sites);
    }

    [Fact]
    public void ChangeTable_MatchesTheOrdinarySummary()
    {
        PooledChangeTable pooled = SiteSummary.Combine(SiteSummary.BySite(Demo).Values).ChangeTable();
        ChangeSummaryTable direct = ChangeFromBaseline.Summarize(Demo);
        foreach (ChangeSummaryRow row in direct.Rows)
        {
            PooledChangeRow p = pooled.Rows.Single(r => r.Key == new SummaryKey(row.Parameter, row.Arm, row.Visit.Time, row.Variable));
            Assert.Equal(row.Summary.N, p.Sizes.Used);
            Assert.Equal(row.Summary.Sizes.Missing, p.Sizes.Missing);
            AssertClose.Relative(row.Summary.Mean, p.Mean, 1e-12, $"{row} mean");
            AssertClose.Relative(row.Summary.Sd, p.Sd, 1e-12, $"{row} sd");
            AssertClose.Relative(row.Summary.MeanCi.Lower, p.MeanCi.Lower, 1e-12, $"{row} ci");
        }
    }

    [Fact]
    public void Combine_DifferentOptions_IsRefused()
    {
        var a = SiteSummary.Of(Demo, "a");
        var b = SiteSummary.Of(Demo, "b", new SiteSummaryOptions { MissingData = MissingDataMethod.Locf });
        Assert.Throws<ArgumentException>(() => SiteSummary.Combine(a, b));
    }

    private static void AssertSame(SiteSummary expected, SiteSummary actual)
    {
        Assert.True(expected.Summaries.Keys.ToHashSet().SetEquals(actual.Summaries.Keys));
        foreach (var (key, e) in expected.Summaries)
        {
            var a = actual.Summaries[key];
            Assert.Equal(e.N, a.N);
            Assert.Equal(e.NMissing, a.NMissing);
            AssertClose.Relative(e.Mean, a.Mean, 1e-12, key.ToString());
            AssertClose.Relative(e.Sd, a.Sd, 1e-12, key.ToString());
            Assert.Equal(e.Min, a.Min);
            Assert.Equal(e.Max, a.Max);
        }
        Assert.True(expected.Responders.ToHashSet().SetEquals(actual.Responders));
        Assert.True(expected.Imputed.ToHashSet().SetEquals(actual.Imputed));
        Assert.True(expected.Correlations.Keys.ToHashSet().SetEquals(actual.Correlations.Keys));
        foreach (var (key, e) in expected.Correlations)
        {
            Assert.Equal(e.N, actual.Correlations[key].N);
            AssertClose.Relative(e.R, actual.Correlations[key].R, 1e-12, key.ToString());
        }
    }
}
