using CohortAnalysis.Plotting;

namespace CohortAnalysis.Tests.Plotting;

/// <summary>A small synthetic two-arm MADRS/pain trial, generated from a fixed seed, for plot tests.</summary>
internal static class PlotFixtures
{
    internal const string Placebo = "Placebo";
    internal const string Active = "Psilocybin 25 mg";
    private static readonly double[] Weeks = [0, 1, 2, 4, 6];

    /// <summary>20 subjects per arm: baseline MADRS ≈ 32, declining faster on the active arm; a few missed visits.</summary>
    internal static IReadOnlyList<SubjectTrajectory> Trajectories()
    {
        var random = new Random(20261125);
        var subjects = new List<SubjectTrajectory>();
        foreach (string arm in new[] { Placebo, Active })
        {
            double slope = arm == Active ? -2.6 : -1.1;
            for (int s = 0; s < 20; s++)
            {
                double baseline = 26 + 12 * random.NextDouble();
                double[] values = Weeks.Select(w => Math.Round(Math.Clamp(baseline + slope * w + 4 * (random.NextDouble() - 0.5) * Math.Sqrt(w), 0, 60))).ToArray();
                if (s % 7 == 3)
                    values[^1] = double.NaN;   // dropped out before week 6
                subjects.Add(new SubjectTrajectory($"{(arm == Active ? "02" : "01")}-{s + 1:000}", arm, Weeks.ToArray(), values));
            }
        }
        return subjects;
    }

    /// <summary>Change from baseline per subject at each post-baseline week.</summary>
    internal static IEnumerable<(string Subject, string Arm, double Week, double Change)> Changes() =>
        Trajectories().SelectMany(t => t.Visits.Skip(1).Select((w, i) => (t.Subject, t.Arm, w, t.Values[i + 1] - t.Values[0])))
            .Where(c => double.IsFinite(c.Item4));

    internal static IReadOnlyList<ArmVisitPoint> MeanChangePoints() =>
        Changes().GroupBy(c => (c.Arm, c.Week)).Select(g =>
        {
            double[] x = g.Select(c => c.Change).ToArray();
            double mean = x.Average();
            double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
            double half = 2.09 * sd / Math.Sqrt(x.Length);   // t(0.975, ~19): close enough for a picture
            return new ArmVisitPoint(g.Key.Arm, g.Key.Week, $"Week {g.Key.Week}", mean, mean - half, mean + half, x.Length);
        }).ToList();

    internal static IReadOnlyList<PatientPercentChange> PercentChanges() =>
        Trajectories().Where(t => double.IsFinite(t.Values[^1]))
            .Select(t => new PatientPercentChange(t.Subject, t.Arm, 100 * (t.Values[^1] - t.Values[0]) / t.Values[0])).ToList();

    internal static IReadOnlyList<ArmValues> WeekSixChanges() =>
        Changes().Where(c => c.Week == 6).GroupBy(c => c.Arm).Select(g => new ArmValues(g.Key, g.Select(c => c.Change).ToArray())).ToList();

    internal static IReadOnlyList<PairedPoint> MoodVsPain()
    {
        var random = new Random(7);
        return Changes().Where(c => c.Week == 6)
            .Select(c => new PairedPoint(c.Arm, c.Change, Math.Round(0.12 * c.Change + 2.0 * (random.NextDouble() - 0.5), 1))).ToList();
    }

    internal static IReadOnlyList<ForestRow> ForestRows() =>
    [
        new("Week 2", "MADRS", -3.1, -5.9, -0.3),
        new("Week 4", "MADRS", -6.4, -9.8, -3.0),
        new("Week 6", "MADRS", -9.2, -13.1, -5.3),
        new("Week 6", "Pain NRS", -0.9, -1.8, 0.1),
    ];

    internal static readonly Threshold[] WaterfallThresholds = [new(-30, "−30 % (minimal improvement)"), new(-50, "−50 % (response)")];
}
