using CohortAnalysis.Change;
using CohortAnalysis.Data;
using CohortAnalysis.Instruments;
using CohortAnalysis.Responders;
using Xunit;

namespace CohortAnalysis.Tests;

/// <summary>A cohort is immutable: parallel analyses of one shared instance give the same answers as sequential ones.</summary>
public class ThreadSafetyTests
{
    [Fact]
    public void SharedCohort_ParallelAnalyses_MatchSequential()
    {
        Cohort cohort = DemoTrial.Load();
        string Run(int i)
        {
            var method = (MissingDataMethod)(i % 4);
            Trajectories t = Trajectories.Of(cohort, i % 2 == 0 ? "MADRS" : "PAINNRS", method);
            var counts = ResponderClassification.Of(t, ResponderRule.Response(t.Instrument!), 12).CountByArm();
            return string.Join(";", counts) + cohort.Describe().Completeness.Count + cohort.ToDataFrame().Rows.Count;
        }
        string[] sequential = Enumerable.Range(0, 64).Select(Run).ToArray();
        string[] parallel = new string[64];
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Run(i));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void ParallelReads_OfTheSameFile_GiveIdenticalCohorts()
    {
        string csv = DemoTrial.Generate(seed: 11, subjects: 200);
        double[][] values = new double[16][];
        Parallel.For(0, 16, i => values[i] = CohortCsvReader.Parse(csv).Changes.ToArray());
        Assert.All(values, v => Assert.Equal(values[0], v));
    }
}
