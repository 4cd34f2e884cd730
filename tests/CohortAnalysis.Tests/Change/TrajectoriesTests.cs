using CohortAnalysis.Change;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Change;

public class TrajectoriesTests
{
    // S1 observed throughout; S2 drops out after week 1; S3 misses week 1 only; S4 has no post-baseline value.
    private const string Csv = "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\n" +
        "S1,A,MADRS,0,30\nS1,A,MADRS,1,24\nS1,A,MADRS,3,20\nS1,A,MADRS,6,15\n" +
        "S2,A,MADRS,0,32\nS2,A,MADRS,1,36\n" +
        "S3,B,MADRS,0,28\nS3,B,MADRS,1,NA\nS3,B,MADRS,3,20\nS3,B,MADRS,6,18\n" +
        "S4,B,MADRS,0,26\n";

    private static Trajectories Build(MissingDataMethod method) => Trajectories.Of(CohortCsvReader.Parse(Csv), "MADRS", method);

    [Fact]
    public void ObservedCases_ImputesNothing()
    {
        Trajectories t = Build(MissingDataMethod.ObservedCases);
        Assert.Equal(0, t.ImputedCount);
        Assert.Equal([0.0, 1, 3, 6], t.Visits.Select(v => v.Time));
        Assert.True(double.IsNaN(t.Value(1, 2)));
        Assert.Equal(-15, t.Change(0, 3));
        Assert.True(double.IsNaN(t.Change(0, 0))); // baseline visit: no CHG
    }

    [Fact]
    public void Locf_CarriesLastPostBaselineValue_NotBaseline()
    {
        Trajectories t = Build(MissingDataMethod.Locf);
        Assert.Equal(36, t.Value(1, 3));          // S2 week 6 = week 1
        Assert.Equal(4, t.Change(1, 3));
        Assert.True(t.IsImputed(1, 2));
        Assert.True(double.IsNaN(t.Value(2, 1))); // S3 week 1: nothing observed after baseline before it
        Assert.True(double.IsNaN(t.Value(3, 3))); // S4: no post-baseline value to carry
        Assert.Equal(2, t.ImputedCount);
    }

    [Fact]
    public void Bocf_CarriesBaseline_ChangeZero()
    {
        Trajectories t = Build(MissingDataMethod.Bocf);
        Assert.Equal(0, t.Change(1, 3));
        Assert.Equal(0, t.Change(2, 1));
        Assert.Equal(0, t.Change(3, 3));
        Assert.Equal(2 + 1 + 3, t.ImputedCount);
    }

    [Fact]
    public void Wocf_CarriesWorstSoFar_BaselineIncluded()
    {
        Trajectories t = Build(MissingDataMethod.Wocf);
        Assert.Equal(36, t.Value(1, 3)); // S2: worst = 36 (week 1) > baseline 32
        Assert.Equal(28, t.Value(2, 1)); // S3: worst so far = baseline
        Assert.Equal(26, t.Value(3, 2));
    }

    [Fact]
    public void UnknownParameter_ListsKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => Trajectories.Of(CohortCsvReader.Parse(Csv), "PHQ9"));
        Assert.StartsWith("The cohort has no parameter 'PHQ9'; it has: MADRS.", e.Message);
    }
}

/// <summary>A large grid (45 000 subjects): every cell is what the cohort's rows and the missing-data rule give, checked
/// cell by cell against a direct reading of the rows.</summary>
public sealed class LargeTrajectoriesTests
{
    [Theory]
    [InlineData(MissingDataMethod.ObservedCases)]
    [InlineData(MissingDataMethod.Locf)]
    [InlineData(MissingDataMethod.Bocf)]
    public void Of_LargeCohort_EveryCellAsTheRowsSay(MissingDataMethod method)
    {
        Cohort cohort = CohortAnalysis.Data.CohortCsvReader.Parse(CohortAnalysis.Data.DemoTrial.Generate(subjects: 45_000), "demo.csv");
        Trajectories t = Trajectories.Of(cohort, "MADRS", method);
        Assert.True(t.SubjectCount * t.Visits.Count >= 200_000);

        // Observed scores straight from the rows: subject -> visit time -> value.
        var observed = new Dictionary<int, Dictionary<double, double>>();
        var baselineTime = new Dictionary<int, double>();
        int p = cohort.Parameters.ToList().IndexOf("MADRS");
        for (int r = 0; r < cohort.ObservationCount; r++)
        {
            if (cohort.ParameterIndex[r] != p) continue;
            int s = cohort.SubjectIndex[r];
            if (!observed.TryGetValue(s, out var byTime)) observed[s] = byTime = [];
            byTime[cohort.VisitTimes[r]] = cohort.Values[r];
            baselineTime[s] = cohort.BaselineVisitTimes[r];
        }
        Assert.Equal(observed.Count, t.SubjectCount);
        int imputed = 0;
        for (int row = 0; row < t.SubjectCount; row++)
        {
            var byTime = observed[t.SubjectIndices[row]];
            double baseTime = baselineTime[t.SubjectIndices[row]];
            double baseline = t.Baseline(row), carried = method == MissingDataMethod.Bocf ? baseline : double.NaN;
            for (int v = 0; v < t.Visits.Count; v++)
            {
                double time = t.Visits[v].Time;
                double expected = byTime.TryGetValue(time, out double x) ? x : double.NaN;
                bool post = !double.IsNaN(baseTime) && time > baseTime;
                if (post && method == MissingDataMethod.Locf && !double.IsNaN(expected)) carried = expected;
                bool fill = post && method != MissingDataMethod.ObservedCases && double.IsNaN(expected) && !double.IsNaN(carried);
                if (fill) { expected = carried; imputed++; }
                Assert.Equal(expected, t.Value(row, v));
                Assert.Equal(fill, t.IsImputed(row, v));
                Assert.Equal(post ? expected - baseline : double.NaN, t.Change(row, v));
            }
        }
        Assert.Equal(imputed, t.ImputedCount);
    }
}
